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

/** A mailing on its way: how many of its emails are out, and when all should be, at the pace seen so far. */
export interface MailingProgress {
  sent: number;
  total: number;
  perMinute?: number;
  doneBy?: Date;
}

/** What the record of a mailing says: how many are out, when the first and the last went, and how many went first. */
export interface MailingRecord {
  sent: number;
  firstAt: Date | null;
  lastAt: Date | null;
  /** Recorded at `firstAt`: a batch is recorded at one instant, and its emails took no time after the first. */
  sentFirst: number;
}

/** Watched for less than this, a mailing's pace says little (Temporal lets the first requests go in a burst). */
export const PACE_SEEN_AFTER_MS = 3_000;

/**
 * Where a mailing is, from what has been recorded of it: `undefined` once all are out. Its pace is the one
 * seen since the first batch was recorded, once it has been watched long enough to mean something; so the
 * estimate follows the provider's real rate.
 */
export function mailingProgress(total: number, recorded: MailingRecord, now: Date): MailingProgress | undefined {
  const { sent, firstAt, lastAt, sentFirst } = recorded;
  if (sent >= total) return undefined;
  const span = firstAt && lastAt ? lastAt.getTime() - firstAt.getTime() : 0;
  if (span < PACE_SEEN_AFTER_MS || sent <= sentFirst) return { sent, total };
  const perMs = (sent - sentFirst) / span;
  return { sent, total, perMinute: Math.round(perMs * 60_000), doneBy: new Date(now.getTime() + (total - sent) / perMs) };
}
