import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CheckInAnswers, Health } from '../domain/check-in.js';
import type { FinalSurveyAnswers } from '../domain/final-survey.js';
import type { SurveyAnswers } from '../domain/survey.js';
import type { CohortStage, PairStage } from '../domain/types.js';
import type { Adjustment } from '../matching/adjust.js';
import type { MatchSettings } from '../matching/settings.js';

/** What the cohort workflow knows and reports: the answer to `cohortStateQuery`, carried across continue-as-new. */
export interface CohortState {
  stage: CohortStage;
  total: number;
  invited: number;
  answered: number;
  remindersSent: number;
  reminded: number;
  closedEarly: boolean;
  /** The proposal under review or last approved. */
  proposal?: { runId: string; pairs: number; mentees: number; approved: boolean };
  /** Participants waiting for a (new) partner: the next match round takes them. */
  rematchQueue: string[];
  /** Participants added after the survey opened, with the end of their own survey window (epoch ms). */
  lateJoiners: Record<string, number>;
  programmeEndsAt?: string;
  rounds: number;
  /** Pairs that told the cohort they completed: each wakes the cohort to check whether any is still open. */
  pairsClosed?: number;
}

/** A participant's intake-survey submission; the id makes a double submit of one form a single update. */
export interface SurveySubmission {
  version: 1;
  submissionId: string;
  participantId: string;
  answers: SurveyAnswers;
}

export interface SurveySubmissionResult {
  firstAnswer: boolean;
  answered: number;
  total: number;
}

/** Failure types the web app turns into pages. */
export const SURVEY_CLOSED = 'SurveyClosed';

export const cohortStateQuery = defineQuery<CohortState>('cohortState');
export const submitSurveyUpdate = defineUpdate<SurveySubmissionResult, [SurveySubmission]>('submitSurvey');
export const closeSurveyUpdate = defineUpdate<CohortState, []>('closeSurvey');

export const approveMatchUpdate = defineUpdate<CohortState, [{ runId: string }]>('approveMatch');
export const rerunMatchUpdate = defineUpdate<CohortState, [{ settings: MatchSettings }]>('rerunMatch');
export const adjustMatchUpdate = defineUpdate<{ warnings: string[] }, [{ runId: string; requestId: string; adjustment: Adjustment; reason: string }]>('adjustMatch');
/** Someone needs a new partner: from the admin, or (later) from a dissolved pair. */
export const requestRematchUpdate = defineUpdate<CohortState, [{ participantId: string; reason: string }]>('requestRematch');
export const addLateJoinersUpdate = defineUpdate<CohortState, [{ participantIds: string[] }]>('addLateJoiners');
export const MATCH_CLOSED = 'MatchNotOpen';

export interface PairState {
  stage: PairStage;
  /** When the charter must be signed by (ISO), once the charter stage has begun. */
  charterDeadline?: string;
  /** Who signed the charter, and when (ISO). */
  signed: Record<string, string>;
  charterReminded: boolean;
  /** How many times the admin nudged: each nudge is an email of its own. */
  nudges?: number;
  adminAlerted: boolean;
  /** When both had signed and the pair started (ISO): the check-in schedule counts from it. */
  kickedOffAt?: string;
  /** Paused by the admin: no check-in, reminder or deadline until resumed. */
  paused?: { since: string; reason: string };
  /** How many times the pair was paused: each pause and resume is an email of its own. */
  pauses?: number;
  /** Time spent paused: the check-ins still to come and the pair's end move that much later. */
  pausedMs?: number;
  /** The admin's choice: if the charter is not signed in time, both parties (not only whoever signed) are matched again. */
  keepBoth?: boolean;
  checkIns: {
    done: number;
    /** The round open now: when it closes, who answered what, whether the silent were reminded. */
    open?: { round: number; closesAt: string; answers: Record<string, CheckInAnswers>; reminded: boolean };
    /** Who did not answer the last round: silent twice in a row puts the pair at risk. */
    silentLastRound: string[];
  };
  health?: Health;
  healthReasons?: string[];
  /** The closing satisfaction survey: when it closes and who answered (answers are in the database). */
  finalSurvey?: { closesAt: string; answered: string[]; reminded: boolean };
  ended?: { reason: string };
}

export const CHECK_IN_REFUSED = 'CheckInRefused';
/** An admin action the pair cannot take now (nothing to nudge or extend, already paused...); the message says why. */
export const PAIR_ACTION_REFUSED = 'PairActionRefused';
/** Moves the deadline the pair waits for (charter, open check-in, final survey) and tells whoever has not answered. */
export const extendDeadlineUpdate = defineUpdate<{ deadline: string; told: string[] }, [{ byMs: number }]>('extendDeadline');
/** Stops the pair's clock (a party is away): no check-in, reminder or deadline until resumed. */
export const pauseUpdate = defineUpdate<PairState, [{ reason: string }]>('pause');
/** Restarts the clock: the open check-in, the check-ins to come and the pair's end move by the time paused. */
export const resumeUpdate = defineUpdate<PairState, []>('resume');
/** At a dissolution for an unsigned charter, whether both parties (true) or only whoever signed go back to matching. */
export const keepBothUpdate = defineUpdate<PairState, [{ keepBoth: boolean }]>('keepBoth');
export const FINAL_SURVEY_REFUSED = 'FinalSurveyRefused';
/** The admin re-sends what the pair waits for (charter, check-in or final survey) to whoever has not answered. */
export const nudgeUpdate = defineUpdate<{ nudged: string[] }, []>('nudge');
export const submitFinalSurveyUpdate = defineUpdate<PairState, [{ participantId: string; answers: FinalSurveyAnswers }]>('submitFinalSurvey');
/** A pair has completed (after its final survey): the cohort closes when none is left. */
export const pairClosedSignal = defineSignal<[{ pairId: string }]>('pairClosed');
export const submitCheckInUpdate = defineUpdate<PairState, [{ round: number; participantId: string; answers: CheckInAnswers }]>('submitCheckIn');

export const CHARTER_REFUSED = 'CharterRefused';
export const signCharterUpdate = defineUpdate<PairState, [{ participantId: string; typedName: string }]>('signCharter');
/** A pair ended without the cohort's doing (dissolved): these participants need a new partner. */
export const pairEndedSignal = defineSignal<[{ participantIds: string[]; reason: string }]>('pairEnded');

export const pairStateQuery = defineQuery<PairState>('pairState');
/** Ends a pair early (rematch of one party, admin decision); the pair workflow closes itself. */
export const endPairSignal = defineSignal<[{ reason: string }]>('endPair');
