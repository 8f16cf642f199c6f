/**
 * A cohort's programme on its real schedule (a two-week survey, a programme of months, a year's retention),
 * under Temporal's time-skipping test server: months in moments, each step at the exact time it is due.
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import { cohortReport } from '../../domain/report.js';
import {
  addLateJoinersUpdate,
  closeSurveyUpdate,
  cohortStateQuery,
  cohortWorkflowId,
  forgetParticipantSignal,
  pairClosedSignal,
  surveyAnsweredSignal,
  type CohortWorkflowInput,
} from '../../workflows/cohort/contract.js';
import { COHORT_KEY, STAGE_KEY } from '../../workflows/search-attributes.js';
import { eventually } from '../helpers/eventually.js';
import { mailingStandIn } from '../helpers/cohort-workflow.js';
import { runChain, untilRun } from '../helpers/run-chain.js';
import { startTestWorker, temporalClientForFile } from '../helpers/stack.js';
import { DAY, timeSkippingForFile } from '../helpers/time-skipping.js';

/** From the approval of the pairs to the programme's end. */
const PROGRAMME_MS = 180 * DAY;

const env = timeSkippingForFile();
const client = () => env().client;
const startWorker = (activities: Partial<Activities>) => startTestWorker(activities, { connection: env().nativeConnection });
/** When the workflow scheduled the running activity, in the server's (skipped) time. */
const scheduledAt = () => Context.current().info.currentAttemptScheduledTimestampMs;

/**
 * Activities replaced by recorders: the workflow's own logic (timing, state, messages) is what is tested. The
 * programme ends `programmeMs` after the pairs are approved.
 */
function recordingActivities(total: number, programmeMs = PROGRAMME_MS) {
  const calls: { name: string; at: number; args: unknown }[] = [];
  const note = (name: string, args: unknown) => calls.push({ name, at: scheduledAt(), args });
  let answered = 0;
  const activities: Partial<Activities> = {
    ...mailingStandIn(
      (mailing) => (mailing.kind === 'invitation' ? total : total - answered),
      (kind, args) => note(kind === 'invitation' ? 'invite' : 'remind', args),
    ),
    async closeSurvey(args) {
      note('close', args);
      return { answered, missing: total - answered };
    },
    async inviteLateJoiners(args) {
      note('invite-late', args);
      return { invited: args.participantIds.length };
    },
    async proposeMatching(args) {
      note('propose', args);
      return { runId: args.runId, pairs: 1, mentees: 2, autoApprove: true };
    },
    async approveMatching(args) {
      note('approve', args);
      return { pairs: 1, programmeEndsAt: new Date(scheduledAt() + programmeMs).toISOString() };
    },
    async startPairWorkflows(args) {
      note('start-pairs', args);
      return { started: 1 };
    },
    async countOpenPairs() {
      return { open: 0 };
    },
    async closeCohort(args) {
      note('report', args);
      return cohortReport([]);
    },
  };
  /** PostgreSQL's count, as the web app stores answers. */
  const stored = (n: number) => (answered = n);
  return { calls, activities, stored };
}

/**
 * A cohort whose survey opens `now` (the time-skipping server's now, unless told) for `surveyMs`; monthly
 * check-ins over six months.
 */
async function input(slug: string, surveyMs: number, now?: number): Promise<CohortWorkflowInput> {
  now ??= await env().currentTimeMs();
  return {
    version: 1,
    cohortId: randomUUID(),
    slug,
    schedule: {
      surveyOpensAt: new Date(now).toISOString(),
      surveyDeadline: new Date(now + surveyMs).toISOString(),
      checkInCount: 2,
      checkInIntervalMs: 30 * DAY,
      programmeDurationMs: PROGRAMME_MS,
    },
  };
}

async function start(taskQueue: string, args: CohortWorkflowInput, on: Client = client()) {
  return on.workflow.start('cohortWorkflow', {
    taskQueue,
    workflowId: cohortWorkflowId(args.slug),
    args: [args],
    typedSearchAttributes: [
      { key: COHORT_KEY, value: args.slug },
      { key: STAGE_KEY, value: 'survey' },
    ],
  });
}

describe('cohortWorkflow', () => {
  it('invites, reminds at the scheduled times, closes at the deadline, matches and runs to the programme end', async () => {
    const { calls, activities, stored } = recordingActivities(4);
    const worker = await startWorker(activities);
    try {
      const args = await input(`wf-timing-${randomUUID().slice(0, 8)}`, 14 * DAY);
      const opens = Date.parse(args.schedule.surveyOpensAt);
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect(calls.map((c) => c.name)).toContain('invite'));
      // The details are set by the workflow task after the invitations: the query may come before it.
      await eventually(async () => {
        const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
        expect(metadata.currentDetails).toMatch(/^Intake survey: about 0 of 4 surveys answered, deadline \d+ \w{3} \d\d:\d\d UTC/);
      });

      stored(1);
      await handle.signal(surveyAnsweredSignal, [{ participantId: randomUUID() }]);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).answered).toBe(1));
      const state = await handle.result(); // time runs on: the survey's two weeks, then the programme's six months
      expect(state).toMatchObject({
        stage: 'closed',
        total: 4,
        invited: 4,
        answered: 1,
        remindersSent: 2,
        reminded: 6,
        rounds: 1,
        proposal: { approved: true },
      });
      expect(calls.map((c) => c.name)).toEqual(['invite', 'remind', 'remind', 'close', 'propose', 'approve', 'start-pairs', 'report']);
      // Each stage began in a run of its own: the survey, matching, then the programme to its close.
      expect(await runChain(client(), handle.workflowId)).toHaveLength(3);
      const daysIn = (name: string, nth = 0) => (calls.filter((c) => c.name === name)[nth]!.at - opens) / DAY;
      const [, second] = calls.filter((c) => c.name === 'remind');
      // Halfway (7 days), then a last call two days before the deadline (12 days).
      expect(daysIn('remind', 0)).toBeCloseTo(7, 1);
      expect(daysIn('remind', 1)).toBeCloseTo(12, 1);
      expect(second!.args).toEqual({ cohortId: args.cohortId, round: 2 });
      expect(daysIn('close')).toBeCloseTo(14, 1);
      // Matched at the deadline; the report once the programme (six months from the approval) has ended.
      expect(daysIn('approve')).toBeCloseTo(14, 1);
      expect(daysIn('report')).toBeCloseTo(14 + 180, 1);

      // Its search attributes say where it stands (listing by them is the dev server's test, below).
      const { typedSearchAttributes } = await handle.describe();
      expect(typedSearchAttributes.get(COHORT_KEY)).toBe(args.slug);
      expect(typedSearchAttributes.get(STAGE_KEY)).toBe('closed');
    } finally {
      await worker.stop();
    }
  });

  it('closes when the last pair completes while the open pairs are being counted', async () => {
    const { calls, activities } = recordingActivities(2);
    const slug = `wf-count-${randomUUID().slice(0, 8)}`;
    const counted: number[] = [];
    const worker = await startWorker({
      ...activities,
      // The count is taken just before the last pair completes; its signal arrives before the count's result.
      async countOpenPairs() {
        counted.push(scheduledAt());
        if (counted.length > 1) return { open: 0 };
        await client().workflow.getHandle(cohortWorkflowId(slug)).signal(pairClosedSignal, { pairId: randomUUID() });
        return { open: 1 };
      },
    });
    try {
      const handle = await start(worker.taskQueue, await input(slug, 14 * DAY));
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(2));
      await handle.executeUpdate(closeSurveyUpdate);
      expect(await handle.result()).toMatchObject({ stage: 'closed' }); // time runs on to the programme's end
      expect(counted).toHaveLength(2);
      expect(calls.map((c) => c.name).at(-1)).toBe('report');
      // Without counting the completed pairs first, the cohort would wait a day for another one: it reports at once.
      const programmeEnd = Date.parse((await handle.query(cohortStateQuery)).programmeEndsAt!);
      expect((counted[1]! - programmeEnd) / DAY).toBeCloseTo(0, 1);
      expect((calls.at(-1)!.at - programmeEnd) / DAY).toBeCloseTo(0, 1);
    } finally {
      await worker.stop();
    }
  });

  it('closes early on the admin update', async () => {
    const { calls, activities } = recordingActivities(3);
    const worker = await startWorker(activities);
    try {
      const args = await input(`wf-early-${randomUUID().slice(0, 8)}`, 14 * DAY);
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(3));
      expect(await handle.executeUpdate(closeSurveyUpdate)).toEqual({ closed: true });
      await expect(handle.executeUpdate(closeSurveyUpdate)).rejects.toMatchObject({ cause: { type: 'SurveyClosed' } });
      const state = await handle.result();
      expect(state).toMatchObject({ stage: 'closed', remindersSent: 0, closedEarly: true });
      expect(calls.map((c) => c.name)).toEqual(['invite', 'close', 'propose', 'approve', 'start-pairs', 'report']);
    } finally {
      await worker.stop();
    }
  });

  it('keeps personal data for its retention once closed, then erases it once; an erasure meanwhile starts a fresh run that goes on waiting', async () => {
    const { calls, activities } = recordingActivities(3);
    const worker = await startWorker({
      ...activities,
      eraseCohortPersonalData: async (args) => (calls.push({ name: 'erase', at: scheduledAt(), args }), { erased: 3 }),
    });
    try {
      const base = await input(`wf-retention-${randomUUID().slice(0, 8)}`, 14 * DAY);
      const args = { ...base, schedule: { ...base.schedule, retentionMs: 365 * DAY } };
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(3));
      await handle.executeUpdate(closeSurveyUpdate);
      await untilRun(client(), handle.workflowId, 3); // the survey's, matching's, then the programme's
      await env().sleep(PROGRAMME_MS + DAY); // past the programme's end
      await untilRun(client(), handle.workflowId, 4); // closed, the cohort waits out its retention in a new run
      const { currentDetails } = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
      expect(currentDetails).toMatch(
        /^The programme has ended\. Personal data is kept until \d+ \w{3} \d\d:\d\d UTC, then erased; the report stays\.$/,
      );
      const { eraseAt, stage } = await handle.query(cohortStateQuery);
      expect(stage).toBe('closed');
      const closedAt = calls.find((c) => c.name === 'report')!.at;
      expect((Date.parse(eraseAt!) - closedAt) / DAY).toBeCloseTo(365, 1);
      // An erasure request while it waits: a fresh run, which goes on waiting for the same moment.
      const firstRun = (await handle.describe()).runId;
      await handle.signal(forgetParticipantSignal, { participantId: randomUUID() });
      await eventually(async () => expect((await client().workflow.getHandle(handle.workflowId).describe()).runId).not.toBe(firstRun));
      const state = await client().workflow.getHandle(handle.workflowId).result(); // time runs on: the year's retention
      expect(state).toMatchObject({ stage: 'closed', eraseAt });
      expect(calls.map((c) => c.name)).toEqual(['invite', 'close', 'propose', 'approve', 'start-pairs', 'report', 'erase']);
      const erasedAt = calls.find((c) => c.name === 'erase')!.at;
      expect(erasedAt).toBeGreaterThanOrEqual(Date.parse(eraseAt!));
      expect((erasedAt - closedAt) / DAY).toBeCloseTo(365, 1);
      expect(calls.find((c) => c.name === 'erase')!.args).toEqual({ cohortId: args.cohortId });
    } finally {
      await worker.stop();
    }
  });

  it("matches a late joiner's first answer in a round of its own, once however often the answer is told", async () => {
    const { calls, activities } = recordingActivities(2);
    const worker = await startWorker(activities);
    try {
      const args = await input(`wf-late-${randomUUID().slice(0, 8)}`, 14 * DAY);
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(2));
      await handle.executeUpdate(closeSurveyUpdate);
      await untilRun(client(), handle.workflowId, 3); // the survey's, matching's, then the programme's
      const late = randomUUID();
      expect(await handle.executeUpdate(addLateJoinersUpdate, { args: [{ participantIds: [late] }] })).toEqual({ invited: 1 });
      await handle.signal(surveyAnsweredSignal, [{ participantId: late }]);
      // Its round over, the programme runs on in a new run; the worker's relay may deliver the answer again (it
      // died between sending and forgetting it), and the new run knows it was matched.
      await untilRun(client(), handle.workflowId, 4);
      expect((await handle.query(cohortStateQuery)).rounds).toBe(2);
      await handle.signal(surveyAnsweredSignal, [{ participantId: late }]);
      // A day goes by: time enough for the repeated answer to start a round of its own, were it counted again.
      await env().sleep(DAY);
      expect(await handle.query(cohortStateQuery)).toMatchObject({ rounds: 2, rematchQueue: [], lateJoiners: {} });
      expect(calls.filter((c) => c.name === 'propose').map((c) => (c.args as { kind: string }).kind)).toEqual(['initial', 'rematch']);
      await handle.terminate('test done');
    } finally {
      await worker.stop();
    }
  });

  /*
   * Temporal's time-skipping test server cannot list workflows (ListWorkflowExecutions is unimplemented), so
   * finding a closed cohort by its search attributes is checked on the dev server. Its programme ends at the
   * approval: the cohort closes at once, and no time has to pass.
   */
  const devServer = temporalClientForFile();

  it('can be found by its cohort and its stage once closed (visibility, on the dev server)', async () => {
    const { calls, activities } = recordingActivities(2, 0);
    const worker = await startTestWorker(activities);
    try {
      // The dev server's clock is the real one.
      const args = await input(`wf-listed-${randomUUID().slice(0, 8)}`, 14 * DAY, Date.now());
      const handle = await start(worker.taskQueue, args, devServer());
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(2));
      await handle.executeUpdate(closeSurveyUpdate);
      expect(await handle.result()).toMatchObject({ stage: 'closed' });
      expect(calls.map((c) => c.name)).toEqual(['invite', 'close', 'propose', 'approve', 'start-pairs', 'report']);
      await eventually(async () => {
        const found = [];
        for await (const wf of devServer().workflow.list({ query: `TandemCohort = "${args.slug}" AND TandemStage = "closed"` }))
          found.push(wf.workflowId);
        expect(found).toEqual([cohortWorkflowId(args.slug)]);
      });
    } finally {
      await worker.stop();
    }
  });
});
