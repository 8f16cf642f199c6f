import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { Activities } from '../../activities/index.js';
import { cohortReport } from '../../domain/report.js';
import type { SurveyAnswers } from '../../domain/survey.js';
import type { CohortWorkflowInput } from '../../workflows/cohort.js';
import { cohortWorkflowId } from '../../workflows/ids.js';
import { closeSurveyUpdate, cohortStateQuery, submitSurveyUpdate } from '../../workflows/messages.js';
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
      return { total, invited: total };
    },
    async sendSurveyReminders(args) {
      calls.push({ name: 'remind', at: Date.now(), args });
      return { reminded: total - answered };
    },
    async saveSurveySubmission(args) {
      calls.push({ name: 'save', at: Date.now(), args });
      return { firstAnswer: true, answered: ++answered };
    },
    async closeSurvey(args) {
      calls.push({ name: 'close', at: Date.now(), args });
      return { answered, missing: total - answered };
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
  return { calls, activities };
}

const answers: SurveyAnswers = {
  role: 'mentee', goals: 'Change careers into data science', helpWith: ['Technical skills'], field: 'Technology',
  languages: ['English'], availability: 'monthly', meetingMode: 'remote', location: '', preferences: '',
};

const client = temporalClientForFile();

function input(slug: string, surveyMs: number): CohortWorkflowInput {
  const now = Date.now();
  return {
    version: 1,
    cohortId: randomUUID(),
    slug,
    schedule: { surveyOpensAt: new Date(now).toISOString(), surveyDeadline: new Date(now + surveyMs).toISOString(), checkInCount: 2, checkInIntervalMs: 1000, programmeDurationMs: 10_000 },
  };
}

async function start(taskQueue: string, args: CohortWorkflowInput) {
  return client().workflow.start('cohortWorkflow', {
    taskQueue,
    workflowId: cohortWorkflowId(args.slug),
    args: [args],
    typedSearchAttributes: [{ key: COHORT_KEY, value: args.slug }, { key: STAGE_KEY, value: 'survey' }],
  });
}

describe('cohortWorkflow', () => {
  it('invites, reminds at the scheduled times, closes at the deadline, matches and runs to the programme end', async () => {
    const { calls, activities } = recordingActivities(4);
    const worker = await startTestWorker(activities);
    try {
      const args = input(`wf-timing-${randomUUID().slice(0, 8)}`, 6_000);
      const opens = Date.parse(args.schedule.surveyOpensAt);
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect(calls.map((c) => c.name)).toContain('invite'));
      const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toMatch(/^Intake survey: waiting for 4 of 4 surveys, deadline \d+ \w{3} \d\d:\d\d UTC/);

      await handle.executeUpdate(submitSurveyUpdate, { args: [{ version: 1, submissionId: randomUUID(), participantId: randomUUID(), answers }] });
      const state = await handle.result();
      expect(state).toMatchObject({ stage: 'closed', total: 4, invited: 4, answered: 1, remindersSent: 2, reminded: 6, rounds: 1, proposal: { approved: true } });
      expect(calls.map((c) => c.name)).toEqual(['invite', 'save', 'remind', 'remind', 'close', 'propose', 'approve', 'start-pairs', 'report']);
      const [first, second] = calls.filter((c) => c.name === 'remind');
      // Halfway (3 s) and the last sixth of a short window (5 s), give or take a workflow task.
      expect(first!.at - opens).toBeGreaterThanOrEqual(3_000);
      expect(first!.at - opens).toBeLessThan(4_500);
      expect(second!.at - opens).toBeGreaterThanOrEqual(5_000);
      expect(second!.args).toEqual({ cohortId: args.cohortId, round: 2 });
      expect(calls.find((c) => c.name === 'close')!.at - opens).toBeGreaterThanOrEqual(6_000);

      await eventually(async () => {
        const found = [];
        for await (const wf of client().workflow.list({ query: `TandemCohort = "${args.slug}" AND TandemStage = "closed"` })) found.push(wf.workflowId);
        expect(found).toEqual([cohortWorkflowId(args.slug)]);
      });
    } finally {
      await worker.stop();
    }
  });

  it('closes early on the admin update, then refuses late submissions without recording them', async () => {
    const { calls, activities } = recordingActivities(3);
    const worker = await startTestWorker(activities);
    try {
      const args = input(`wf-early-${randomUUID().slice(0, 8)}`, 3_600_000);
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).invited).toBe(3));
      const closed = await handle.executeUpdate(closeSurveyUpdate);
      expect(closed.closedEarly).toBe(true);
      const state = await handle.result();
      expect(state).toMatchObject({ stage: 'closed', remindersSent: 0 });
      expect(calls.map((c) => c.name)).toEqual(['invite', 'close', 'propose', 'approve', 'start-pairs', 'report']);

      // The workflow has completed: the update is refused and nothing is saved.
      await expect(handle.executeUpdate(submitSurveyUpdate, { args: [{ version: 1, submissionId: randomUUID(), participantId: randomUUID(), answers }] })).rejects.toThrow();
      expect(calls.filter((c) => c.name === 'save')).toHaveLength(0);
    } finally {
      await worker.stop();
    }
  });

  it('rejects a submission past the deadline in the validator, leaving no trace in the history', async () => {
    const { activities } = recordingActivities(2);
    let releaseClose!: () => void;
    const closing = new Promise<void>((r) => (releaseClose = r));
    const worker = await startTestWorker({
      ...activities,
      closeSurvey: async () => {
        await closing;
        return { answered: 0, missing: 2 };
      },
    });
    try {
      const args = input(`wf-late-${randomUUID().slice(0, 8)}`, 1_500);
      const handle = await start(worker.taskQueue, args);
      await eventually(async () => expect((await handle.query(cohortStateQuery)).remindersSent).toBe(2), 10_000);
      await new Promise((r) => setTimeout(r, 1_600));
      const late = handle.executeUpdate(submitSurveyUpdate, { args: [{ version: 1, submissionId: randomUUID(), participantId: randomUUID(), answers }] });
      await expect(late).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(late).rejects.toMatchObject({ cause: { type: 'SurveyClosed', message: 'This survey is closed.' } });
      const history = await handle.fetchHistory();
      const updateEvents = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateRejectedEventAttributes);
      expect(updateEvents).toHaveLength(0);
      releaseClose();
      await handle.result();
    } finally {
      releaseClose();
      await worker.stop();
    }
  });
});
