/**
 * A pair's timeline as the admin reads it on the pair's page: one row per fact, each from its own table
 * (db/pair-timeline.ts), worded by the page. `detail` says which: an email's kind, a check-in's round, a closed
 * window's form ("check-in#2"), an admin's action ("pair pause").
 */
export interface TimelineEvent {
  kind: 'matched' | 'email' | 'signed' | 'check-in' | 'final-survey' | 'closed' | 'action';
  at: Date;
  /** Who: the addressee of an email, the author of a signature or answer. */
  participantId: string | null;
  detail: string | null;
  /** An email's: sent, or bounced. */
  status: string | null;
  /** What they answered, in their words. */
  answers: Record<string, unknown> | null;
  /** The admin behind an action, by their account's name. */
  actor: string | null;
}
