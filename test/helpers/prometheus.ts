import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { freePort } from '../../dev/ports.js';
import { eventually } from './eventually.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Prometheus's text format read back: each sample by its series (`name{label="value",...}`, labels sorted). */
export type Samples = Map<string, number>;

export function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample: ${line}`);
    const labels = [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => `${k}="${v}"`).sort();
    samples.set(`${match[1]}{${labels.join(',')}}`, Number(match[3]));
  }
  return samples;
}

/** The sum of a metric's samples whose labels include all of `labels`. */
export function total(samples: Samples, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const [series, value] of samples) {
    const [seriesName, rest] = series.split('{') as [string, string];
    if (seriesName === name && wanted.every((label) => rest.slice(0, -1).split(',').includes(label))) sum += value;
  }
  return sum;
}

/** The metric names a scrape holds (a histogram's `_bucket`, `_sum` and `_count` each count). */
export const namesOf = (samples: Samples) => new Set([...samples.keys()].map((series) => series.split('{')[0]!));

/**
 * A real Prometheus (Debian's `prometheus`, beside promtool) running the deployment's own configuration
 * (monitoring/prometheus.yml and its alert rules), its targets moved to where this machine serves them and
 * scraping every second.
 */
export async function startPrometheus(options: { dir: string; targets: Record<string, string> }) {
  const config = parse(await readFile(path.join(ROOT, 'monitoring/prometheus.yml'), 'utf8')) as PrometheusConfig;
  config.global = { ...config.global, scrape_interval: '1s', evaluation_interval: '1s' };
  config.rule_files = config.rule_files.map((file) => path.join(ROOT, 'monitoring', file));
  for (const job of config.scrape_configs)
    for (const group of job.static_configs) group.targets = group.targets.map((target) => options.targets[target] ?? target);
  await writeFile(path.join(options.dir, 'prometheus.yml'), stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${path.join(options.dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(options.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  await eventually(async () => expect((await fetch(`${url}/-/ready`)).status).toBe(200), 30_000, 200);
  const api = async <T>(endpoint: string) => {
    const body = (await (await fetch(`${url}/api/v1/${endpoint}`)).json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${endpoint}: ${body.error}`);
    return body.data;
  };
  return {
    /** An instant query at `at` (ms): its result's series. */
    query: (expr: string, at: number) =>
      api<{ result: unknown[] }>(`query?query=${encodeURIComponent(expr)}&time=${at / 1000}`).then((data) => data.result),
    rules: () =>
      api<{ groups: { rules: { name: string; health: string; lastError?: string }[] }[] }>('rules').then((d) =>
        d.groups.flatMap((g) => g.rules),
      ),
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill()))),
  };
}

interface PrometheusConfig {
  global?: Record<string, string>;
  rule_files: string[];
  scrape_configs: { static_configs: { targets: string[] }[] }[];
}
