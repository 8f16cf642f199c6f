/** Types shared by the web app, the workflows and the activities. Plain data only. */

export const ROLES = ['mentor', 'mentee'] as const;
export type Role = (typeof ROLES)[number];

/** Where a cohort is in its programme; also the value of the TandemStage search attribute. */
export const COHORT_STAGES = ['survey', 'matching', 'review', 'running', 'closed'] as const;
export type CohortStage = (typeof COHORT_STAGES)[number];

/** Where a pair is; also the TandemStage search attribute of pair workflows. */
export const PAIR_STAGES = ['introduction', 'matched', 'charter', 'active', 'final-survey', 'completed', 'dissolved', 'ended'] as const;
export type PairStage = (typeof PAIR_STAGES)[number];

export interface ParticipantRef {
  id: string;
  role: Role;
}

/**
 * A signal owed to a workflow once a row is stored: written to the outbox in the row's own transaction, sent by
 * the worker's relay. Each workflow's contract makes the ones owed to it.
 */
export interface OwedSignal<Payload extends object = object> {
  workflowId: string;
  signal: string;
  payload: Payload;
}

export interface EmailAddress {
  name: string;
  email: string;
}

/** Why an admin ends a pair early: objectives achieved (it still gets its final survey), no longer followed up, or another reason in words. */
export const PAIR_END_REASONS = {
  'objectives achieved': 'Objectives achieved',
  'no longer following up': 'A party no longer follows up',
  other: 'Other',
} as const;

/**
 * The failure type of an activity that finds its cohort or pair gone from the database (erased, say): never
 * retried, and the workflow ends quietly rather than failing.
 */
export const NOT_FOUND = 'NotFound';
