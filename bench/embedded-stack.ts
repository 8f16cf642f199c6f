/**
 * The stack the benchmarks run on, from the production build, with the image's environment (Dockerfile) and
 * the commands and environment docker-compose.yml gives setup, worker and web (each a process of its own, so
 * its memory is its own):
 * - `embedded` (the default): the Temporal CLI's dev server on SQLite/WAL, an embedded PostgreSQL, one worker
 *   and one web app, as `npm start` runs them;
 * - `rehearsal` (BENCH_STACK=rehearsal, or `npm run rehearse`): production's topology on one machine: the real
 *   Temporal server on the embedded PostgreSQL (which holds its two databases and Tandem's), two workers on
 *   one task queue and two web apps behind a round-robin balancer. It can be hurt: `faults` kills and
 *   restarts its parts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readComposeServices } from '../dev/compose.js';
import { readImageEnv } from '../dev/dockerfile.js';
import { createSql } from '../db/sql.js';
import { startEmbeddedPostgres } from '../dev/embedded-postgres.js';
import { stopProcess } from '../dev/processes.js';
import { startRoundRobin } from '../dev/round-robin.js';
import { startTemporalCluster } from '../dev/temporal-cluster.js';
import { startTemporalDevServer } from '../dev/temporal-server.js';
import { TEMPORAL_CLI, ensureTool } from '../dev/tools.js';
import { freePort } from '../dev/ports.js';
import { useMasterKeys } from '../db/data-keys.js';
import { parsePayloadKeys } from '../domain/payload-encryption.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'bench-password-long';
/** Payloads are encrypted in benchmarks as in production: the figures include the codec's cost. */
export const BENCH_PAYLOAD_KEYS = `bench-1:${Buffer.alloc(32, 1).toString('base64')}`;
// What a benchmark reads of participants (their sealed names and answers) opens with the stack's own key.
useMasterKeys(parsePayloadKeys(BENCH_PAYLOAD_KEYS));

export type StackKind = 'embedded' | 'rehearsal';
type Service = 'worker' | 'web';

/** With BENCH_PROFILE_DIR, web apps and workers write a CPU profile there when they stop (open it in Chrome's DevTools). */
const profiling = (name: string) =>
  process.env.BENCH_PROFILE_DIR && name !== 'setup' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];

export async function startBenchStack(kind: StackKind = (process.env.BENCH_STACK as StackKind | undefined) ?? 'embedded') {
  const instances = kind === 'rehearsal' ? 2 : 1;
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'dev/build.ts')], { stdio: 'ignore' });
  const dir = await mkdtemp(path.join(tmpdir(), `tandem-${kind}-`));
  await chmod(dir, 0o755);
  const postgresPort = await freePort();
  const startPostgres = () => startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: postgresPort, persistent: true });
  let postgres = await startPostgres();
  await postgres.createDatabase('tandem');
  const temporal =
    kind === 'rehearsal'
      ? await startTemporalCluster({ postgresUrl: postgres.url('postgres'), dir })
      : await startTemporalDevServer({
          binary: await ensureTool(TEMPORAL_CLI),
          port: await freePort(),
          dbFile: path.join(dir, 'temporal.db'),
        });
  const sql = createSql(postgres.url('tandem'), { max: 4 });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const webPorts = instances === 1 ? [port] : await Promise.all(Array.from({ length: instances }, freePort));
  const balancer = instances === 1 ? undefined : await startRoundRobin(port, webPorts);
  const services = await readComposeServices(path.join(ROOT, 'docker-compose.yml'), {
    env: {
      ADMIN_PASSWORD,
      SESSION_SECRET: 's'.repeat(32),
      LINK_SECRET: 'l'.repeat(32),
      PAYLOAD_KEYS: BENCH_PAYLOAD_KEYS,
      GRAFANA_ADMIN_PASSWORD: 'not started here',
      PUBLIC_BASE_URL: base,
    },
    hosts: { postgres: new URL(postgres.url('tandem')).host, temporal: temporal.address },
  });
  const imageEnv = await readImageEnv(path.join(ROOT, 'Dockerfile'));
  const children: Record<Service, ChildProcess[]> = { worker: [], web: [] };
  const peaks: Record<Service, number> = { worker: 0, web: 0 };
  const start = (name: 'setup' | Service, index = 0, onLine?: (line: string) => void) => {
    const [command, ...args] = services[name]!.command;
    const env = {
      PATH: process.env.PATH,
      ...imageEnv,
      ...services[name]!.environment,
      PORT: String(webPorts[index]),
      WORKER_CACHED_WORKFLOWS: process.env.WORKER_CACHED_WORKFLOWS ?? '',
      // Instances share this host, where compose gives each its own: no metrics ports to collide on.
      METRICS_PORT: '',
      TEMPORAL_METRICS_PORT: '',
    };
    const child = spawn(command!, [...profiling(name), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk: Buffer) => onLine?.(chunk.toString()));
    if (name !== 'setup') children[name][index] = child;
    return child;
  };
  const setup = start('setup');
  const setupCode = await new Promise((resolve) => setup.once('exit', resolve));
  if (setupCode !== 0) throw new Error(`the setup service exited with ${setupCode}`);

  /** Starts one instance and resolves once it serves (web) or polls (worker). */
  const launch = async (name: Service, index: number) => {
    if (name === 'web') {
      start('web', index);
      await waitFor(async () => (await fetch(`http://localhost:${webPorts[index]}/health`)).ok, 60_000, `web ${index + 1}`);
    } else {
      let polling = false;
      start('worker', index, (line) => (polling ||= line.includes('Worker polling')));
      await waitFor(async () => polling, 60_000, `worker ${index + 1}`);
    }
  };
  /** Peak resident memory (VmHWM) of the instance, in MB, kept across its restarts. */
  const recordPeak = async (name: Service, child: ChildProcess | undefined) => {
    const status = child?.exitCode === null ? await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '') : '';
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    peaks[name] = Math.max(peaks[name], Math.round(kb / 1024));
  };

  return {
    kind,
    temporal,
    sql,
    postgresUrl: postgres.url('tandem'),
    base,
    instances,
    taskQueue: services.worker!.environment.TEMPORAL_TASK_QUEUE!,
    /** Starts every web and worker instance and waits until they serve; returns the admin's session cookie. */
    async startApp(): Promise<string> {
      await Promise.all((['web', 'worker'] as const).flatMap((name) => Array.from({ length: instances }, (_, i) => launch(name, i))));
      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: base },
        body: new URLSearchParams({ user: 'admin', password: ADMIN_PASSWORD, next: '/admin' }),
      });
      return login.headers.get('set-cookie')!.split(';')[0]!;
    },
    /** Peak resident memory so far of the busiest instance of each, in MB. */
    async peakRssMb(): Promise<{ worker: number; web: number }> {
      for (const name of ['worker', 'web'] as const) for (const child of children[name]) await recordPeak(name, child);
      return { ...peaks };
    },
    /** The first worker's /proc status (memory figures among them). */
    status: (name: Service) => readFile(`/proc/${children[name][0]!.pid}/status`, 'utf8'),
    /** What a rehearsal does to its stack; each resolves once the part is back, with how long it took. */
    faults: {
      /** Kills an instance outright (SIGKILL, as the OOM killer or a lost machine would), then starts it again. */
      async kill(name: Service, index: number, downMs: number): Promise<number> {
        await recordPeak(name, children[name][index]);
        const child = children[name][index]!;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
        await new Promise((r) => setTimeout(r, downMs));
        const begun = performance.now();
        await launch(name, index);
        return performance.now() - begun;
      },
      /** Restarts the Temporal server (SIGTERM, then start on the same databases). */
      async restartTemporal(): Promise<number> {
        const begun = performance.now();
        if (!('restart' in temporal)) throw new Error('only the rehearsal restarts its Temporal server');
        await temporal.restart();
        return performance.now() - begun;
      },
      /** Stops PostgreSQL (fast shutdown: every connection cut) and starts it again on the same data. */
      async restartPostgres(): Promise<number> {
        const begun = performance.now();
        await postgres.stop();
        postgres = await startPostgres();
        return performance.now() - begun;
      },
    },
    async stop() {
      await this.peakRssMb();
      for (const child of [...children.web, ...children.worker]) if (child) await stopProcess(child, 15_000);
      await balancer?.close();
      await sql.end({ timeout: 5 }); // a query cut off by a PostgreSQL restart must not hold the run open
      await temporal.stop();
      await postgres.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

/** The hidden fields of a page's forms (request ids, CSRF token, run id). */
export { hiddenFieldsOf as hiddenFields } from '../dev/admin-over-http.js';

/** A CSV of `count` people, `role(i)` deciding each one's role. */
export function participantsCsv(count: number, role: (i: number) => 'mentor' | 'mentee'): string {
  const lines = ['name,email,role,language,class of'];
  for (let i = 0; i < count; i++) lines.push(`Participant ${i},participant${i}@example.org,${role(i)},English;French,${2000 + (i % 25)}`);
  return `${lines.join('\n')}\n`;
}

/** Polls `check` until true; its errors count as "not yet" unless `fatal` says otherwise. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
  what = 'the stack',
  fatal: (error: unknown) => boolean = () => false,
) {
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

/** A log whose lines say how long after its creation they were written. */
export function timedLog(): (line: string) => void {
  const t0 = performance.now();
  return (line) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${line}`);
}
