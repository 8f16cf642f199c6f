import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-server.js';
import { toDecision } from '../../domain/pair-health.js';
import { cohortStateQuery, cohortWorkflowId, surveyAnsweredSignal } from '../../workflows/cohort/contract.js';
import { answersRecordedSignal, pairStateQuery, type RoundAnswers } from '../../workflows/pair/contract.js';
import { eventually } from '../helpers/eventually.js';
import { mailingStandIn } from '../helpers/cohort-workflow.js';
import { freePort } from '../../dev/ports.js';
import { startTestWorker, testDataConverter } from '../helpers/stack.js';

// A server of its own that suggests continue-as-new after 40 events, so a handful of submissions trigger it.
let server: TemporalDevServer;
let connection: Connection;
beforeAll(async () => {
  server = await startTemporalDevServer({
    binary: inject('temporalBinary'),
    port: await freePort(),
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 },
  });
  connection = await Connection.connect({ address: server.address });
});
afterAll(async () => {
  await connection?.close();
  await server?.stop();
});

it('continues as new when the history grows long, keeping its state and its pending work', async () => {
  let invitations = 0;
  const worker = await startTestWorker(
    {
      ...mailingStandIn(
        (mailing) => (mailing.kind === 'invitation' ? 30 : 0),
        (kind) => void (kind === 'invitation' && invitations++),
      ),
    },
    { address: server.address },
  );
  try {
    const client = new Client({ connection, dataConverter: testDataConverter });
    const slug = `wf-can-${randomUUID().slice(0, 8)}`;
    const now = Date.now();
    const handle = await client.workflow.start('cohortWorkflow', {
      taskQueue: worker.taskQueue,
      workflowId: cohortWorkflowId(slug),
      args: [
        {
          version: 1,
          cohortId: randomUUID(),
          slug,
          schedule: {
            surveyOpensAt: new Date(now).toISOString(),
            surveyDeadline: new Date(now + 3_600_000).toISOString(),
            checkInCount: 1,
            checkInIntervalMs: 1000,
            programmeDurationMs: 10_000,
          },
        },
      ],
    });
    const firstRunId = handle.firstExecutionRunId;
    // Each signal is at least an event (several when each gets a workflow task of its own).
    for (let i = 0; i < 45; i++) await handle.signal(surveyAnsweredSignal, [{ participantId: randomUUID() }]);
    await eventually(async () => {
      const description = await client.workflow.getHandle(cohortWorkflowId(slug)).describe();
      expect(description.runId).not.toBe(firstRunId);
      expect(description.historyLength).toBeLessThan(40);
    });
    const state = await client.workflow.getHandle(cohortWorkflowId(slug)).query(cohortStateQuery);
    expect(state).toMatchObject({ stage: 'survey', total: 30, invited: 30, answered: 45 });
    expect(invitations).toBe(1); // the new run does not invite everyone again
  } finally {
    await worker.stop();
  }
});

it('a steady stream of answers: none is lost while the cohort continues as new', async () => {
  const worker = await startTestWorker(
    {
      ...mailingStandIn((mailing) => (mailing.kind === 'invitation' ? 200 : 0)),
    },
    { address: server.address },
  );
  try {
    const client = new Client({ connection, dataConverter: testDataConverter });
    const slug = `wf-stream-${randomUUID().slice(0, 8)}`;
    const now = Date.now();
    const handle = await client.workflow.start('cohortWorkflow', {
      taskQueue: worker.taskQueue,
      workflowId: cohortWorkflowId(slug),
      args: [
        {
          version: 1,
          cohortId: randomUUID(),
          slug,
          schedule: {
            surveyOpensAt: new Date(now).toISOString(),
            surveyDeadline: new Date(now + 3_600_000).toISOString(),
            checkInCount: 1,
            checkInIntervalMs: 1000,
            programmeDurationMs: 10_000,
          },
        },
      ],
    });
    // Eight relays at a time, two hundred answers in all: the workflow is never without a signal arriving.
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        for (let i = lane; i < 200; i += 8)
          await client.workflow.getHandle(cohortWorkflowId(slug)).signal(surveyAnsweredSignal, [{ participantId: randomUUID() }]);
      }),
    );
    await eventually(async () => {
      let runs = 0; // visibility lags a little behind the workflow
      for await (const run of client.workflow.list({ query: `WorkflowId = "${cohortWorkflowId(slug)}"` })) runs += run.runId ? 1 : 0;
      expect(runs).toBeGreaterThan(1);
    });
    await eventually(async () =>
      expect((await client.workflow.getHandle(cohortWorkflowId(slug)).query(cohortStateQuery)).answered).toBe(200),
    );
    await handle.terminate('test done');
  } finally {
    await worker.stop();
  }
});

it('a pair with many check-ins continues as new between rounds, keeping its schedule, answers and health', async () => {
  const signed: Record<string, string> = {};
  const rounds: Record<number, RoundAnswers> = {};
  const worker = await startTestWorker(
    {
      sendMatchIntroduction: async () => {},
      openCharter: async () => {},
      closeCharter: async () => ({ signed: signed }),
      kickOffPair: async () => {},
      requestCheckIn: async () => {},
      closeCheckIn: async ({ round }) => ({ answers: rounds[round] ?? {} }),
      recordHealth: async () => {},
      completePair: async () => {},
    },
    { address: server.address },
  );
  try {
    const client = new Client({ connection, dataConverter: testDataConverter });
    const [mentee, mentor] = [randomUUID(), randomUUID()];
    const workflowId = `pair-can-${randomUUID().slice(0, 8)}`;
    const handle = await client.workflow.start('pairWorkflow', {
      taskQueue: worker.taskQueue,
      workflowId,
      args: [
        {
          version: 1,
          pairId: randomUUID(),
          cohortId: randomUUID(),
          cohortSlug: 'can',
          menteeId: mentee,
          mentorId: mentor,
          programmeEndsAt: new Date(Date.now() + 120_000).toISOString(),
          schedule: { charterDurationMs: 60_000, checkInCount: 8, checkInIntervalMs: 2_500 },
        },
      ],
    });
    const current = () => client.workflow.getHandle(workflowId);
    await eventually(async () => expect((await current().query(pairStateQuery)).stage).toBe('charter'));
    for (const p of [mentee, mentor]) {
      signed[p] = new Date().toISOString();
      await current().signal(answersRecordedSignal, [{ form: 'charter', participantId: p, at: signed[p] }]);
    }
    const fine = toDecision({ met: 'yes', meetings: 1, rating: 5, blocking: '', continue: 'yes' });
    for (let round = 0; round < 5; round++) {
      await eventually(async () => expect((await current().query(pairStateQuery)).checkIns.open?.round).toBe(round), 15_000, 50);
      rounds[round] = { [mentee]: fine, [mentor]: fine };
      await current().signal(answersRecordedSignal, [
        { form: 'check-in', participantId: mentee, round },
        { form: 'check-in', participantId: mentor, round },
      ]);
    }
    await eventually(async () => expect((await current().query(pairStateQuery)).checkIns.done).toBe(5), 15_000);
    const description = await current().describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);
    expect(await current().query(pairStateQuery)).toMatchObject({
      stage: 'active',
      health: 'on-track',
      checkIns: { done: 5, silentLastRound: [] },
    });
    expect(description.typedSearchAttributes.get({ name: 'TandemHealth', type: 'KEYWORD' })).toBe('on-track');
    await current().terminate('test done');
  } finally {
    await worker.stop();
  }
});
