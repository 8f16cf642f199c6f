/**
 * `npm run rehearse`: production on one machine. The real Temporal server on PostgreSQL (built once with
 * `go install`), two workers and two web apps behind a round-robin balancer, all from the production build
 * with docker-compose.yml's commands (see bench/embedded-stack.ts). Runs the lifecycle benchmark with its
 * faults (a web app and a worker killed, the Temporal server and PostgreSQL restarted), then the burst
 * benchmark, each on a fresh rehearsal stack; prints their output, then one JSON line of both. Fails if an
 * answer is lost, an email goes twice, a workflow is stuck, a pair does not complete, or the burst has a
 * failed or "busy" request.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { TEMPORAL_SERVER, ensureTemporalServer } from '../dev/temporal-cluster.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs one benchmark on the rehearsal stack, passing its output through; resolves with its last JSON line. */
function bench(script: string, env: Record<string, string>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', script)], {
      cwd: ROOT,
      env: { ...process.env, BENCH_STACK: 'rehearsal', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      last =
        (last + chunk.toString())
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .at(-1) ?? last;
    });
    child.once('exit', (code) =>
      code === 0 && last ? resolve(JSON.parse(last) as Record<string, unknown>) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

await ensureTemporalServer();
const lifecycle = await bench('lifecycle.ts', { BENCH_PAIRS: process.env.BENCH_PAIRS ?? '500' });
const burst = await bench('burst.ts', {});
type Phase = { failed: number; busy: number };
// The lifecycle runs through faults, so a "busy" page sent again is fair there; the burst has none, so it must have none.
const burstPhases = ['firstWave', 'burst', 'sustained'].map((name) => burst[name] as Phase);
const passed =
  lifecycle.submissionFailures === 0 &&
  lifecycle.answersLost === 0 &&
  lifecycle.duplicateEmails === 0 &&
  lifecycle.stuckWorkflows === 0 &&
  lifecycle.completedPairs === lifecycle.pairs &&
  burst.lostAnswers === 0 &&
  burstPhases.every((phase) => phase.failed === 0 && phase.busy === 0);
console.log(JSON.stringify({ rehearsal: { temporalServer: TEMPORAL_SERVER.version, workers: 2, webApps: 2, passed, lifecycle, burst } }));
if (!passed) process.exitCode = 1;
