/**
 * Nothing waits past a programme's end, on its real schedule under Temporal's time-skipping test server: a
 * rematch asked for when too little of the programme remains proposes nobody and tells the admin; a rematch
 * proposal still in review when the programme ends is withdrawn; either way the cohort closes with its report.
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { untilRun } from '../helpers/run-chain.js';
import { DAY, startTimeSkipping } from '../helpers/time-skipping.js';
import type { Activities } from '../../activities/index.js';
import { cohortReport } from '../../domain/report.js';
import {
  closeSurveyUpdate,
  cohortStateQuery,
  cohortWorkflowId,
  pairEndedSignal,
  type CohortWorkflowInput,
} from '../../workflows/cohort/contract.js';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTimeSkipping();
});
afterAll(async () => env?.teardown());

/** Stand-in activities that note, in the server's (skipped) time, what the workflow asked for. */
function recording(programmeMs: number) {
  const calls: { name: string; at: number; args: Record<string, unknown> }[] = [];
  const note = (name: string, args: object) =>
    calls.push({ name, at: Context.current().info.currentAttemptScheduledTimestampMs, args: args as Record<string, unknown> });
  const record = (name: string) => async (args: object) => void note(name, args);
  const activities: Partial<Activities> = {
    sendSurveyInvitations: async () => ({ total: 3, invited: 3, bounced: 0 }),
    sendSurveyReminders: async () => ({ reminded: 0 }),
    closeSurvey: async () => ({ answered: 3, missing: 0 }),
    // The first round approves itself; a rematch waits for the admin, who never comes.
    proposeMatching: async (args) => (
      note(`propose ${args.kind}`, args),
      { runId: args.runId, pairs: 1, mentees: 1, notices: [], autoApprove: args.kind === 'initial' }
    ),
    approveMatching: async () => ({
      pairs: 1,
      programmeEndsAt: new Date(((await env.currentTimeMs()) as number) + programmeMs).toISOString(),
    }),
    startPairWorkflows: async () => ({ started: 1 }),
    countOpenPairs: async () => ({ open: 0 }),
    closeCohort: async (args) => (note('report', args), cohortReport([])),
    withdrawProposal: record('withdraw'),
    alertTooLateToRematch: record('too late'),
  };
  return { calls, activities };
}

/** A long programme: a week to sign the charter, monthly check-ins. */
async function cohortOf(activities: Partial<Activities>, programmeMs: number) {
  const taskQueue = `programme-end-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities,
  });
  const now = (await env.currentTimeMs()) as number;
  const slug = `end-${randomUUID().slice(0, 8)}`;
  const input: CohortWorkflowInput = {
    version: 1,
    cohortId: randomUUID(),
    slug,
    schedule: {
      surveyOpensAt: new Date(now).toISOString(),
      surveyDeadline: new Date(now + 14 * DAY).toISOString(),
      checkInCount: 2,
      checkInIntervalMs: 30 * DAY,
      programmeDurationMs: programmeMs,
      charterDurationMs: 7 * DAY,
    },
  };
  /** Starts the cohort and runs it to its first pairs: the survey closed by the admin, the first round approved. */
  const startRunning = async () => {
    const handle = await env.client.workflow.start('cohortWorkflow', { taskQueue, workflowId: cohortWorkflowId(slug), args: [input] });
    await handle.executeUpdate(closeSurveyUpdate);
    await untilRun(env.client, handle.workflowId, 3); // the survey's, matching's, then the programme's
    expect((await handle.query(cohortStateQuery)).stage).toBe('running');
    return handle;
  };
  return { worker, startRunning };
}

it('withdraws a rematch proposal still in review when the programme ends, and closes with the report', async () => {
  const programmeMs = 90 * DAY;
  const { calls, activities } = recording(programmeMs);
  const { worker, startRunning } = await cohortOf(activities, programmeMs);
  await worker.runUntil(async () => {
    const handle = await startRunning();
    const approvedAt = calls.find((c) => c.name === 'propose initial')!.at;
    await handle.signal(pairEndedSignal, { participantIds: [randomUUID()], reason: 'charter not signed in time' });
    await expect.poll(async () => (await handle.query(cohortStateQuery)).stage).toBe('review');

    const state = await handle.result(); // time runs on: nobody decides
    expect(state).toMatchObject({ stage: 'closed', rounds: 2, proposal: { approved: false, withdrawn: true } });
    expect(calls.map((c) => c.name)).toEqual(['propose initial', 'propose rematch', 'withdraw', 'report']);
    expect((calls.find((c) => c.name === 'withdraw')!.at - approvedAt) / DAY).toBeCloseTo(90, 0);
  });
});

it('proposes nobody once too little of the programme remains: the admin hears who waits, and the cohort closes', async () => {
  const programmeMs = 90 * DAY; // a new pair needs 37 days, but never more than the last quarter: 22½ days
  const { calls, activities } = recording(programmeMs);
  const { worker, startRunning } = await cohortOf(activities, programmeMs);
  await worker.runUntil(async () => {
    const handle = await startRunning();
    await env.sleep(70 * DAY); // 20 days left
    const waiting = randomUUID();
    await handle.signal(pairEndedSignal, { participantIds: [waiting], reason: 'charter not signed in time' });
    expect(await handle.result()).toMatchObject({ stage: 'closed', rounds: 1, rematchQueue: [] });
    expect(calls.map((c) => c.name)).toEqual(['propose initial', 'too late', 'report']);
    expect(calls.find((c) => c.name === 'too late')!.args).toMatchObject({ participantIds: [waiting] });
  });
});
