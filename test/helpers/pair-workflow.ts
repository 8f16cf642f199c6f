import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { expect } from 'vitest';
import type { Activities } from '../../activities/index.js';
import type { CheckInAnswers } from '../../domain/check-in.js';
import type { PairWorkflowInput } from '../../workflows/pair.js';
import { pairStateQuery, signCharterUpdate, submitCheckInUpdate } from '../../workflows/messages.js';
import { eventually } from './eventually.js';

/** Activities replaced by recorders: what is tested is the pair's own logic and timing. */
export function recording() {
  const calls: { name: string; at: number; args: Record<string, unknown> }[] = [];
  const record = (name: string) => async (args: Record<string, unknown>) => {
    calls.push({ name, at: Date.now(), args });
  };
  const activities: Partial<Activities> = {
    sendMatchIntroduction: record('introduce'),
    openCharter: record('open-charter'),
    remindCharter: record('remind'),
    alertCharterUnsigned: record('alert-admin'),
    recordSignature: async (args) => {
      calls.push({ name: 'sign', at: Date.now(), args });
      return { signedAt: new Date().toISOString() };
    },
    saveCharterDeadline: record('save-deadline'),
    kickOffPair: record('kick-off'),
    dissolvePair: record('dissolve'),
    closePair: record('close'),
    pausePair: record('pause'),
    resumePair: record('resume'),
    requestCheckIn: record('check-in'),
    recordCheckIn: record('answer'),
    recordHealth: record('health'),
    requestFinalSurvey: record('final-survey'),
    recordFinalSurvey: record('final-answer'),
    completePair: record('complete'),
  };
  return { calls, activities, names: () => calls.map((c) => c.name) };
}

export const mentee = randomUUID();
export const mentor = randomUUID();
export const fine: CheckInAnswers = { met: 'yes', meetings: 1, rating: 4, blocking: '', continue: 'yes' };

/** Starts pair workflows on a test worker's queue and speaks for its two parties. */
export function pairWorkflowKit(client: () => Client) {
  const input = (charterMs: number, programmeMs = 60_000): PairWorkflowInput => ({
    version: 1, pairId: randomUUID(), cohortId: randomUUID(), cohortSlug: 'pair-test', menteeId: mentee, mentorId: mentor,
    programmeEndsAt: new Date(Date.now() + programmeMs).toISOString(),
    schedule: { charterDurationMs: charterMs, checkInCount: 3, checkInIntervalMs: 20_000, finalSurveyMs: 2_000 },
  });
  const start = (taskQueue: string, args: PairWorkflowInput) => client().workflow.start('pairWorkflow', { taskQueue, workflowId: `pair-test-${randomUUID()}`, args: [args] });
  const sign = (handle: WorkflowHandle, participantId: string) => handle.executeUpdate(signCharterUpdate, { args: [{ participantId, typedName: 'A Name' }] });

  /** A pair past its charter: both sign at once; check-ins every `intervalMs`, the first after half of it. */
  async function activePair(taskQueue: string, intervalMs: number, count: number, programmeMs = 60_000) {
    const args = { ...input(60_000, programmeMs), schedule: { charterDurationMs: 60_000, checkInCount: count, checkInIntervalMs: intervalMs, finalSurveyMs: 2_000 } };
    const handle = await start(taskQueue, args);
    await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
    await sign(handle, mentee);
    await sign(handle, mentor);
    return handle;
  }
  const answer = (handle: WorkflowHandle, round: number, participantId: string, answers = fine) =>
    handle.executeUpdate(submitCheckInUpdate, { args: [{ round, participantId, answers }] });
  const openRound = async (handle: WorkflowHandle, round: number) =>
    eventually(async () => expect((await handle.query(pairStateQuery)).checkIns.open?.round).toBe(round), 15_000);

  return { input, start, sign, activePair, answer, openRound };
}
