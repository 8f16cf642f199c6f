/** The pair workflow's contract: its input, its state, the messages it takes, its failures and its id. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CheckInDecision, Health, HealthReason } from '../../domain/pair-health.js';
import type { FlashSchedule } from '../../domain/programme-format.js';
import type { OwedSignal, PairStage } from '../../domain/types.js';

/** `pair-<cohort>-<mentee>-<mentor>`, short ids only: a pair is never formed twice (exclusions). */
export const pairWorkflowId = (cohortSlug: string, menteeId: string, mentorId: string): string =>
  `pair-${cohortSlug}-${menteeId.slice(0, 8)}-${mentorId.slice(0, 8)}`;

export interface PairWorkflowInput {
  version: 1;
  pairId: string;
  cohortId: string;
  cohortSlug: string;
  menteeId: string;
  mentorId: string;
  programmeEndsAt: string;
  /** The cohort's schedule as it concerns the pair (absent in pairs started before the charter existed). */
  schedule?: { charterDurationMs: number; checkInCount: number; checkInIntervalMs: number; finalSurveyMs?: number };
  /** A flash mentoring pair, until it goes on as a long pair. */
  flash?: FlashSchedule;
  state?: PairState;
}

export interface OpenCheckIn {
  round: number;
  closesAt: string;
  /** Who has answered (heard from the web app); what they answered is read from PostgreSQL when the round closes. */
  answered?: string[];
  reminded: boolean;
}

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
    /** The round open now: when it closes, who answered, whether the silent were reminded. */
    open?: OpenCheckIn;
    /** Who did not answer the last round: silent twice in a row puts the pair at risk. */
    silentLastRound: string[];
  };
  health?: Health;
  /** Runs from before reasons were data hold English sentences. */
  healthReasons?: HealthReason[];
  /** The closing satisfaction survey: when it closes and who answered (answers are in the database). */
  finalSurvey?: { closesAt: string; answered: string[]; reminded: boolean };
  ended?: { reason: string };
  /**
   * A flash pair: whether both were reminded to book their meeting, and whether both want to go on as a long
   * pair; once it has, when its feedback form opened (check-in round 0, before the long pair's rounds).
   */
  flash?: { bookingReminded: boolean; goOn?: boolean; feedbackAt?: string };
}

/** The pair workflow as its starters see it: started by name, its code in the worker's bundle only. */
export type PairWorkflow = (input: PairWorkflowInput) => Promise<PairState>;

/** An answer the web app stored for this pair; the worker delivers them (in batches) from PostgreSQL. */
export type AnswerRecorded =
  | { form: 'charter'; participantId: string; at: string }
  | { form: 'check-in'; participantId: string; round: number }
  | { form: 'final-survey'; participantId: string };

/** The structured answers of a round, as the pair decides on them (free text stays in PostgreSQL). */
export type RoundAnswers = Record<string, CheckInDecision>;

/** An admin action the pair cannot take now (nothing to nudge or extend, already paused...); the message says why. */
export const PAIR_ACTION_REFUSED = 'PairActionRefused';

export const pairStateQuery = defineQuery<PairState>('pairState');
export const answersRecordedSignal = defineSignal<[AnswerRecorded[]]>('answersRecorded');
/** What a stored answer (signature, check-in, final survey) owes its pair's workflow (the relay sends it). */
export const answerRecordedOwed = (workflowId: string, answered: AnswerRecorded): OwedSignal<AnswerRecorded> => ({
  workflowId,
  signal: answersRecordedSignal.name,
  payload: answered,
});
/** Ends a pair early (rematch of one party, admin decision); the pair workflow closes itself. */
export const endPairSignal = defineSignal<[{ reason: string }]>('endPair');

/** Moves the deadline the pair waits for (charter, open check-in, final survey) and tells whoever has not answered. */
export const extendDeadlineUpdate = defineUpdate<{ deadline: string; told: string[] }, [{ byMs: number }]>('extendDeadline');
/** Stops the pair's clock (a party is away): no check-in, reminder or deadline until resumed. */
export const pauseUpdate = defineUpdate<{ since: string }, [{ reason: string }]>('pause');
/** Restarts the clock: the open check-in, the check-ins to come and the pair's end move by the time paused. */
export const resumeUpdate = defineUpdate<{ upcoming: Upcoming }, []>('resume');

/** What comes next for a pair that resumes, told to each party in their language (instants in ms). */
export type Upcoming =
  { kind: 'open-check-in'; round: number; until: number } | { kind: 'check-in'; at: number } | { kind: 'end'; at: number };
/** At a dissolution for an unsigned charter, whether both parties (true) or only whoever signed go back to matching. */
export const keepBothUpdate = defineUpdate<{ keepBoth: boolean }, [{ keepBoth: boolean }]>('keepBoth');
/** The admin re-sends what the pair waits for (charter, check-in or final survey) to whoever has not answered. */
export const nudgeUpdate = defineUpdate<{ nudged: string[] }, []>('nudge');
