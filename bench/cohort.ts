/**
 * `npm run bench:cohort`: a 1,000-participant cohort created through the web endpoint on the embedded stack
 * (Temporal dev server on SQLite/WAL, embedded PostgreSQL, worker and web as their own processes). Measures
 * the time from submit until every invitation is in the outbox, peak memory of worker and web, and, as a
 * yardstick, the same server's rate for a bare workflow running one no-op activity. Ends with one JSON line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { migrate } from '../db/migrate.js';
import { createSql } from '../db/sql.js';
import { startEmbeddedPostgres } from '../dev/embedded-postgres.js';
import { stopProcess } from '../dev/processes.js';
import { startTemporalDevServer } from '../dev/temporal-server.js';
import { TEMPORAL_CLI, ensureTool } from '../dev/tools.js';
import { freePort } from '../test/helpers/ports.js';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const YARDSTICK_WORKFLOWS = Number(process.env.BENCH_YARDSTICK ?? 500);
const ROOT = path.resolve(import.meta.dirname, '..');

const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-'));
await chmod(dir, 0o755);
const children: ChildProcess[] = [];
let workerReady = false;
const log = (line: string) => console.log(line);

const temporal = await startTemporalDevServer({ binary: await ensureTool(TEMPORAL_CLI), port: await freePort(), dbFile: path.join(dir, 'temporal.db') });
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: await freePort(), persistent: false });
await postgres.createDatabase('tandem');
const sql = createSql(postgres.url('tandem'), { max: 2 });
await migrate(sql);

try {
  // Yardstick first, on a quiet server.
  Runtime.install({ logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error } });
  const yardstickRate = await runYardstick();
  log(`yardstick: ${yardstickRate.toFixed(1)} bare workflows/s (one no-op activity each, ${YARDSTICK_WORKFLOWS} started at once)`);

  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: postgres.url('tandem'),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'bench',
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    PORT: String(port),
    ADMIN_USER: 'admin',
    ADMIN_PASSWORD: 'bench-password-long',
    SESSION_SECRET: 's'.repeat(32),
    LINK_SECRET: 'l'.repeat(32),
    RESEND_API_KEY: '',
  };
  const web = startNode('web/main.ts', env);
  const worker = startNode('worker/main.ts', env);
  await waitFor(async () => (await fetch(`http://localhost:${port}/health`)).ok);
  await waitFor(async () => workerReady);

  const base = `http://localhost:${port}`;
  const login = await fetch(`${base}/admin/login`, { method: 'POST', redirect: 'manual', headers: { origin: base }, body: new URLSearchParams({ user: 'admin', password: env.ADMIN_PASSWORD, next: '/admin' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const formHtml = await (await fetch(`${base}/admin/cohorts/new`, { headers: { cookie } })).text();
  const hidden = Object.fromEntries([...formHtml.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...hidden, name: 'Benchmark cohort', charter: 'We meet monthly and answer every check-in.', surveyDuration: '2w', checkInCount: '6', checkInInterval: '4w', programmeDuration: '26w', charterDuration: '1w' })) form.append(k, v);
  form.append('participants', new File([participantsCsv(PARTICIPANTS)], 'participants.csv', { type: 'text/csv' }));

  const submitted = performance.now();
  const response = await fetch(`${base}/admin/cohorts`, { method: 'POST', redirect: 'manual', headers: { origin: base, cookie }, body: form });
  if (response.status !== 303) throw new Error(`cohort form answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  const responded = performance.now();
  let inOutbox = 0;
  while (inOutbox < PARTICIPANTS) {
    await new Promise((r) => setTimeout(r, 100));
    inOutbox = (await sql<{ n: number }[]>`select count(*)::int as n from outbox_messages`)[0]!.n;
  }
  const done = performance.now();
  const seconds = (done - submitted) / 1000;
  const [workerPeak, webPeak] = await Promise.all([peakRssMb(worker), peakRssMb(web)]);
  const invitationsPerSecond = PARTICIPANTS / seconds;

  log(`form submit answered in ${((responded - submitted) / 1000).toFixed(2)} s (CSV parsed, ${PARTICIPANTS} participants stored, workflow started)`);
  log(`all ${PARTICIPANTS} invitations in the outbox ${seconds.toFixed(2)} s after submit (target < 60 s): ${invitationsPerSecond.toFixed(1)} emails/s`);
  log(`peak memory: worker ${workerPeak} MB, web ${webPeak} MB`);
  log(`ratio: invitations/s ÷ bare workflows/s = ${(invitationsPerSecond / yardstickRate).toFixed(2)}`);
  console.log(JSON.stringify({
    bench: 'cohort',
    participants: PARTICIPANTS,
    submitResponseSeconds: round((responded - submitted) / 1000),
    invitationsSeconds: round(seconds),
    invitationsPerSecond: round(invitationsPerSecond),
    workerPeakRssMb: workerPeak,
    webPeakRssMb: webPeak,
    yardstickWorkflowsPerSecond: round(yardstickRate),
    ratioToYardstick: round(invitationsPerSecond / yardstickRate),
    targetSeconds: 60,
    metTarget: seconds < 60,
  }));
} finally {
  for (const child of children) await stopProcess(child, 15_000);
  await sql.end();
  await postgres.stop();
  await temporal.stop();
  await rm(dir, { recursive: true, force: true });
}


function startNode(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout!.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('Worker polling')) workerReady = true;
  });
  children.push(child);
  return child;
}

async function runYardstick(): Promise<number> {
  const connection = await NativeConnection.connect({ address: temporal.address });
  const worker = await Worker.create({
    connection,
    taskQueue: 'yardstick',
    workflowsPath: path.join(ROOT, 'bench/yardstick-workflow.ts'),
    activities: { noop: async () => {} },
  });
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
  const rate = await worker.runUntil(async () => {
    const started = performance.now();
    const handles = await Promise.all(
      Array.from({ length: YARDSTICK_WORKFLOWS }, (_, i) => client.workflow.start('yardstickWorkflow', { taskQueue: 'yardstick', workflowId: `yardstick-${i}` })),
    );
    await Promise.all(handles.map((h) => h.result()));
    return YARDSTICK_WORKFLOWS / ((performance.now() - started) / 1000);
  });
  await client.connection.close();
  await connection.close();
  return rate;
}

function participantsCsv(count: number): string {
  const lines = ['name,email,role,language,class of'];
  for (let i = 0; i < count; i++) lines.push(`Participant ${i},participant${i}@example.org,${i % 3 === 0 ? 'mentor' : 'mentee'},English;French,${2000 + (i % 25)}`);
  return `${lines.join('\n')}\n`;
}

async function peakRssMb(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for the stack');
    await new Promise((r) => setTimeout(r, 200));
  }
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}
