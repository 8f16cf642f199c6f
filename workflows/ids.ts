/** Readable workflow ids, one pure function per kind, so operators recognise them in the Temporal UI. */
export const cohortWorkflowId = (slug: string): string => `cohort-${slug}`;

/** `pair-<cohort>-<mentee>-<mentor>`, short ids only: a pair is never formed twice (exclusions). */
export const pairWorkflowId = (cohortSlug: string, menteeId: string, mentorId: string): string =>
  `pair-${cohortSlug}-${menteeId.slice(0, 8)}-${mentorId.slice(0, 8)}`;
