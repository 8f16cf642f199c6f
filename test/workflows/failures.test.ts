import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { notFound } from '../../activities/not-found.js';
import { openSystemAlerts } from '../../db/system-alerts.js';
import { reportFailingActivities } from '../../worker/failing-activities.js';
import { eventually } from '../helpers/eventually.js';
import { mentee, pairWorkflowKit, recording } from '../helpers/pair-workflow.js';
import { DAY } from '../helpers/time-skipping.js';
import { createTestDatabase, startTestWorker, temporalClientForFile, testDataConverter, testWorkflows } from '../helpers/stack.js';

const client = temporalClientForFile();
const { input, start } = pairWorkflowKit(client);
let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

describe('when an activity fails', () => {
  it('ends the pair quietly (not failed) when its pair is gone from the database', async () => {
    const { activities } = recording();
    const worker = await startTestWorker({
      ...activities,
      openCharter: async ({ pairId }) => Promise.reject(notFound(`Pair ${pairId}`)),
    });
    try {
      const handle = await start(worker.taskQueue, await input(DAY));
      expect(await handle.result()).toMatchObject({ stage: 'introduction' });
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toMatch(/^Ended: Pair .* is not in the database; nothing is left to do\.$/);
    } finally {
      await worker.stop();
    }
  });

  it('retries anything else until it succeeds, raising the operator banner while it keeps failing', async () => {
    const { activities } = recording();
    let tries = 0;
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const taskQueue = `failing-${randomUUID()}`;
    const worker = await Worker.create({
      connection,
      taskQueue,
      ...testWorkflows(),
      dataConverter: testDataConverter,
      activities: {
        ...activities,
        openCharter: async () => {
          if (++tries < 4) throw new Error('the mail template is broken');
        },
      },
      interceptors: { activity: [reportFailingActivities(db.sql, { fromAttempt: 2 })] },
    });
    const running = worker.run();
    try {
      const temporal = new Client({
        connection: await Connection.connect({ address: inject('temporalAddress') }),
        dataConverter: testDataConverter,
      });
      const args = { ...(await input(DAY)), menteeId: mentee };
      const handle = await temporal.workflow.start('pairWorkflow', { taskQueue, workflowId: `failing-${randomUUID()}`, args: [args] });
      const alerts = await eventually(async () => {
        const open = await openSystemAlerts(db.sql);
        expect(open).toHaveLength(1);
        return open;
      }, 15_000);
      expect(alerts[0]!.message).toMatch(
        /^openCharter for failing-.* has failed \d times and is retried until it succeeds: the mail template is broken$/,
      );
      // The fourth try succeeds, and the banner goes.
      await eventually(async () => {
        expect(tries).toBe(4);
        expect(await openSystemAlerts(db.sql)).toEqual([]);
      }, 20_000);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('test done');
      await temporal.connection.close();
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
    }
  });
});
