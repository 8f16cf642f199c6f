import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { createCohortOverHttp, logInOverHttp } from '../../dev/admin-over-http.js';
import { launcherEnv } from '../helpers/launcher.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let launcher: ChildProcess | undefined;

afterAll(async () => {
  if (launcher?.pid && launcher.exitCode === null) process.kill(-launcher.pid, 'SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** `npm start` as a terminal runs it: its own process group, so Ctrl-C is a SIGINT to the whole group. */
async function startLauncher(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  launcher = child;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`launcher exited early:\n${output}`);
      expect(output).toContain('Tandem is running.');
    },
    120_000,
    250,
  );
  // "Running" means it: the worker polls and the web app answers the moment it is said.
  expect(output.indexOf('Worker polling')).toBeGreaterThanOrEqual(0);
  expect(output.indexOf('Worker polling')).toBeLessThan(output.indexOf('Tandem is running.'));
  expect((await fetch(`http://localhost:${env.PORT}/admin/login`)).status).toBe(200);
  return { child, output: () => output };
}

function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='])
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const visit = (parent: number) => table.filter(([, ppid]) => ppid === parent).forEach(([child]) => (found.push(child), visit(child)));
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The launcher's child running `entry` (the node process, not its tsx helpers). */
function childRunning(launcherPid: number, entry: string): number {
  const command = (pid: number) => execFileSync('ps', ['-o', 'args=', '-p', String(pid)]).toString();
  const [pid] = descendants(launcherPid).filter((p) => alive(p) && command(p).includes(entry));
  if (!pid) throw new Error(`no process runs ${entry}`);
  return pid;
}

async function stopLauncher(launched: { child: ChildProcess; output: () => string }) {
  const { child } = launched;
  const family = descendants(child.pid!);
  expect(family.length).toBeGreaterThanOrEqual(4); // web, worker, temporal, postgres (and their helpers)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  expect(await exited).toBe(0);
  await eventually(async () => expect(family.filter(alive)).toEqual([]), 30_000, 250);
  // In the order the README gives: the web app, the worker, then the servers.
  const stopped = launched
    .output()
    .split('\n')
    .filter((line) => line.startsWith('Stopped the '));
  expect(stopped).toEqual([
    'Stopped the web app.',
    'Stopped the worker.',
    'Stopped the embedded PostgreSQL server.',
    'Stopped the Temporal dev server.',
  ]);
}

/** Logs in and creates a one-person cohort through the real HTTP server. */
async function createCohort(base: string, password: string, name: string) {
  const cookie = await logInOverHttp(base, password);
  await createCohortOverHttp(base, cookie, name);
  return cookie;
}

it('npm start brings the whole system up, Ctrl-C stops it all, and a second start picks up the data', async () => {
  const launcher = await launcherEnv('tandem-launcher-');
  ({ dataDir } = launcher);
  const { ports, env } = launcher;
  const base = `http://localhost:${ports.PORT}`;

  const first = await startLauncher(env);
  const password = /password "([^"]+)"/.exec(first.output())![1]!;
  expect(first.output()).toContain(`Admin pages   ${base}/admin`);
  expect(first.output()).toContain(`Temporal UI   http://localhost:${ports.DEV_TEMPORAL_UI_PORT}`);
  expect((await fetch(`${base}/health`)).status).toBe(200);
  expect((await fetch(`http://localhost:${ports.DEV_TEMPORAL_UI_PORT}/`)).status).toBe(200);
  const cookie = await createCohort(base, password, 'Launcher Cohort');
  await eventually(async () =>
    expect(await (await fetch(`${base}/dev/outbox`, { headers: { cookie } })).text()).toContain('Launcher Cohort: tell us what you need'),
  );
  expect((await fetch(`${base}/dev/outbox`, { redirect: 'manual' })).headers.get('location')).toBe('/admin/login?next=%2Fdev%2Foutbox');

  // A crashed worker or web app is started again, and the launcher says so; the rest keeps running.
  process.kill(childRunning(first.child.pid!, 'worker/main.ts'), 'SIGKILL');
  await eventually(
    async () => expect(first.output()).toContain('The worker stopped unexpectedly (SIGKILL); restarting it in 1 s.'),
    10_000,
    100,
  );
  await eventually(async () => expect(first.output().split('Worker polling')).toHaveLength(3), 60_000, 250);
  process.kill(childRunning(first.child.pid!, 'web/main.ts'), 'SIGKILL');
  await eventually(
    async () => expect(first.output()).toContain('The web app stopped unexpectedly (SIGKILL); restarting it in 1 s.'),
    10_000,
    100,
  );
  await eventually(async () => expect((await fetch(`${base}/health`)).status).toBe(200), 60_000, 250);
  await stopLauncher(first);

  const second = await startLauncher(env);
  expect(/password "([^"]+)"/.exec(second.output())![1]).toBe(password);
  // Same session secret, same database, same Temporal state: the cohort and its running workflow are there.
  const page = await (await fetch(`${base}/admin/cohorts/launcher-cohort`, { headers: { cookie } })).text();
  expect(page).toContain('data-stage="survey"');
  expect(page).not.toContain('the workflow did not answer');
  await stopLauncher(second);
}, 300_000);
