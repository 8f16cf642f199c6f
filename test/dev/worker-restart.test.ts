import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { saveMatchSettings } from '../../db/matching.js';
import { listActivePairs } from '../../db/matching.js';
import { createLinkSigner } from '../../domain/link-tokens.js';
import { DEFAULT_MATCH_SETTINGS } from '../../matching/settings.js';
import { createWorkflowClient } from '../../web/workflow-client.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, charterPath, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import {
  ADMIN,
  LINK_SECRET,
  PAYLOAD_KEYS,
  createTestApp,
  createTestDatabase,
  testDataConverter,
  type TestStack,
} from '../helpers/stack.js';
import { webClient } from '../helpers/web-client.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let connection: Connection;
let worker: ChildProcess | undefined;
const taskQueue = `restart-${crypto.randomUUID()}`;

/** The production worker entry point, as its own process, configured from the environment; resolves once it polls. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'worker/main.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      PUBLIC_BASE_URL: 'http://localhost',
      ADMIN_USER: ADMIN.user,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_EMAIL: 'admin@restart.test',
      SESSION_SECRET: 's'.repeat(32),
      LINK_SECRET,
      PAYLOAD_KEYS,
      RESEND_API_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await eventually(async () => expect(output).toContain('Worker polling'), 60_000, 100);
  return child;
}

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await connection?.close();
  await db?.drop();
});

it('a worker killed mid-programme and restarted resumes every pair: no email lost, none sent twice', async () => {
  const links = createLinkSigner(LINK_SECRET);
  const workflows = createWorkflowClient({ connection, namespace: 'default', taskQueue, dataConverter: testDataConverter });
  const app = createTestApp({ sql: db.sql, workflows, links });
  const stack = {
    sql: db.sql,
    app,
    links,
    workflows,
    client: new Client({ connection, dataConverter: testDataConverter }),
  } as unknown as TestStack;
  worker = await startWorker();

  const slug = 'restart';
  const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Noah:mentor', 'Ava:mentee', 'Leo:mentee'], {
    surveyMs: 8_000,
    programmeMs: 12_000,
    charterMs: 60_000,
    checkInMs: 4_000,
  });
  await saveMatchSettings(db.sql, cohort.id, { ...DEFAULT_MATCH_SETTINGS, autoApprove: true });
  await answerSurveys(stack, cohort, {
    [`mia@${slug}.example.org`]: MENTOR_ANSWERS,
    [`noah@${slug}.example.org`]: { ...MENTOR_ANSWERS, field: 'Law' },
    [`ava@${slug}.example.org`]: MENTEE_ANSWERS,
    [`leo@${slug}.example.org`]: { ...MENTEE_ANSWERS, field: 'Law' },
  });
  await workflows.closeSurvey(slug);
  const pairs = await eventually(async () => {
    const found = await listActivePairs(db.sql, cohort.id);
    expect(found).toHaveLength(2);
    return found;
  }, 30_000);

  // Kill the worker in the middle of starting the pairs (introductions, charters), then bring it back.
  worker.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 1_500));
  worker = await startWorker();

  for (const pair of pairs) {
    // An activity cut off by the kill is retried once its 20 s start-to-close timeout has passed.
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).stage).toBe('charter'),
      60_000,
    );
    for (const id of [pair.menteeId, pair.mentorId]) {
      const response = await webClient(app).post(charterPath(stack, pair.id, id), {
        requestId: crypto.randomUUID(),
        typedName: 'Signed',
        agree: 'on',
      });
      expect(response.status).toBe(200);
    }
  }
  await eventually(async () => expect((await workflows.cohortState(slug))?.stage).toBe('closed'), 60_000);

  // Every message the workflows asked for is in the outbox exactly once, and nothing else is.
  const sent = await db.sql<
    { kind: string; n: number }[]
  >`select kind, count(*)::int as n from sent_emails where cohort_id = ${cohort.id} group by kind order by kind`;
  const byKind = Object.fromEntries(sent.map((r) => [r.kind, r.n]));
  expect(byKind).toMatchObject({
    'survey-invitation': 4,
    'match-introduction': 4,
    'kick-off': 4,
    'final-survey': 4,
    'cohort-report': 1,
  });
  expect(byKind['charter-invitation']).toBeUndefined(); // the introductions carried the charter
  const [counts] = await db.sql<{ outbox: number; records: number; keys: number }[]>`
    select (select count(*)::int from outbox_messages) as outbox, (select count(*)::int from sent_emails) as records,
      (select count(distinct idempotency_key)::int from outbox_messages) as keys`;
  expect(counts!.outbox).toBe(counts!.records);
  expect(counts!.keys).toBe(counts!.outbox);
}, 150_000);
