/**
 * The embedded stack as the benchmarks run it: a Temporal dev server on SQLite/WAL, an embedded PostgreSQL,
 * then Tandem's setup, worker and web as their own processes (so their memory is theirs), from the production
 * build with the commands and environment docker-compose.yml gives them, and an admin session on the web.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readComposeServices } from '../dev/compose.js';
import { createSql } from '../db/sql.js';
import { startEmbeddedPostgres } from '../dev/embedded-postgres.js';
import { stopProcess } from '../dev/processes.js';
import { startTemporalDevServer } from '../dev/temporal-server.js';
import { TEMPORAL_CLI, ensureTool } from '../dev/tools.js';
import { freePort } from '../test/helpers/ports.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'bench-password-long';

export async function startBenchStack() {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'dev/build.ts')], { stdio: 'ignore' });
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-'));
  await chmod(dir, 0o755);
  const temporal = await startTemporalDevServer({ binary: await ensureTool(TEMPORAL_CLI), port: await freePort(), dbFile: path.join(dir, 'temporal.db') });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: await freePort(), persistent: false });
  await postgres.createDatabase('tandem');
  const sql = createSql(postgres.url('tandem'), { max: 4 });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const children: { web?: ChildProcess; worker?: ChildProcess } = {};
  const services = await readComposeServices(path.join(ROOT, 'docker-compose.yml'), {
    env: { ADMIN_PASSWORD, SESSION_SECRET: 's'.repeat(32), LINK_SECRET: 'l'.repeat(32), PUBLIC_BASE_URL: base },
    hosts: { postgres: new URL(postgres.url('tandem')).host, temporal: temporal.address },
  });
  const start = (name: 'setup' | 'worker' | 'web', onLine?: (line: string) => void) => {
    const [command, ...args] = services[name]!.command;
    const child = spawn(command!, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...services[name]!.environment, PORT: String(port), WORKER_CACHED_WORKFLOWS: process.env.WORKER_CACHED_WORKFLOWS ?? '' }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk: Buffer) => onLine?.(chunk.toString()));
    return child;
  };
  const setup = start('setup');
  const setupCode = await new Promise((resolve) => setup.once('exit', resolve));
  if (setupCode !== 0) throw new Error(`the setup service exited with ${setupCode}`);

  return {
    temporal,
    sql,
    postgresUrl: postgres.url('tandem'),
    base,
    taskQueue: services.worker!.environment.TEMPORAL_TASK_QUEUE!,
    /** Starts web and worker and waits until both serve; returns the admin's session cookie. */
    async startApp(): Promise<string> {
      let workerReady = false;
      children.web = start('web');
      children.worker = start('worker', (line) => {
        if (line.includes('Worker polling')) workerReady = true;
      });
      await waitFor(async () => (await fetch(`${base}/health`)).ok);
      await waitFor(async () => workerReady);
      const login = await fetch(`${base}/admin/login`, { method: 'POST', redirect: 'manual', headers: { origin: base }, body: new URLSearchParams({ user: 'admin', password: ADMIN_PASSWORD, next: '/admin' }) });
      return login.headers.get('set-cookie')!.split(';')[0]!;
    },
    /** Peak resident memory so far (VmHWM), in MB. */
    async peakRssMb(): Promise<{ worker: number; web: number }> {
      const [worker, web] = await Promise.all((['worker', 'web'] as const).map(async (name) => Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(await this.status(name))![1]) / 1024)));
      return { worker: worker!, web: web! };
    },
    /** The process's /proc status (memory figures among them). */
    status: (name: 'worker' | 'web') => readFile(`/proc/${children[name]!.pid}/status`, 'utf8'),
    async stop() {
      for (const child of [children.web, children.worker]) if (child) await stopProcess(child, 15_000);
      await sql.end();
      await postgres.stop();
      await temporal.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}


/** The hidden fields of a page's forms (request ids, CSRF token, run id). */
export { hiddenFieldsOf as hiddenFields } from '../test/helpers/live-admin.js';

/** A CSV of `count` people, `role(i)` deciding each one's role. */
export function participantsCsv(count: number, role: (i: number) => 'mentor' | 'mentee'): string {
  const lines = ['name,email,role,language,class of'];
  for (let i = 0; i < count; i++) lines.push(`Participant ${i},participant${i}@example.org,${role(i)},English;French,${2000 + (i % 25)}`);
  return `${lines.join('\n')}\n`;
}

/** Polls `check` until true; its errors count as "not yet" unless `fatal` says otherwise. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000, what = 'the stack', fatal: (error: unknown) => boolean = () => false) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      if (fatal(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function round(n: number) {
  return Math.round(n * 100) / 100;
}
