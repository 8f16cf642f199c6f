import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { expect } from 'vitest';
import type { Activities } from '../../activities/index.js';
import type { CheckInAnswers } from '../../domain/check-in.js';
import { toDecision } from '../../domain/pair-health.js';
import { answersRecordedSignal, pairStateQuery, type PairWorkflowInput, type RoundAnswers } from '../../workflows/pair/contract.js';
import { eventually } from './eventually.js';

/** What the web app would have stored for each pair, by pair id: the pair's workflow reads it when a window closes. */
interface StoredAnswers {
  signed: Record<string, string>;
  rounds: Record<number, RoundAnswers>;
  finalSurvey: string[];
}

/** Activities replaced by recorders (and PostgreSQL by `stored`): what is tested is the pair's own logic and timing. */
export function recording() {
  const calls: { name: string; at: number; args: Record<string, unknown> }[] = [];
  const stored = new Map<string, StoredAnswers>();
  const of = (pairId: string) => stored.get(pairId) ?? { signed: {}, rounds: {}, finalSurvey: [] };
  const record = (name: string) => async (args: Record<string, unknown>) => {
    calls.push({ name, at: Date.now(), args });
  };
  const activities: Partial<Activities> = {
    sendMatchIntroduction: record('introduce'),
    openCharter: record('open-charter'),
    remindCharter: record('remind'),
    alertCharterUnsigned: record('alert-admin'),
    closeCharter: async (args) => (calls.push({ name: 'close-charter', at: Date.now(), args }), { signed: of(args.pairId).signed }),
    saveCharterDeadline: record('save-deadline'),
    moveAnswerWindow: record('move-window'),
    kickOffPair: record('kick-off'),
    dissolvePair: record('dissolve'),
    closePair: record('close'),
    pausePair: record('pause'),
    resumePair: record('resume'),
    requestCheckIn: record('check-in'),
    remindMeetingBooking: record('remind-booking'),
    closeCheckIn: async (args) => (
      calls.push({ name: 'close-check-in', at: Date.now(), args }),
      { answers: of(args.pairId).rounds[args.round] ?? {} }
    ),
    recordHealth: record('health'),
    requestFinalSurvey: record('final-survey'),
    closeFinalSurvey: async (args) => (
      calls.push({ name: 'close-final-survey', at: Date.now(), args }),
      { answered: of(args.pairId).finalSurvey }
    ),
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

export const mentee = randomUUID();
export const mentor = randomUUID();
export const fine: CheckInAnswers = { met: 'yes', meetings: 1, rating: 4, blocking: '', continue: 'yes' };

/** Starts pair workflows on a test worker's queue and speaks for its two parties, as the web app and the worker's relay would. */
export function pairWorkflowKit(client: () => Client) {
  const pairIds = new Map<string, string>();
  const input = (charterMs: number, programmeMs = 60_000): PairWorkflowInput => ({
    version: 1,
    pairId: randomUUID(),
    cohortId: randomUUID(),
    cohortSlug: 'pair-test',
    menteeId: mentee,
    mentorId: mentor,
    programmeEndsAt: new Date(Date.now() + programmeMs).toISOString(),
    schedule: { charterDurationMs: charterMs, checkInCount: 3, checkInIntervalMs: 20_000, finalSurveyMs: 2_000 },
  });
  const start = async (taskQueue: string, args: PairWorkflowInput) => {
    const handle = await client().workflow.start('pairWorkflow', { taskQueue, workflowId: `pair-test-${randomUUID()}`, args: [args] });
    pairIds.set(handle.workflowId, args.pairId);
    return handle;
  };
  const pairOf = (handle: WorkflowHandle) => pairIds.get(handle.workflowId)!;

  /** A signature stored; `signal: false` leaves the workflow to find it when the charter closes. */
  const sign = async (recorded: Recording, handle: WorkflowHandle, participantId: string, { signal = true } = {}) => {
    const at = new Date().toISOString();
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
  async function activePair(recorded: Recording, taskQueue: string, intervalMs: number, count: number, programmeMs = 60_000) {
    const args = {
      ...input(60_000, programmeMs),
      schedule: { charterDurationMs: 60_000, checkInCount: count, checkInIntervalMs: intervalMs, finalSurveyMs: 2_000 },
    };
    const handle = await start(taskQueue, args);
    await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
    await sign(recorded, handle, mentee);
    await sign(recorded, handle, mentor);
    return handle;
  }
  const openRound = async (handle: WorkflowHandle, round: number) =>
    eventually(async () => expect((await handle.query(pairStateQuery)).checkIns.open?.round).toBe(round), 15_000);

  return { input, start, sign, answer, answerFinal, activePair, openRound };
}
