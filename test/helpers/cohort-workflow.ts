import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { expect } from 'vitest';
import type { Activities } from '../../activities/index.js';
import type { SurveyMailing } from '../../domain/mailing.js';
import { cohortReport } from '../../domain/report.js';
import { closeSurveyUpdate, cohortStateQuery, cohortWorkflowId, type CohortWorkflowInput } from '../../workflows/cohort/contract.js';
import { untilRun } from './run-chain.js';
import { startTestWorker } from './stack.js';
import { DAY } from './time-skipping.js';

/**
 * The survey's mailings replaced by a stand-in: `count` says how many each reaches (one batch), and `note` hears
 * each mailing planned, as `{ cohortId, round?, requestId? }`.
 */
export function mailingStandIn(
  count: (mailing: SurveyMailing) => number,
  note: (kind: SurveyMailing['kind'], args: Record<string, unknown>) => void = () => {},
): Pick<Activities, 'planSurveyMailing' | 'sendSurveyMailingBatch'> {
  return {
    async planSurveyMailing({ cohortId, mailing: { kind, ...rest } }) {
      note(kind, { cohortId, ...rest });
      const total = count({ kind, ...rest } as SurveyMailing);
      return { total, batches: total > 0 ? [{ first: cohortId, last: cohortId }] : [] };
    },
    sendSurveyMailingBatch: async () => ({ sent: 1, bounced: 0 }),
  };
}

/**
 * A cohort's activities replaced by recorders, each call noted at the server's (skipped) time. Its survey is
 * answered by three, its first round (one pair) approves itself, a rematch waits for an admin who never comes,
 * and the programme lasts `programmeMs` from the approval.
 */
export function cohortRecording(env: () => TestWorkflowEnvironment, programmeMs: number) {
  const calls: { name: string; at: number; args: Record<string, unknown> }[] = [];
  const note = (name: string, args: object) =>
    calls.push({ name, at: Context.current().info.currentAttemptScheduledTimestampMs, args: args as Record<string, unknown> });
  const record = (name: string) => async (args: object) => void note(name, args);
  const activities: Partial<Activities> = {
    ...mailingStandIn((mailing) => (mailing.kind === 'invitation' ? 3 : 0)),
    closeSurvey: async () => ({ answered: 3, missing: 0 }),
    proposeMatching: async (args) => (
      note(`propose ${args.kind}`, args),
      { runId: args.runId, pairs: 1, mentees: 1, autoApprove: args.kind === 'initial' }
    ),
    approveMatching: async () => ({
      pairs: 1,
      programmeEndsAt: new Date(((await env().currentTimeMs()) as number) + programmeMs).toISOString(),
    }),
    startPairWorkflows: async () => ({ started: 1 }),
    countOpenPairs: async () => ({ open: 0 }),
    closeCohort: async (args) => (note('report', args), cohortReport([])),
    withdrawProposal: record('withdraw'),
    alertTooLateToRematch: record('too late'),
  };
  return { calls, activities };
}

/**
 * A cohort workflow on a worker of its own queue (with whatever else `activities` runs, pairs' included): a week
 * to sign the charter, monthly check-ins. `startRunning` runs it to its first pairs: the survey closed by the
 * admin, the first round approved. `stop` ends the cohort if a test left it running, then the worker.
 */
export async function cohortOf(env: TestWorkflowEnvironment, activities: Partial<Activities>, programmeMs: number) {
  const worker = await startTestWorker(activities, { connection: env.nativeConnection });
  const { taskQueue } = worker;
  const now = (await env.currentTimeMs()) as number;
  const slug = `c-${randomUUID().slice(0, 8)}`;
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
  const handle = () => env.client.workflow.getHandle(cohortWorkflowId(slug));
  const startRunning = async () => {
    await env.client.workflow.start('cohortWorkflow', { taskQueue, workflowId: cohortWorkflowId(slug), args: [input] });
    await handle().executeUpdate(closeSurveyUpdate);
    await untilRun(env.client, cohortWorkflowId(slug), 3); // the survey's, matching's, then the programme's
    expect((await handle().query(cohortStateQuery)).stage).toBe('running');
    return handle();
  };
  // Under the time-skipping server, a cohort left running without its worker would hold the clock still.
  const stop = async () => {
    if (
      (
        await handle()
          .describe()
          .catch(() => undefined)
      )?.status.name === 'RUNNING'
    )
      await handle().terminate('test over');
    await worker.stop();
  };
  return { taskQueue, slug, startRunning, stop };
}
