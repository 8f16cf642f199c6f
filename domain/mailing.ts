/**
 * Emails to a whole cohort go out at the mail provider's pace: each request (a batch of up to 100) is an
 * activity on a task queue of its own, whose rate Temporal holds to the provider's across every worker.
 */
export const emailTaskQueue = (taskQueue: string) => `${taskQueue}-email`;

/** A mailing of the intake survey: the invitations, or a reminder (scheduled by round, or asked for by the admin). */
export type SurveyMailing = { kind: 'invitation' } | { kind: 'reminder'; round: number; requestId?: string };

/** One request's worth of a mailing: the recipients whose ids lie between these two, both included. */
export interface IdRange {
  first: string;
  last: string;
}

/** Whom a mailing goes to, cut in batches: ids in ranges, so the plan stays small at any size. */
export interface MailingPlan {
  total: number;
  batches: IdRange[];
}

/** Cuts ids, in order, into ranges of at most `size`. */
export function rangesOf(sortedIds: readonly string[], size: number): IdRange[] {
  const ranges: IdRange[] = [];
  for (let i = 0; i < sortedIds.length; i += size)
    ranges.push({ first: sortedIds[i]!, last: sortedIds[Math.min(i + size, sortedIds.length) - 1]! });
  return ranges;
}
