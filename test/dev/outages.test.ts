/**
 * PostgreSQL and the Temporal server actually stopped and started under a running web app (served over HTTP):
 * pages answer within 5 s with a 503 that says what happened and keeps what was typed, /health answers within
 * a second naming what is down, and everything works again as soon as the dependency is back.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { insertCohort } from '../../db/cohorts.js';
import { migrate } from '../../db/migrate.js';
import { createSql, type Sql } from '../../db/sql.js';
import { startEmbeddedPostgres, type LocalPostgres } from '../../dev/embedded-postgres.js';
import { startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-server.js';
import { createLinkSigner } from '../../domain/link-tokens.js';
import { connectForPages, createWorkflowClient } from '../../web/workflow-client.js';
import { eventually } from '../helpers/eventually.js';
import { hiddenFieldsOf, logInOverHttp } from '../../dev/admin-over-http.js';
import { freePort } from '../../dev/ports.js';
import { serveApp } from '../helpers/serve.js';
import { ADMIN, LINK_SECRET, addTestOwner, createTestApp, testDataConverter } from '../helpers/stack.js';
import { pageText } from '../helpers/web-client.js';
import { opened } from '../../db/data-keys.js';
import { shortSchedule } from '../helpers/cohort-fixtures.js';

let dir: string;
let postgres: LocalPostgres | undefined;
let temporal: TemporalDevServer | undefined;
let sql: Sql;
let server: { close(): Promise<void> } | undefined;
let connection: Connection;
const ports = { postgres: 0, temporal: 0, web: 0 };

const startPostgres = async () =>
  (postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: ports.postgres, persistent: true }));
const startTemporal = async () =>
  (temporal = await startTemporalDevServer({
    binary: inject('temporalBinary'),
    port: ports.temporal,
    dbFile: path.join(dir, 'temporal.db'),
  }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-outage-'));
  await chmod(dir, 0o755);
  Object.assign(ports, { postgres: await freePort(), temporal: await freePort(), web: await freePort() });
  await Promise.all([startPostgres(), startTemporal()]);
  await postgres!.createDatabase('tandem');
  sql = createSql(postgres!.url('tandem'));
  await migrate(sql);
  await addTestOwner(sql);
  connection = connectForPages(`127.0.0.1:${ports.temporal}`);
  const app = createTestApp({
    sql,
    links: createLinkSigner(LINK_SECRET),
    workflows: createWorkflowClient({ connection, namespace: 'default', taskQueue: 'outages', dataConverter: testDataConverter }),
  });
  server = await serveApp(app, ports.web);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await sql?.end({ timeout: 1 });
  await connection?.close();
  await temporal?.stop();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${ports.web}`;
const timed = async (request: () => Promise<Response>) => {
  const start = Date.now();
  const response = await request();
  return { response, ms: Date.now() - start, text: await response.text() };
};
const health = () => timed(() => fetch(`${base()}/health`));

it('says what is down, keeps what was typed, and recovers as soon as the dependency is back', async () => {
  const { cohort } = await insertCohort(sql, {
    formId: crypto.randomUUID(),
    slug: 'outage',
    name: 'Outage cohort',
    description: '',
    charter: 'We meet every month.',
    schedule: shortSchedule(),
    participants: [{ line: 2, name: 'Dee', email: 'dee@example.org', role: 'mentee', languages: ['English'], attributes: {} }],
  });
  const [dee] = await sql<{ id: string }[]>`select id from participants where cohort_id = ${cohort.id}`;
  const survey = `${base()}/survey/${createLinkSigner(LINK_SECRET).sign({ scope: 'survey', participantId: dee!.id, subjectId: cohort.id, expiresAt: Date.now() + 86_400_000 })}`;
  const answers = {
    submissionId: crypto.randomUUID(),
    goals: 'Learn to lead a team of ten',
    helpWith: 'Leadership',
    languages: 'English',
    field: 'Technology',
    availability: 'weekly',
    meetingMode: 'remote',
    consent: 'on',
  };
  const send = () => timed(() => fetch(survey, { method: 'POST', headers: { origin: base() }, body: new URLSearchParams(answers) }));
  const cookie = await logInOverHttp(base(), ADMIN.password);
  expect(JSON.parse((await health()).text)).toEqual({ ok: true, postgres: 'ok', temporal: 'ok' });

  // PostgreSQL stops.
  await postgres!.stop();
  const down = await health();
  expect(down.response.status).toBe(503);
  expect(JSON.parse(down.text)).toEqual({ ok: false, postgres: 'down', temporal: 'ok' });
  expect(down.ms).toBeLessThan(1_000);
  const refused = await send();
  expect(refused.response.status).toBe(503);
  expect(refused.ms).toBeLessThan(5_000);
  expect(pageText(refused.text)).toContain('Tandem cannot reach its database right now');
  expect(pageText(refused.text)).toContain('Learn to lead a team of ten');
  // "Send again" posts exactly what was typed, to the same address.
  const kept = hiddenFieldsOf(refused.text);
  expect(kept).toMatchObject({ goals: answers.goals, submissionId: answers.submissionId, helpWith: 'Leadership' });
  const page = await timed(() => fetch(`${base()}/admin/cohorts/outage`, { headers: { cookie } }));
  expect(page.response.status).toBe(503);
  expect(page.ms).toBeLessThan(5_000);

  // PostgreSQL is back: the very form from the 503 page goes through.
  await startPostgres();
  await eventually(async () => expect(JSON.parse((await health()).text)).toMatchObject({ postgres: 'ok' }), 5_000, 100);
  const again = await timed(() => fetch(survey, { method: 'POST', headers: { origin: base() }, body: new URLSearchParams(kept) }));
  expect(again.response.status).toBe(200);
  const [stored] = await opened(sql, await sql<{ goals: string }[]>`select answers ->> 'goals' as goals from survey_answers`);
  expect(stored!.goals).toBe(answers.goals);

  // The Temporal server stops: answers are still taken (they do not go through Temporal); an admin action says it is busy.
  await temporal!.stop();
  const noTemporal = await health();
  expect(noTemporal.response.status).toBe(503);
  expect(JSON.parse(noTemporal.text)).toEqual({ ok: false, postgres: 'ok', temporal: 'down' });
  expect(noTemporal.ms).toBeLessThan(1_000);
  expect((await send()).response.status).toBe(200);
  const admin = await (await fetch(`${base()}/admin/cohorts/outage`, { headers: { cookie } })).text();
  const close = await timed(() =>
    fetch(`${base()}/admin/cohorts/outage/close-survey`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base(), cookie },
      body: new URLSearchParams({ _csrf: hiddenFieldsOf(admin)._csrf! }),
    }),
  );
  expect(close.ms).toBeLessThan(5_000);
  expect(close.response.status).toBe(503);
  expect(pageText(close.text)).toContain('Tandem cannot reach its workflow engine right now');
  expect(hiddenFieldsOf(close.text)).toMatchObject({ _csrf: hiddenFieldsOf(admin)._csrf });

  // Back: within a couple of seconds, not gRPC's two minutes of backoff.
  await startTemporal();
  const back = Date.now();
  await eventually(
    async () => expect(JSON.parse((await health()).text)).toEqual({ ok: true, postgres: 'ok', temporal: 'ok' }),
    10_000,
    100,
  );
  expect(Date.now() - back).toBeLessThan(5_000);
}, 120_000);
