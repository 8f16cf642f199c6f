import { randomUUID } from 'node:crypto';
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
import { startTestWorker, temporalClientForFile } from '../helpers/stack.js';

/** Activities replaced by recorders: the workflow's own logic (timing, state, messages) is what is tested. */
function recordingActivities(total: number) {
  const calls: { name: string; at: number; args: unknown }[] = [];
  let answered = 0;
  const activities: Partial<Activities> = {
    async sendSurveyInvitations(args) {
      calls.push({ name: 'invite', at: Date.now(), args });
      return { total, invited: total, bounced: 0 };
    },
    async sendSurveyReminders(args) {
      calls.push({ name: 'remind', at: Date.now(), args });
      return { reminded: total - answered };
    },
    async closeSurvey(args) {
      calls.push({ name: 'close', at: Date.now(), args });
      return { answered, missing: total - answered };
    },
    async inviteLateJoiners(args) {
      calls.push({ name: 'invite-late', at: Date.now(), args });
      return { invited: args.participantIds.length };
    },
    async proposeMatching(args) {
      calls.push({ name: 'propose', at: Date.now(), args });
      return { runId: args.runId, pairs: 1, mentees: 2, notices: [], autoApprove: true };
    },
    async approveMatching(args) {
      calls.push({ name: 'approve', at: Date.now(), args });
      return { pairs: 1, programmeEndsAt: new Date(Date.now() + 500).toISOString() };
    },
    async startPairWorkflows(args) {
      calls.push({ name: 'start-pairs', at: Date.now(), args });
      return { started: 1 };
    },
    async countOpenPairs() {
      return { open: 0 };
    },
    async closeCohort(args) {
      calls.push({ name: 'report', at: Date.now(), args });
      return cohortReport([]);
    },
  };
  /** PostgreSQL's count, as the web app stores answers. */
  const stored = (n: number) => (answered = n);
  return { calls, activities, stored };
}

const client = temporalClientForFile();

function input(slug: string, surveyMs: number): CohortWorkflowInput {
  const now = Date.now();
  return {
    version: 1,
    cohortId: randomUUID(),
    slug,
    schedule: {
      surveyOpensAt: new Date(now).toISOString(),
      surveyDeadline: new Date(now + surveyMs).toISOString(),
      checkInCount: 2,
      checkInIntervalMs: 1000,
      programmeDurationMs: 10_000,
    },
  };
}

async function start(taskQueue: string, args: CohortWorkflowInput) {
  return client().workflow.start('cohortWorkflow', {
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
    const worker = await startTestWorker(activities);
    try {
      const args = input(`wf-timing-${randomUUID().slice(0, 8)}`, 6_000);
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
      const state = await handle.result();
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
      const [first, second] = calls.filter((c) => c.name === 'remind');
      // Halfway (3 s) and the last sixth of a short window (5 s), give or take a workflow task.
      expect(first!.at - opens).toBeGreaterThanOrEqual(3_000);
      expect(first!.at - opens).toBeLessThan(4_500);
      expect(second!.at - opens).toBeGreaterThanOrEqual(5_000);
      expect(second!.args).toEqual({ cohortId: args.cohortId, round: 2 });
      expect(calls.find((c) => c.name === 'close')!.at - opens).toBeGreaterThanOrEqual(6_000);

      await eventually(async () => {
        const found = [];
        for await (const wf of client().workflow.list({ query: `TandemCohort = "${args.slug}" AND TandemStage = "closed"` }))
          found.push(wf.workflowId);
        expect(found).toEqual([cohortWorkflowId(args.slug)]);
      });
    } finally {
      await worker.stop();
    }
  });

  it('closes when the last pair completes while the open pairs are being counted', async () => {
    const { calls, activities } = recordingActivities(2);
    const slug = `wf-count-${randomUUID().slice(0, 8)}`;
    let counts = 0;
    const worker = await startTestWorker({
      ...activities,
      // The count is taken just before the last pair completes; its signal arrives before the count's result.
      async countOpenPairs() {
        if (++counts > 1) return { open: 0 };
        await client().workflow.getHandle(cohortWorkflowId(slug)).signal(pairClosedSignal, { pairId: randomUUID() });
        return { open: 1 };
      },
    });
    try {
      const handle = await start(worker.taskQueue, input(slug, 3_600_000));
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(2));
      await handle.executeUpdate(closeSurveyUpdate);
      // Without counting the completed pairs first, the cohort would wait a day for another one.
      await eventually(async () => expect((await handle.query(cohortStateQuery)).stage).toBe('closed'), 20_000);
      expect(counts).toBe(2);
      expect(calls.map((c) => c.name).at(-1)).toBe('report');
    } finally {
      await worker.stop();
    }
  });

  it('closes early on the admin update', async () => {
    const { calls, activities } = recordingActivities(3);
    const worker = await startTestWorker(activities);
    try {
      const args = input(`wf-early-${randomUUID().slice(0, 8)}`, 3_600_000);
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
    const worker = await startTestWorker({
      ...activities,
      eraseCohortPersonalData: async (args) => (calls.push({ name: 'erase', at: Date.now(), args }), { erased: 3 }),
    });
    try {
      const base = input(`wf-retention-${randomUUID().slice(0, 8)}`, 3_600_000);
      const args = { ...base, schedule: { ...base.schedule, retentionMs: 4_000 } };
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(3));
      await handle.executeUpdate(closeSurveyUpdate);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).stage).toBe('closed'));
      const { eraseAt } = await handle.query(cohortStateQuery);
      const closedAt = calls.find((c) => c.name === 'report')!.at;
      expect(Date.parse(eraseAt!) - closedAt).toBeGreaterThan(3_000);
      const { currentDetails } = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
      expect(currentDetails).toMatch(
        /^The programme has ended\. Personal data is kept until \d+ \w{3} \d\d:\d\d UTC, then erased; the report stays\.$/,
      );
      // An erasure request while it waits: a fresh run, which goes on waiting for the same moment.
      const firstRun = (await handle.describe()).runId;
      await handle.signal(forgetParticipantSignal, { participantId: randomUUID() });
      await eventually(async () => expect((await client().workflow.getHandle(handle.workflowId).describe()).runId).not.toBe(firstRun));
      const state = await client().workflow.getHandle(handle.workflowId).result();
      expect(state).toMatchObject({ stage: 'closed', eraseAt });
      expect(calls.map((c) => c.name)).toEqual(['invite', 'close', 'propose', 'approve', 'start-pairs', 'report', 'erase']);
      expect(calls.find((c) => c.name === 'erase')!.at).toBeGreaterThanOrEqual(Date.parse(eraseAt!));
      expect(calls.find((c) => c.name === 'erase')!.args).toEqual({ cohortId: args.cohortId });
    } finally {
      await worker.stop();
    }
  });

  it("matches a late joiner's first answer in a round of its own, once however often the answer is told", async () => {
    const { calls, activities } = recordingActivities(2);
    const worker = await startTestWorker({
      ...activities,
      approveMatching: async () => ({ pairs: 1, programmeEndsAt: new Date(Date.now() + 60_000).toISOString() }),
    });
    try {
      const args = input(`wf-late-${randomUUID().slice(0, 8)}`, 3_600_000);
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(2));
      await handle.executeUpdate(closeSurveyUpdate);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).stage).toBe('running'));
      const late = randomUUID();
      expect(await handle.executeUpdate(addLateJoinersUpdate, { args: [{ participantIds: [late] }] })).toEqual({ invited: 1 });
      // The worker's relay may deliver an answer twice (it died between sending and forgetting it).
      await handle.signal(surveyAnsweredSignal, [{ participantId: late }]);
      await handle.signal(surveyAnsweredSignal, [{ participantId: late }]);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).rounds).toBe(2));
      await new Promise((r) => setTimeout(r, 500));
      expect(await handle.query(cohortStateQuery)).toMatchObject({ rounds: 2, rematchQueue: [], lateJoiners: {} });
      expect(calls.filter((c) => c.name === 'propose').map((c) => (c.args as { kind: string }).kind)).toEqual(['initial', 'rematch']);
      await handle.terminate('test done');
    } finally {
      await worker.stop();
    }
  });
});
