import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { expect } from 'vitest';
import type { Activities } from '../../activities/index.js';
import type { CheckInAnswers } from '../../domain/check-in.js';
import { toDecision } from '../../domain/pair-health.js';
import {
  answersRecordedSignal,
  pairStateQuery,
  type PairState,
  type PairWorkflowInput,
  type RoundAnswers,
} from '../../workflows/pair/contract.js';
import { eventually } from './eventually.js';
import { DAY, HOUR } from './time-skipping.js';

/** What the web app would have stored for each pair, by pair id: the pair's workflow reads it when a window closes. */
interface StoredAnswers {
  signed: Record<string, string>;
  rounds: Record<number, RoundAnswers>;
  finalSurvey: string[];
}

/**
 * Activities replaced by recorders (and PostgreSQL by `stored`): what is tested is the pair's own logic and timing,
 * each call noted at the server's time (skipped, under the time-skipping server).
 */
export function recording() {
  const calls: { name: string; at: number; args: Record<string, unknown> }[] = [];
  const stored = new Map<string, StoredAnswers>();
  const of = (pairId: string) => stored.get(pairId) ?? { signed: {}, rounds: {}, finalSurvey: [] };
  const note = (name: string, args: Record<string, unknown>) =>
    calls.push({ name, at: Context.current().info.currentAttemptScheduledTimestampMs, args });
  const record = (name: string) => async (args: Record<string, unknown>) => void note(name, args);
  const activities: Partial<Activities> = {
    sendMatchIntroduction: record('introduce'),
    openCharter: record('open-charter'),
    remindCharter: record('remind'),
    alertCharterUnsigned: record('alert-admin'),
    closeCharter: async (args) => (note('close-charter', args), { signed: of(args.pairId).signed }),
    saveCharterDeadline: record('save-deadline'),
    moveAnswerWindow: record('move-window'),
    kickOffPair: record('kick-off'),
    dissolvePair: record('dissolve'),
    pausePair: record('pause'),
    resumePair: record('resume'),
    requestCheckIn: record('check-in'),
    remindMeetingBooking: record('remind-booking'),
    closeCheckIn: async (args) => (note('close-check-in', args), { answers: of(args.pairId).rounds[args.round] ?? {} }),
    recordHealth: record('health'),
    requestFinalSurvey: record('final-survey'),
    closeFinalSurvey: async (args) => (note('close-final-survey', args), { answered: of(args.pairId).finalSurvey }),
    completePair: record('complete'),
  };
  /** Stores an answer as the web app would; with `signal: false`, as if its signal were still on its way. */
  const store = (pairId: string, change: (answers: StoredAnswers) => void) => {
    const answers = of(pairId);
    change(answers);
    stored.set(pairId, answers);
  };
  return { calls, activities, names: () => calls.map((c) => c.name), store };
}

export type Recording = ReturnType<typeof recording>;

/** How many workflow tasks and activities a run's history shows scheduled and not yet done. */
function inFlight(events: temporal.api.history.v1.IHistoryEvent[]): number {
  const { EventType } = temporal.api.enums.v1;
  let task = 0;
  const activities = new Set<string>();
  for (const e of events) {
    if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) task = 1;
    else if (
      e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED ||
      e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED ||
      e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT
    )
      task = 0;
    else if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) activities.add(String(e.eventId));
    else {
      const done =
        e.activityTaskCompletedEventAttributes ??
        e.activityTaskFailedEventAttributes ??
        e.activityTaskTimedOutEventAttributes ??
        e.activityTaskCanceledEventAttributes;
      if (done) activities.delete(String(done.scheduledEventId));
    }
  }
  return task + activities.size;
}

export const mentee = randomUUID();
export const mentor = randomUUID();
export const fine: CheckInAnswers = { met: 'yes', meetings: 1, rating: 4, blocking: '', continue: 'yes' };

/** The server's clock, and how a test moves it on: the dev server's runs; the time-skipping server's is skipped. */
export interface ServerClock {
  now(): Promise<number>;
  /** Moves time on by `ms` (absent where time only runs). */
  skip?(ms: number): Promise<void>;
}
const runningClock: ServerClock = { now: async () => Date.now() };

/** The clock of Temporal's time-skipping test server: a programme's months in a few seconds. */
export const skippedClock = (env: () => TestWorkflowEnvironment): ServerClock => ({
  now: () => env().currentTimeMs(),
  skip: (ms) => env().sleep(ms),
});

/**
 * Starts pair workflows on a test worker's queue and speaks for its two parties, as the web app and the worker's
 * relay would. Durations are the programme's own; under the time-skipping server (`clock`), days pass in moments.
 */
export function pairWorkflowKit(client: () => Client, clock = runningClock) {
  const pairIds = new Map<string, string>();
  const input = async (charterMs: number, programmeMs = 60 * DAY): Promise<PairWorkflowInput> => ({
    version: 1,
    pairId: randomUUID(),
    cohortId: randomUUID(),
    cohortSlug: 'pair-test',
    menteeId: mentee,
    mentorId: mentor,
    programmeEndsAt: new Date((await clock.now()) + programmeMs).toISOString(),
    schedule: { charterDurationMs: charterMs, checkInCount: 3, checkInIntervalMs: 20 * DAY, finalSurveyMs: 2 * DAY },
  });
  /** What the tests started, to end what one left running: see `endLeftovers`. */
  const started: WorkflowHandle[] = [];
  const start = async (taskQueue: string, args: PairWorkflowInput) => {
    const handle = await client().workflow.start('pairWorkflow', { taskQueue, workflowId: `pair-test-${randomUUID()}`, args: [args] });
    pairIds.set(handle.workflowId, args.pairId);
    started.push(handle);
    return handle;
  };
  /**
   * Ends what a test left running (after a failure, say): under the time-skipping server, a pair whose worker
   * has stopped would hold the clock still (its next task never done) and hang the tests after it.
   */
  const endLeftovers = async () => {
    const leftovers = started.splice(0);
    await Promise.all(
      leftovers.map((handle) =>
        handle.terminate('test over').catch((error: unknown) => {
          if (!(error instanceof WorkflowNotFoundError)) throw error; // already closed
        }),
      ),
    );
  };
  const pairOf = (handle: WorkflowHandle) => pairIds.get(handle.workflowId)!;

  /** A signature stored; `signal: false` leaves the workflow to find it when the charter closes. */
  const sign = async (recorded: Recording, handle: WorkflowHandle, participantId: string, { signal = true } = {}) => {
    const at = new Date(await clock.now()).toISOString();
    recorded.store(pairOf(handle), (s) => (s.signed[participantId] = at));
    if (signal) await handle.signal(answersRecordedSignal, [{ form: 'charter', participantId, at }]);
  };
  const answer = async (recorded: Recording, handle: WorkflowHandle, round: number, participantId: string, answers = fine) => {
    recorded.store(pairOf(handle), (s) => ((s.rounds[round] ??= {})[participantId] = toDecision(answers)));
    await handle.signal(answersRecordedSignal, [{ form: 'check-in', participantId, round }]);
  };
  const answerFinal = async (recorded: Recording, handle: WorkflowHandle, participantId: string) => {
    recorded.store(pairOf(handle), (s) => s.finalSurvey.push(participantId));
    await handle.signal(answersRecordedSignal, [{ form: 'final-survey', participantId }]);
  };

  /** A pair past its charter: both sign at once; check-ins every `intervalMs`, the first after half of it. */
  async function activePair(recorded: Recording, taskQueue: string, intervalMs: number, count: number, programmeMs = 60 * DAY) {
    const args = {
      ...(await input(7 * DAY, programmeMs)),
      schedule: { charterDurationMs: 7 * DAY, checkInCount: count, checkInIntervalMs: intervalMs, finalSurveyMs: 2 * DAY },
    };
    const handle = await start(taskQueue, args);
    await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
    await sign(recorded, handle, mentee);
    await sign(recorded, handle, mentor);
    return handle;
  }
  /**
   * The pair's state once its latest run has nothing in flight (no workflow task, no activity). Under the
   * time-skipping server, a query that meets a run as it continues as new (after each round) can stop the
   * server's clock for good, so it waits for the run to be still first.
   */
  async function stateOf(handle: WorkflowHandle): Promise<PairState> {
    if (clock.skip)
      await expect
        .poll(async () => inFlight((await client().workflow.getHandle(handle.workflowId).fetchHistory()).events ?? []), {
          timeout: 15_000,
          interval: 20,
        })
        .toBe(0);
    return handle.query(pairStateQuery);
  }
  /** Until the pair's state passes `test`: time moves on by `stepMs` at a time where it can be skipped. */
  async function until(handle: WorkflowHandle, test: (state: PairState) => boolean, stepMs = 6 * HOUR) {
    if (!clock.skip) return eventually(async () => expect(test(await handle.query(pairStateQuery))).toBe(true), 15_000);
    for (let skipped = 0; !test(await stateOf(handle)); skipped += stepMs) {
      if (skipped > 400 * DAY) throw new Error(`The pair's state never came: ${JSON.stringify(await stateOf(handle))}`);
      await clock.skip(stepMs);
    }
  }
  const openRound = (handle: WorkflowHandle, round: number) => until(handle, (s) => s.checkIns.open?.round === round);

  return { input, start, sign, answer, answerFinal, activePair, stateOf, until, openRound, endLeftovers, now: clock.now };
}
