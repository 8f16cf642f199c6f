/** The cohort workflow's contract: its input, its state, the messages it takes, its failures and its id. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ProgrammeSchedule } from '../../domain/schedule.js';
import type { CohortStage, OwedSignal } from '../../domain/types.js';
import type { Adjustment } from '../../matching/adjust.js';
import type { PairWarning } from '../../matching/explanations.js';
import type { MatchSettings } from '../../matching/settings.js';

export const cohortWorkflowId = (slug: string): string => `cohort-${slug}`;

export interface CohortWorkflowInput {
  version: 1;
  cohortId: string;
  slug: string;
  schedule: ProgrammeSchedule;
  /** Known at creation, so the figures are right before the invitations are out. */
  participantCount?: number;
  /** Set when the workflow continues as new, so the next run picks up where this one stopped. */
  state?: Partial<CohortState>;
}

/** What the cohort workflow knows and reports: the answer to `cohortStateQuery`, carried across continue-as-new. */
export interface CohortState {
  stage: CohortStage;
  total: number;
  invited: number;
  /** Invitations the mail service refused (each is marked on the cohort page). */
  bounced?: number;
  /** Surveys answered, as last heard (exact once the survey has closed: it is then counted in PostgreSQL). */
  answered: number;
  remindersSent: number;
  reminded: number;
  closedEarly: boolean;
  /** When the admin last reminded by hand (epoch ms). */
  remindedByHandAt?: number;
  /** The proposal under review or last approved. */
  proposal?: { runId: string; pairs: number; mentees: number; approved: boolean; withdrawn?: boolean };
  /** Participants waiting for a (new) partner: the next match round takes them. */
  rematchQueue: string[];
  /** Participants added after the survey opened and not yet heard from, with the end of their own survey window (epoch ms). */
  lateJoiners: Record<string, number>;
  programmeEndsAt?: string;
  rounds: number;
  /** Pairs that told the cohort they completed: each wakes the cohort to check whether any is still open. */
  pairsClosed?: number;
  /** A participant was erased: the next quiet moment starts a new run, leaving this run's history behind. */
  forget?: boolean;
  /** Once closed: when the cohort's personal data is erased (the end of its retention). */
  eraseAt?: string;
}

/** The cohort workflow as its starters see it: started by name, its code in the worker's bundle only. */
export type CohortWorkflow = (input: CohortWorkflowInput) => Promise<CohortState>;

/** A sign-up through the cohort's public link, stored by the web app: each is owed its confirmation email. */
export interface EnrolmentRequested {
  requestId: string;
}
export const ENROLMENT_REQUESTED = 'enrolmentRequested';

/** A first survey answer, stored by the web app; the worker delivers them in batches. */
export interface SurveyAnswered {
  participantId: string;
}

/** Failure types the web app turns into pages. */
export const SURVEY_CLOSED = 'SurveyClosed';
export const MATCH_CLOSED = 'MatchNotOpen';
/** An admin's change to a proposal that cannot be made (its reason is a `RefusalCode`). */
export const INVALID_ADJUSTMENT = 'InvalidAdjustment';

export const cohortStateQuery = defineQuery<CohortState>('cohortState');
export const surveyAnsweredSignal = defineSignal<[SurveyAnswered[]]>('surveyAnswered');
/** Delivered in batches by the worker's relay, like survey answers. */
export const enrolmentRequestedSignal = defineSignal<[EnrolmentRequested[]]>(ENROLMENT_REQUESTED);

/** What a stored survey answer owes the cohort's workflow (the relay sends it). */
export const surveyAnsweredOwed = (slug: string, answered: SurveyAnswered): OwedSignal<SurveyAnswered> => ({
  workflowId: cohortWorkflowId(slug),
  signal: surveyAnsweredSignal.name,
  payload: answered,
});
/** Where a sign-up's signal goes; its payload (the request's id) is made where the request is stored. */
export const enrolmentRequestedOwed = (slug: string): Omit<OwedSignal, 'payload'> => ({
  workflowId: cohortWorkflowId(slug),
  signal: ENROLMENT_REQUESTED,
});
/** An address the mail provider refused after accepting an email (a late bounce, a complaint), told by its webhook. */
export interface EmailBounced {
  participantId: string;
}
export const emailBouncedSignal = defineSignal<[EmailBounced[]]>('emailBounced');
export const emailBouncedOwed = (slug: string, bounced: EmailBounced): OwedSignal<EmailBounced> => ({
  workflowId: cohortWorkflowId(slug),
  signal: emailBouncedSignal.name,
  payload: bounced,
});
export const closeSurveyUpdate = defineUpdate<{ closed: true }, []>('closeSurvey');
/** The admin reminds now whoever has not answered the survey; at most once a day, so nobody is pestered. */
export const remindSurveyUpdate = defineUpdate<{ reminded: number }, [{ requestId: string }]>('remindSurvey');
export const REMINDER_TOO_SOON = 'ReminderTooSoon';
export const MANUAL_REMINDER_GAP_MS = 86_400_000;

export const approveMatchUpdate = defineUpdate<{ approved: true }, [{ runId: string }]>('approveMatch');
export const rerunMatchUpdate = defineUpdate<{ rerun: true }, [{ settings: MatchSettings }]>('rerunMatch');
export const adjustMatchUpdate = defineUpdate<
  { warnings: PairWarning[] },
  [{ runId: string; requestId: string; adjustment: Adjustment; reason: string }]
>('adjustMatch');
/** Someone needs a new partner: from the admin. */
/** The pair to end is named (a mentor may have several); runs from before named only the person. */
/** `alone`: only this person is matched again (they asked for a new partner); the other gives up the place. */
export const requestRematchUpdate = defineUpdate<
  { queued: string[] },
  [{ participantId: string; reason: string; pairId?: string; alone?: boolean }]
>('requestRematch');
export const addLateJoinersUpdate = defineUpdate<{ invited: number }, [{ participantIds: string[] }]>('addLateJoiners');
/** A pair has completed (after its final survey): the cohort closes when none is left. */
export const pairClosedSignal = defineSignal<[{ pairId: string }]>('pairClosed');
/** A participant's personal data was erased: the cohort drops them from its queues and starts a fresh history. */
export const forgetParticipantSignal = defineSignal<[{ participantId: string }]>('forgetParticipant');
/** A pair ended without the cohort's doing (dissolved): these participants need a new partner. */
export const pairEndedSignal = defineSignal<[{ participantIds: string[]; reason: string }]>('pairEnded');
