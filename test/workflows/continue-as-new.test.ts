import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-server.js';
import type { SurveyAnswers } from '../../domain/survey.js';
import { cohortWorkflowId } from '../../workflows/ids.js';
import { cohortStateQuery, pairStateQuery, signCharterUpdate, submitCheckInUpdate, submitSurveyUpdate } from '../../workflows/messages.js';
import { eventually } from '../helpers/eventually.js';
import { freePort } from '../helpers/ports.js';
import { startTestWorker } from '../helpers/stack.js';
import { createWorkflowClient } from '../../web/workflow-client.js';

// A server of its own that suggests continue-as-new after 40 events, so a handful of submissions trigger it.
let server: TemporalDevServer;
let connection: Connection;
beforeAll(async () => {
  server = await startTemporalDevServer({ binary: inject('temporalBinary'), port: await freePort(), dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 } });
  connection = await Connection.connect({ address: server.address });
});
afterAll(async () => {
  await connection?.close();
  await server?.stop();
});

const answers: SurveyAnswers = {
  role: 'mentor', offers: ['Leadership'], capacity: 2, experience: '', field: 'Finance',
  languages: ['English'], availability: 'monthly', meetingMode: 'either', location: '', preferences: '',
};

it('continues as new when the history grows long, keeping its state and its pending work', async () => {
  let answered = 0;
  let invitations = 0;
  const worker = await startTestWorker(
    {
      sendSurveyInvitations: async () => {
        invitations++;
        return { total: 30, invited: 30 };
      },
      sendSurveyReminders: async () => ({ reminded: 30 - answered }),
      saveSurveySubmission: async () => ({ firstAnswer: true, answered: ++answered }),
      closeSurvey: async () => ({ answered, missing: 30 - answered }),
    },
    { address: server.address },
  );
  try {
    const client = new Client({ connection });
    const slug = `wf-can-${randomUUID().slice(0, 8)}`;
    const now = Date.now();
    const handle = await client.workflow.start('cohortWorkflow', {
      taskQueue: worker.taskQueue,
      workflowId: cohortWorkflowId(slug),
      args: [{ version: 1, cohortId: randomUUID(), slug, schedule: { surveyOpensAt: new Date(now).toISOString(), surveyDeadline: new Date(now + 3_600_000).toISOString(), checkInCount: 1, checkInIntervalMs: 1000, programmeDurationMs: 10_000 } }],
    });
    const firstRunId = handle.firstExecutionRunId;
    for (let i = 0; i < 12; i++) {
      const result = await handle.executeUpdate(submitSurveyUpdate, { args: [{ version: 1, submissionId: randomUUID(), participantId: randomUUID(), answers }] });
      expect(result.answered).toBe(i + 1);
    }
    await eventually(async () => {
      const description = await client.workflow.getHandle(cohortWorkflowId(slug)).describe();
      expect(description.runId).not.toBe(firstRunId);
      expect(description.historyLength).toBeLessThan(40);
    });
    const state = await client.workflow.getHandle(cohortWorkflowId(slug)).query(cohortStateQuery);
    expect(state).toMatchObject({ stage: 'survey', total: 30, invited: 30, answered: 12 });
    expect(invitations).toBe(1); // the new run does not invite everyone again
  } finally {
    await worker.stop();
  }
});

it('a steady stream of answers from the web: none is lost or refused while the cohort continues as new', async () => {
  let answered = 0;
  const worker = await startTestWorker(
    {
      sendSurveyInvitations: async () => ({ total: 60, invited: 60 }),
      sendSurveyReminders: async () => ({ reminded: 0 }),
      saveSurveySubmission: async () => {
        await new Promise((r) => setTimeout(r, 20));
        return { firstAnswer: true, answered: ++answered };
      },
    },
    { address: server.address },
  );
  try {
    const client = new Client({ connection });
    const web = createWorkflowClient({ connection, namespace: 'default', taskQueue: worker.taskQueue });
    const slug = `wf-stream-${randomUUID().slice(0, 8)}`;
    const now = Date.now();
    const handle = await client.workflow.start('cohortWorkflow', {
      taskQueue: worker.taskQueue,
      workflowId: cohortWorkflowId(slug),
      args: [{ version: 1, cohortId: randomUUID(), slug, schedule: { surveyOpensAt: new Date(now).toISOString(), surveyDeadline: new Date(now + 3_600_000).toISOString(), checkInCount: 1, checkInIntervalMs: 1000, programmeDurationMs: 10_000 } }],
    });
    // Eight people at a time, sixty in all: the workflow is never without an answer in flight.
    const outcomes = await Promise.all(Array.from({ length: 8 }, async (_, lane) => {
      const mine = [];
      for (let i = lane; i < 60; i += 8) {
        mine.push(await web.submitSurvey(slug, { version: 1, submissionId: randomUUID(), participantId: randomUUID(), answers }));
      }
      return mine;
    }));
    expect(outcomes.flat().filter((o) => !o.ok)).toEqual([]);
    const runs = await client.workflow.list({ query: `WorkflowId = "${cohortWorkflowId(slug)}"` });
    let count = 0;
    for await (const run of runs) count += run.runId ? 1 : 0;
    expect(count).toBeGreaterThan(1);
    expect((await handle.query(cohortStateQuery)).answered).toBe(60);
  } finally {
    await worker.stop();
  }
});

it('a pair with many check-ins continues as new between rounds, keeping its schedule, answers and health', async () => {
  const worker = await startTestWorker(
    {
      sendMatchIntroduction: async () => {},
      openCharter: async () => {},
      recordSignature: async () => ({ signedAt: new Date().toISOString() }),
      kickOffPair: async () => {},
      requestCheckIn: async () => {},
      recordCheckIn: async () => {},
      recordHealth: async () => {},
      closePair: async () => {},
      completePair: async () => {},
    },
    { address: server.address },
  );
  try {
    const client = new Client({ connection });
    const [mentee, mentor] = [randomUUID(), randomUUID()];
    const workflowId = `pair-can-${randomUUID().slice(0, 8)}`;
    const handle = await client.workflow.start('pairWorkflow', {
      taskQueue: worker.taskQueue,
      workflowId,
      args: [{ version: 1, pairId: randomUUID(), cohortId: randomUUID(), cohortSlug: 'can', menteeId: mentee, mentorId: mentor,
        programmeEndsAt: new Date(Date.now() + 120_000).toISOString(), schedule: { charterDurationMs: 60_000, checkInCount: 8, checkInIntervalMs: 2_500 } }],
    });
    const current = () => client.workflow.getHandle(workflowId);
    await eventually(async () => expect((await current().query(pairStateQuery)).stage).toBe('charter'));
    for (const p of [mentee, mentor]) await current().executeUpdate(signCharterUpdate, { args: [{ participantId: p, typedName: 'N' }] });
    const fine = { met: 'yes' as const, meetings: 1, rating: 5, blocking: '', continue: 'yes' as const };
    for (let round = 0; round < 5; round++) {
      await eventually(async () => expect((await current().query(pairStateQuery)).checkIns.open?.round).toBe(round), 15_000, 50);
      for (const p of [mentee, mentor]) await current().executeUpdate(submitCheckInUpdate, { args: [{ round, participantId: p, answers: fine }] });
    }
    await eventually(async () => expect((await current().query(pairStateQuery)).checkIns.done).toBe(5), 15_000);
    const description = await current().describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);
    expect(await current().query(pairStateQuery)).toMatchObject({ stage: 'active', health: 'on-track', checkIns: { done: 5, silentLastRound: [] } });
    expect(description.typedSearchAttributes.get({ name: 'TandemHealth', type: 'KEYWORD' })).toBe('on-track');
    await current().terminate('test done');
  } finally {
    await worker.stop();
  }
});
