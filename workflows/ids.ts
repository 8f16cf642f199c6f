/** Readable workflow ids, one pure function per kind, so operators recognise them in the Temporal UI. */
export const cohortWorkflowId = (slug: string): string => `cohort-${slug}`;
