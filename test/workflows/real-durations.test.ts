/**
 * The pair lifecycle on its real schedule (a week to sign, monthly check-ins over a year, two weeks of final
 * survey) under Temporal's time-skipping test server: months of programme in seconds, activities stubbed.
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY, startTimeSkipping } from '../helpers/time-skipping.js';
import { testWorkflows } from '../helpers/stack.js';
import type { Activities } from '../../activities/index.js';
import { answersRecordedSignal, pairStateQuery, type PairWorkflowInput } from '../../workflows/pair/contract.js';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTimeSkipping();
});
afterAll(async () => env?.teardown());

/** Stand-in activities that note, in the server's (skipped) time, when the workflow asked for them. */
function recording() {
  const calls: { name: string; at: number; args: Record<string, unknown> }[] = [];
  const signed: Record<string, string> = {};
  const record = (name: string) => async (args: Record<string, unknown>) => {
    calls.push({ name, at: Context.current().info.currentAttemptScheduledTimestampMs, args });
  };
  const activities: Partial<Activities> = {
    sendMatchIntroduction: record('introduce'),
    openCharter: record('open-charter'),
    remindCharter: record('remind-charter'),
    alertCharterUnsigned: record('alert-admin'),
    closeCharter: async () => ({ signed }),
    kickOffPair: record('kick-off'),
    dissolvePair: record('dissolve'),
    requestCheckIn: record('check-in'),
    closeCheckIn: async () => ({ answers: {} }), // nobody answers: the pair ends up at risk
    recordHealth: record('health'),
    requestFinalSurvey: record('final-survey'),
    closeFinalSurvey: async () => ({ answered: [] }),
    completePair: record('complete'),
  };
  return { calls, activities, signed };
}

async function run(activities: Partial<Activities>, body: (taskQueue: string) => Promise<void>) {
  const taskQueue = `real-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...testWorkflows(),
    activities,
  });
  await worker.runUntil(body(taskQueue));
}

const yearLong = (start: number): PairWorkflowInput => ({
  version: 1,
  pairId: randomUUID(),
  cohortId: randomUUID(),
  cohortSlug: 'real',
  menteeId: randomUUID(),
  mentorId: randomUUID(),
  programmeEndsAt: new Date(start + 365 * DAY).toISOString(),
  schedule: { charterDurationMs: 7 * DAY, checkInCount: 12, checkInIntervalMs: 30 * DAY, finalSurveyMs: 14 * DAY },
});

it('an unsigned charter: reminded after 3½ days, the admin alerted after 5¼, dissolved after a week', async () => {
  const { calls, activities } = recording();
  await run(activities, async (taskQueue) => {
    const start = (await env.currentTimeMs()) as number;
    const handle = await env.client.workflow.start('pairWorkflow', {
      taskQueue,
      workflowId: `real-${randomUUID()}`,
      args: [yearLong(start)],
    });
    expect(await handle.result()).toMatchObject({ stage: 'dissolved' });
    const after = (name: string) => (calls.find((c) => c.name === name)!.at - start) / DAY;
    expect(after('remind-charter')).toBeCloseTo(3.5, 2);
    expect(after('alert-admin')).toBeCloseTo(5.25, 2);
    expect(after('dissolve')).toBeCloseTo(7, 2);
  });
});

it('a signed pair runs a year of monthly check-ins, then its two-week final survey, in seconds', async () => {
  const { calls, activities, signed } = recording();
  await run(activities, async (taskQueue) => {
    const start = (await env.currentTimeMs()) as number;
    const input = yearLong(start);
    const handle = await env.client.workflow.start('pairWorkflow', { taskQueue, workflowId: `real-${randomUUID()}`, args: [input] });
    await env.client.withDeadline(Date.now() + 30_000, async () => {
      while ((await handle.query(pairStateQuery)).stage !== 'charter') await new Promise((r) => setTimeout(r, 50));
    });
    for (const participantId of [input.menteeId, input.mentorId]) {
      signed[participantId] = new Date().toISOString();
      await handle.signal(answersRecordedSignal, [{ form: 'charter', participantId, at: signed[participantId] }]);
    }
    const state = await handle.result();
    expect(state).toMatchObject({ stage: 'completed', ended: { reason: 'programme ended' }, health: 'at-risk' });
    const checkIns = calls.filter((c) => c.name === 'check-in' && c.args.reminder === false);
    // Kick-off at the signatures; check-ins at 15 days, then every 30: twelve fit in the year.
    expect(checkIns).toHaveLength(12);
    const kickOff = calls.find((c) => c.name === 'kick-off')!.at;
    expect(checkIns.map((c) => Math.round((c.at - kickOff) / DAY))).toEqual([15, 45, 75, 105, 135, 165, 195, 225, 255, 285, 315, 345]);
    const survey = calls.filter((c) => c.name === 'final-survey');
    expect(survey.map((c) => Math.round((c.at - start) / DAY))).toEqual([365, 372]); // the request, then the reminder halfway
    expect(Math.round((calls.find((c) => c.name === 'complete')!.at - start) / DAY)).toBe(379);
  });
});
