import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { EMAIL_QUEUE_ACTIVITIES, createActivities, type Activities, type EmailQueueActivity } from '../../activities/index.js';
import { createOutboxSender } from '../../activities/email/outbox-sender.js';
import type { EmailSender } from '../../activities/email/sender.js';
import { ensureFirstOwner } from '../../db/admin-accounts.js';
import { migrate } from '../../db/migrate.js';
import { createSql, type Sql } from '../../db/sql.js';
import { createLinkSigner, type LinkSigner } from '../../domain/link-tokens.js';
import { hashPassword } from '../../domain/password-hash.js';
import { EncryptionCodec, parsePayloadKeys } from '../../domain/payload-encryption.js';
import { PAYLOAD_KEYS } from './keys.js';
import { createApp } from '../../web/app.js';
import type { WebDeps } from '../../web/deps.js';
import { createAdminAuth } from '../../web/auth.js';
import { createSso, type Sso } from '../../web/sso.js';
import type { SsoSettings } from '../../domain/config.js';
import { createWorkflowClient, type WorkflowClient } from '../../web/workflow-client.js';
import { reportFailingActivities } from '../../worker/failing-activities.js';
import { HEARTBEAT_THROTTLE, createEmailWorker } from '../../worker/create-worker.js';
import { startSignalRelay } from '../../worker/signal-relay.js';
import { createMetrics, type Metrics } from '../../observability/metrics.js';
import { tracedActivities, tracedClient } from '../../observability/tracing.js';

export const ADMIN = { user: 'admin', password: 'correct horse battery' };
/** Hashed once per test process (a hash takes a fifth of a second on purpose). */
let adminHash: Promise<string> | undefined;

/** As at a real first start: the configured admin becomes the owner. */
export const addTestOwner = (sql: Sql) =>
  ensureFirstOwner(sql, {
    login: ADMIN.user,
    passwordHash: () => (adminHash ??= hashPassword(ADMIN.password)),
    email: 'admin@tandem.test',
  });
export const LINK_SECRET = 'test-link-secret-that-is-long-enough-0123456789';
export const PUBLIC_BASE_URL = 'http://localhost';
export const CODEC_TOKEN = 'test-codec-token-that-is-long-enough-0123';
/** Tests encrypt payloads as production does, with a key of their own. */
export { PAYLOAD_KEYS };
export const testCodec = new EncryptionCodec(parsePayloadKeys(PAYLOAD_KEYS));
export const testDataConverter = { payloadCodecs: [testCodec] };

let runtimeQuieted = false;
/** Keeps the worker's routine logs out of test output; warnings and errors still show. */
export function quietRuntime() {
  if (runtimeQuieted) return;
  runtimeQuieted = true;
  Runtime.install({
    logger: new (class {
      log() {}
      trace() {}
      debug() {}
      info() {}
      warn(m: string) {
        console.warn(m);
      }
      error(m: string) {
        console.error(m);
      }
    })(),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } },
  });
}

/** The web app as tests build it: the test admin, cookies over plain HTTP, the outbox on. */
export function createTestApp(deps: {
  sql: Sql;
  workflows: WorkflowClient;
  links: LinkSigner;
  temporalUiUrl?: string;
  trustProxy?: boolean;
  sso?: Sso;
  metrics?: Metrics;
  emailWebhook?: WebDeps['emailWebhook'];
}) {
  return createApp({
    metrics: createMetrics(),
    ...deps,
    auth: createAdminAuth({
      sessionSecret: 'test-session-secret-long-enough-0123456789',
      secureCookies: false,
      sql: deps.sql,
      trustProxy: deps.trustProxy ?? false,
    }),
    temporalUi: { url: deps.temporalUiUrl ?? 'http://localhost:8233', namespace: 'default' },
    codec: { codec: testCodec, token: CODEC_TOKEN },
    outboxEnabled: true,
  });
}

/** A fresh database for one test file, migrated (up to the migration `until`, as an earlier release left it). */
export async function createTestDatabase({ until }: { until?: string } = {}): Promise<{ sql: Sql; url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const adminUrl = inject('postgresUrl');
  const admin = createSql(adminUrl, { max: 1 });
  await admin.unsafe(`create database ${name}`);
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const sql = createSql(url);
  await migrate(sql, { until });
  if (!until) await addTestOwner(sql);
  return {
    sql,
    url,
    async drop() {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The tests' workflow bundle (test/setup/global-setup.ts), built as production's with its interceptors. */
export const testWorkflows = () => ({ workflowBundle: { codePath: inject('workflowBundlePath') } });

/** A worker on its own task queue, running the shared workflow bundle with the given activities. */
export async function startTestWorker(
  activities: Partial<Activities>,
  options: { address?: string; connection?: NativeConnection; taskQueue?: string; sql?: Sql; emailRequestsPerSecond?: number } = {},
) {
  quietRuntime();
  const taskQueue = options.taskQueue ?? `test-${randomUUID()}`;
  // A connection given (the time-skipping server's) stays its owner's to close.
  const connection = options.connection ?? (await NativeConnection.connect({ address: options.address ?? inject('temporalAddress') }));
  // As in production: each activity traced, and with the real activities, a step failing again and again raises the operator's banner.
  const interceptors = { activity: [tracedActivities, ...(options.sql ? [reportFailingActivities(options.sql)] : [])] };
  const worker = await Worker.create({
    connection,
    taskQueue,
    ...testWorkflows(),
    activities,
    dataConverter: testDataConverter,
    interceptors,
    maxHeartbeatThrottleInterval: HEARTBEAT_THROTTLE,
  });
  // Mailings' requests run on the email task queue, as in production, when the test gives them.
  const emailWorker = EMAIL_QUEUE_ACTIVITIES.every((name) => activities[name])
    ? await createEmailWorker({
        connection,
        taskQueue,
        dataConverter: testDataConverter,
        activities: activities as Pick<Activities, EmailQueueActivity>,
        requestsPerSecond: options.emailRequestsPerSecond ?? 1_000,
        interceptors,
      })
    : undefined;
  const workers = [worker, ...(emailWorker ? [emailWorker] : [])];
  const running = Promise.all(workers.map((w) => w.run()));
  return {
    taskQueue,
    worker,
    async stop() {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await running;
      if (!options.connection) await connection.close();
    },
  };
}

/**
 * The whole system for one test file: its own database, a worker with the real activities on its own task
 * queue, and the web app (call `app.request`, or serve it for a browser).
 */
export async function startTestStack(
  options: {
    sender?: (sql: Sql) => EmailSender;
    publicBaseUrl?: string;
    sso?: SsoSettings;
    emailWebhook?: WebDeps['emailWebhook'];
    /** The email task queue's rate (the mail provider's); high unless a test is about it. */
    emailRequestsPerSecond?: number;
  } = {},
) {
  const db = await createTestDatabase();
  const links = createLinkSigner(LINK_SECRET);
  const publicBaseUrl = options.publicBaseUrl ?? PUBLIC_BASE_URL;
  const sender = options.sender?.(db.sql) ?? createOutboxSender(db.sql);
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const taskQueue = `test-${randomUUID()}`;
  const client = new Client({ connection, dataConverter: testDataConverter, interceptors: tracedClient() });
  const metrics = createMetrics();
  const activities = createActivities({
    metrics,
    sql: db.sql,
    sender,
    from: 'Tandem <tandem@test.local>',
    links,
    publicBaseUrl,
    temporal: { client, taskQueue },
    adminAlertsTo: 'admin@tandem.test',
  });
  const worker = await startTestWorker(activities, {
    taskQueue,
    sql: db.sql,
    ...(options.emailRequestsPerSecond ? { emailRequestsPerSecond: options.emailRequestsPerSecond } : {}),
  });
  const relay = startSignalRelay({ sql: db.sql, client, metrics });
  const workflows = createWorkflowClient({
    connection,
    namespace: 'default',
    taskQueue,
    dataConverter: testDataConverter,
    interceptors: tracedClient(),
  });
  const app = createTestApp({
    sql: db.sql,
    workflows,
    links,
    metrics,
    ...(options.emailWebhook ? { emailWebhook: options.emailWebhook } : {}),
    ...(options.sso ? { sso: createSso(options.sso, publicBaseUrl) } : {}),
  });
  return {
    sql: db.sql,
    app,
    links,
    workflows,
    connection,
    client,
    taskQueue,
    metrics,
    async stop() {
      await relay.stop();
      await worker.stop();
      await connection.close();
      await db.drop();
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

/** A Temporal client for one test file: connected before its tests, closed after them. */
export function temporalClientForFile(): () => Client {
  let connection: Connection | undefined;
  let client: Client;
  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection, dataConverter: testDataConverter });
  });
  afterAll(async () => connection?.close());
  return () => client;
}
