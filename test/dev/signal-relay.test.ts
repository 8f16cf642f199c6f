import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cohortWorkflowId, surveyAnsweredSignal } from '../../workflows/cohort/contract.js';
import { startSignalRelay } from '../../worker/signal-relay.js';
import { eventually } from '../helpers/eventually.js';
import { mailingStandIn } from '../helpers/cohort-workflow.js';
import { freePort } from '../../dev/ports.js';
import { createTestDatabase, startTestWorker, testDataConverter } from '../helpers/stack.js';
import { createMetrics } from '../../observability/metrics.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let connection: Connection;
beforeAll(async () => {
  db = await createTestDatabase();
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

/** A signal owed as a stored answer owes it (db/answers.ts), waking the relay. */
const owe = (workflowId: string, participantId: string) =>
  db.sql`insert into workflow_signals (workflow_id, signal, payload) values (${workflowId}, ${surveyAnsweredSignal.name}, ${db.sql.json({ participantId })}) returning pg_notify('workflow_signals', '')`;
const owed = async () =>
  (
    await db.sql<
      { n: number; attempts: number }[]
    >`select count(*)::int as n, coalesce(max(attempts), 0)::int as attempts from workflow_signals`
  )[0]!;

it('keeps what it owes while Temporal is away, then delivers a burst to each workflow as a few signals', async () => {
  const slug = `relay-${randomUUID().slice(0, 8)}`;
  const worker = await startTestWorker({
    ...mailingStandIn((mailing) => (mailing.kind === 'invitation' ? 100 : 0)),
  });
  const client = new Client({ connection, dataConverter: testDataConverter });
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
  try {
    // Temporal unreachable: nothing is lost, the relay counts its attempts and backs off.
    const nowhere = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 200 });
    const away = startSignalRelay({
      sql: db.sql,
      client: new Client({ connection: nowhere }),
      metrics: createMetrics(),
      pollMs: 100,
      log: () => {},
    });
    for (let i = 0; i < 100; i++) await owe(handle.workflowId, randomUUID());
    await eventually(async () => expect((await owed()).attempts).toBeGreaterThanOrEqual(1), 15_000);
    expect((await owed()).n).toBe(100);
    await away.stop();
    await nowhere.close();

    // Temporal back: a hundred answers reach the cohort in one or two signals.
    const relay = startSignalRelay({ sql: db.sql, client, metrics: createMetrics(), pollMs: 100 });
    try {
      await eventually(async () => expect((await owed()).n).toBe(0));
      await eventually(async () => expect(((await handle.query('cohortState')) as { answered: number }).answered).toBe(100));
      const signals = (await handle.fetchHistory()).events!.filter((e) => e.workflowExecutionSignaledEventAttributes);
      expect(signals.length).toBeLessThanOrEqual(2);
      // A signal for a workflow that has finished is dropped, not retried forever.
      await handle.terminate('test done');
      await owe(handle.workflowId, randomUUID());
      await eventually(async () => expect((await owed()).n).toBe(0));
    } finally {
      await relay.stop();
    }
  } finally {
    await worker.stop();
  }
});
