/**
 * The whole system on one machine with nothing configured, as `npm start` and the demos run it. Starts what is
 * not given by the environment (Temporal dev server unless TEMPORAL_ADDRESS, embedded PostgreSQL unless
 * DATABASE_URL), runs the migrations, then the worker and the web app. State lives under .data/ (or
 * TANDEM_DATA_DIR), so a second start picks up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { useMasterKeys } from '../db/data-keys.js';
import { migrate } from '../db/migrate.js';
import { createSql } from '../db/sql.js';
import { loadConfig, type Config } from '../domain/config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { stopProcess } from './processes.js';
import { startTemporalDevServer } from './temporal-server.js';
import { TEMPORAL_CLI, ensureTool } from './tools.js';

const ROOT = path.resolve(import.meta.dirname, '..');
// The launcher's own knobs (the app's configuration is validated by domain/config.ts): where state lives and
// which local ports the embedded services take.
export const DATA = path.resolve(process.env.TANDEM_DATA_DIR ?? path.join(ROOT, '.data'));
const PORTS = {
  temporal: Number(process.env.DEV_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(process.env.DEV_TEMPORAL_UI_PORT ?? 8233),
  postgres: Number(process.env.DEV_POSTGRES_PORT ?? 5433),
  // Prometheus endpoints: the web app's, the worker's, and the Temporal SDK's in the worker.
  webMetrics: Number(process.env.DEV_WEB_METRICS_PORT ?? 9464),
  workerMetrics: Number(process.env.DEV_WORKER_METRICS_PORT ?? 9465),
  temporalMetrics: Number(process.env.DEV_TEMPORAL_METRICS_PORT ?? 9466),
};

/** Where `npm start` serves metrics for Prometheus, as a deployment would (see docs/operations.md). */
export const metricsEndpoints = () => ({
  web: `http://localhost:${PORTS.webMetrics}/metrics`,
  worker: `http://localhost:${PORTS.workerMetrics}/metrics`,
  temporal: `http://localhost:${PORTS.temporalMetrics}/metrics`,
});

/**
 * Secrets made once per machine and kept in .data, so sessions, emailed links and encrypted workflow state
 * survive a restart. A secret added by a newer Tandem is made and added to an older file.
 */
async function devSecrets() {
  const file = path.join(DATA, 'dev-secrets.json');
  const kept = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, string>) : {};
  const secrets = {
    ADMIN_PASSWORD: randomBytes(9).toString('base64url'),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    LINK_SECRET: randomBytes(32).toString('base64url'),
    PAYLOAD_KEYS: `dev-1:${randomBytes(32).toString('base64')}`,
    CODEC_TOKEN: randomBytes(32).toString('base64url'),
    ...kept,
  };
  if (Object.keys(secrets).length > Object.keys(kept).length) await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export interface LocalTandem {
  /** Starts everything; resolves with the configuration the worker and the web app run with. */
  start(): Promise<Config>;
  /** Stops what has started: the web app, the worker, then the servers they use, in that order. */
  stop(): Promise<void>;
}

export function localTandem(): LocalTandem {
  /** What to stop, first first. */
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const { name, stop } of stops) {
      await stop().catch((error: unknown) => console.error(error));
      console.log(`Stopped the ${name}.`);
    }
  };

  /**
   * Runs a TypeScript entry point in its own process group (so Ctrl-C reaches it through us, in order) and keeps
   * it running: a crash is reported and the process started again, after a pause that grows while it keeps
   * crashing, so one bad start does not spin.
   */
  function supervise(name: string, entry: string, env: Record<string, string | undefined>) {
    let child: ChildProcess;
    let crashes = 0;
    const run = () => {
      const startedAt = Date.now();
      child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], { env, stdio: 'inherit', detached: true });
      child.on('exit', (code, signal) => {
        if (stopping) return;
        crashes = Date.now() - startedAt > 60_000 ? 1 : crashes + 1;
        const pause = Math.min(1_000 * 2 ** (crashes - 1), 30_000);
        console.error(`The ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it in ${pause / 1000} s.`);
        setTimeout(() => stopping || run(), pause);
      });
    };
    run();
    return { name, pid: () => child.pid, stop: () => stopProcess(child, 30_000) };
  }

  async function start(): Promise<Config> {
    await mkdir(DATA, { recursive: true });
    const given = process.env;
    const env: Record<string, string | undefined> = { ADMIN_USER: 'admin', ...(await devSecrets()), ...given };
    env.PUBLIC_BASE_URL ??= `http://localhost:${env.PORT ?? 3000}`;

    if (!given.TEMPORAL_ADDRESS) {
      const binary = await ensureTool(TEMPORAL_CLI);
      // The dev UI cannot send the admin's cookie to another port, so it decodes with the codec token in its path.
      const uiCodecEndpoint = env.CODEC_TOKEN ? `${env.PUBLIC_BASE_URL}/codec/${env.CODEC_TOKEN}` : undefined;
      const temporal = await startTemporalDevServer({
        binary,
        port: PORTS.temporal,
        uiPort: PORTS.temporalUi,
        ...(uiCodecEndpoint ? { uiCodecEndpoint } : {}),
        dbFile: path.join(DATA, 'temporal.db'),
        logFile: path.join(DATA, 'temporal.log'),
        detached: true,
      });
      stops.unshift({ name: 'Temporal dev server', stop: temporal.stop });
      env.TEMPORAL_ADDRESS = temporal.address;
      env.TEMPORAL_UI_URL ??= temporal.uiUrl;
    }
    if (!given.DATABASE_URL) {
      const postgres = await startEmbeddedPostgres({ dataDir: path.join(DATA, 'postgres'), port: PORTS.postgres, persistent: true });
      stops.unshift({ name: 'embedded PostgreSQL server', stop: postgres.stop });
      await postgres.createDatabase('tandem');
      env.DATABASE_URL = postgres.url('tandem');
    }
    const config = loadConfig(env);

    const sql = createSql(config.databaseUrl, { max: 1 });
    useMasterKeys(config.payloadKeys); // a migration seals what an earlier release stored in clear
    await migrate(sql);
    await sql.end();

    const worker = supervise('worker', 'worker/main.ts', {
      ...env,
      METRICS_PORT: String(PORTS.workerMetrics),
      TEMPORAL_METRICS_PORT: String(PORTS.temporalMetrics),
    });
    stops.unshift(supervise('web app', 'web/main.ts', { ...env, METRICS_PORT: String(PORTS.webMetrics) }), worker);
    await untilServing(config, worker.pid);
    return config;
  }

  return { start, stop };
}

/**
 * Resolves once the web app answers its health check and the worker it started polls its task queue (seen
 * by its identity, so that a worker of an earlier start, still listed by Temporal for a while, does not count):
 * only then does the launcher say Tandem is running, and a first click finds it.
 */
async function untilServing(config: Config, workerPid: () => number | undefined, withinMs = 180_000): Promise<void> {
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    for (const until = Date.now() + withinMs; Date.now() < until; await sleep(250)) {
      const web = await fetch(`http://localhost:${config.port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace: config.temporal.namespace,
        taskQueue: { name: config.temporal.taskQueue },
        taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      const identity = `${workerPid()}@${hostname()}`;
      if (web && pollers.some((p) => p.identity === identity)) return;
    }
    throw new Error(`Tandem did not start within ${withinMs / 1000} s: the web app's and the worker's output above say why.`);
  } finally {
    await connection.close();
  }
}

/** Where to look, as the launcher prints it once everything runs. */
export function whereToLook(config: Config): string {
  return `
  Tandem is running.
    Admin pages   ${config.publicBaseUrl}/admin   (owner "${config.admin.user}", password "${config.admin.password}" until you change it)
    Dev outbox    ${config.email.resend ? '(off: RESEND_API_KEY is set, mail goes out through Resend)' : `${config.publicBaseUrl}/dev/outbox`}
    Temporal UI   ${config.temporal.uiUrl}
    Metrics       ${Object.values(metricsEndpoints()).join('  ')}
  Data is kept in ${path.relative(process.cwd(), DATA) || DATA}/. Press Ctrl-C to stop.
`;
}

/** Stops `tandem` on Ctrl-C (or a termination signal), even while it starts, once; then exits. */
export function stopOnSignals(tandem: LocalTandem) {
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Tandem...');
    await tandem.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
  return shutdown;
}
