/**
 * What an operator sees of a whole programme: `npm run demo:flash` plays a flash programme to its report on
 * the stack `npm start` runs (processes of their own), while this test scrapes the web app's, the worker's
 * and the Temporal SDK's metrics endpoints, and a real Prometheus runs the deployment's configuration against
 * them. Each series moves; every series the dashboard and the alert rules name is exported, every panel's
 * query has data and every rule evaluates; the logs are JSON lines carrying request, workflow and run ids,
 * and hold no participant's name, address or words.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { demoPeople } from '../../dev/demo-people.js';
import { launcherEnv } from '../helpers/launcher.js';
import { namesOf, parseSamples, startPrometheus, total, type Samples } from '../helpers/prometheus.js';
import { provisionedDashboard } from '../helpers/monitoring.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAIRS = 3;
let dataDir: string | undefined;
let demoPid: number | undefined;
let prometheus: Awaited<ReturnType<typeof startPrometheus>> | undefined;

afterAll(async () => {
  if (demoPid) process.kill(-demoPid, 'SIGKILL');
  await prometheus?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The first and the last scrape of an endpoint that answered, and the largest value each series reached. */
function scraper(url: string) {
  const seen = { first: undefined as Samples | undefined, last: new Map() as Samples, max: new Map() as Samples, lastAt: 0 };
  return {
    seen,
    async scrape() {
      const response = await fetch(url).catch(() => undefined);
      if (!response?.ok) return;
      const samples = parseSamples(await response.text());
      seen.first ??= samples;
      seen.last = samples;
      seen.lastAt = Date.now();
      for (const [series, value] of samples) seen.max.set(series, Math.max(value, seen.max.get(series) ?? -Infinity));
    },
  };
}

/** Series that appear only once something failed (a failed workflow task): named by an alert, absent from a good run. */
const ONLY_ON_FAILURE = new Set(['temporal_workflow_task_execution_failed']);

it('a whole flash programme: every metric moves, the deployment’s Prometheus has data for every panel and evaluates every alert, the logs hold ids and nobody’s words', async () => {
  const launcher = await launcherEnv('tandem-operations-');
  ({ dataDir } = launcher);
  const { ports } = launcher;
  // The deployment's Prometheus, its targets where npm start serves them.
  const local = (port: number) => `127.0.0.1:${port}`;
  prometheus = await startPrometheus({
    dir: dataDir,
    targets: {
      'web:9464': local(ports.DEV_WEB_METRICS_PORT),
      'worker:9464': local(ports.DEV_WORKER_METRICS_PORT),
      'worker:9465': local(ports.DEV_TEMPORAL_METRICS_PORT),
    },
  });
  const demo = spawn(process.execPath, ['--import', 'tsx', 'dev/demo-flash.ts', '--stop'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...launcher.env,
      DEMO_PAIRS: String(PAIRS),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demoPid = demo.pid;
  let output = '';
  for (const stream of [demo.stdout!, demo.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoints = {
    web: scraper(`http://localhost:${ports.DEV_WEB_METRICS_PORT}/metrics`),
    worker: scraper(`http://localhost:${ports.DEV_WORKER_METRICS_PORT}/metrics`),
    temporal: scraper(`http://localhost:${ports.DEV_TEMPORAL_METRICS_PORT}/metrics`),
  };
  const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    await Promise.all(Object.values(endpoints).map((e) => e.scrape()));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(await exited, output).toBe(0);
  demoPid = undefined;
  expect(output).toContain('The flash programme has run to its end');

  const { web, worker, temporal } = Object.fromEntries(Object.entries(endpoints).map(([k, e]) => [k, e.seen])) as Record<
    keyof typeof endpoints,
    (typeof endpoints)['web']['seen']
  >;
  const moved = (seen: typeof web, name: string, labels: Record<string, string> = {}) =>
    total(seen.last, name, labels) - total(seen.first ?? new Map(), name, labels);

  // The web app: requests by route pattern (a link's token never), answers by form.
  expect(moved(web, 'tandem_http_request_duration_seconds_count', { route: '/survey/:token', method: 'POST', status: '200' })).toBe(
    PAIRS * 2,
  );
  expect(moved(web, 'tandem_http_request_duration_seconds_count', { route: '/admin/cohorts', method: 'POST' })).toBe(1);
  expect([...web.last.keys()].filter((s) => s.includes('route=') && !/route="(\/[\w/:-]*|unmatched)"/.test(s))).toEqual([]);
  for (const form of ['survey', 'charter', 'check-in'])
    expect(moved(web, 'tandem_answers_stored_total', { form }), form).toBeGreaterThanOrEqual(PAIRS * 2);

  // The worker: emails by kind and outcome, the relay, the match, open workflows by stage and health.
  expect(moved(worker, 'tandem_emails_total', { kind: 'survey-invitation', outcome: 'sent' })).toBe(PAIRS * 2);
  expect(moved(worker, 'tandem_emails_total', { outcome: 'sent' })).toBeGreaterThan(PAIRS * 8);
  expect(moved(worker, 'tandem_relay_signals_total', { outcome: 'delivered' })).toBeGreaterThanOrEqual(PAIRS * 6);
  expect(moved(worker, 'tandem_matching_duration_seconds_count', { kind: 'initial' })).toBe(1);
  expect(total(worker.last, 'tandem_relay_waiting_signals')).toBe(0);
  expect(worker.last.has('tandem_relay_lag_seconds{}')).toBe(true);
  for (const stage of ['survey', 'running'])
    expect(total(worker.max, 'tandem_open_workflows', { workflow: 'cohort', stage }), stage).toBe(1);
  expect(total(worker.max, 'tandem_open_workflows', { workflow: 'pair', stage: 'active' })).toBe(PAIRS);
  expect(total(worker.max, 'tandem_open_pairs_by_health', { health: 'on-track' })).toBeGreaterThan(0);

  // The Temporal SDK's runtime metrics.
  expect(moved(temporal, 'temporal_workflow_task_schedule_to_start_latency_count')).toBeGreaterThan(0);
  expect(moved(temporal, 'temporal_activity_execution_latency_count')).toBeGreaterThan(0);
  expect(moved(temporal, 'temporal_workflow_completed', { workflow_type: 'pairWorkflow' })).toBe(PAIRS);
  expect(total(temporal.max, 'temporal_sticky_cache_size')).toBeGreaterThan(0);

  // What the dashboard and the alert rules query is exported (PromQL's functions and keywords aside).
  const exported = new Set([...namesOf(web.max), ...namesOf(worker.max), ...namesOf(temporal.max), 'up']);
  const queries = [
    ...provisionedDashboard().panels.flatMap((p) => ('targets' in p ? p.targets.map((t) => t.expr) : [])),
    ...[...readFileSync(path.join(ROOT, 'monitoring/alerts.yml'), 'utf8').matchAll(/expr: (?:\|\n)?([\s\S]*?)\n\s+(?:for|labels):/g)].map(
      (m) => m[1]!,
    ),
  ];
  // In Prometheus, as the deployment runs it: each panel's query has data at the programme's end (but those
  // about failures, which this good run has none of), and every alert rule evaluates without error.
  const end = Math.min(web.lastAt, worker.lastAt, temporal.lastAt) - 2_000;
  const panels = provisionedDashboard().panels.flatMap((p) => ('targets' in p ? p.targets.map((t) => t.expr) : []));
  const empty: string[] = [];
  for (const expr of panels) if ((await prometheus.query(expr, end)).length === 0) empty.push(expr);
  expect(empty.filter((expr) => ![...ONLY_ON_FAILURE].some((name) => expr.includes(name)))).toEqual([]);
  const rules = await prometheus.rules();
  expect(rules.length).toBeGreaterThan(0);
  expect(rules.filter((rule) => rule.health !== 'ok')).toEqual([]);
  const named = new Set(queries.flatMap((q) => [...q.matchAll(/\b((?:tandem|temporal)_\w+|up)\b(?!\s*\()/g)].map((m) => m[1]!)));
  expect([...named].filter((name) => !exported.has(name) && !ONLY_ON_FAILURE.has(name))).toEqual([]);

  // The logs: the web app's and the worker's lines are JSON with the ids that find the rest.
  const lines = output.split('\n').filter((line) => line.startsWith('{'));
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const entry of entries) expect(Object.keys(entry)).toEqual(expect.arrayContaining(['level', 'time', 'msg']));
  expect(
    entries.filter((e) => e.msg === 'request' && typeof e.requestId === 'string' && typeof e.route === 'string').length,
  ).toBeGreaterThan(PAIRS * 6);
  const workflowLines = entries.filter((e) => typeof e.workflowId === 'string' && typeof e.runId === 'string');
  expect(new Set(workflowLines.map((e) => e.msg))).toEqual(new Set(['Cohort stage', 'Pair stage', 'Pair health']));
  // Nobody's name, address or words, anywhere in the output.
  const people = demoPeople(PAIRS);
  const personal = [
    ...people.flatMap((p) => [p.name, p.email]),
    ...new Set(people.map((p) => p.survey.goals).filter((g) => typeof g === 'string')),
  ];
  expect(personal.filter((words) => output.includes(words as string))).toEqual([]);
}, 600_000);
