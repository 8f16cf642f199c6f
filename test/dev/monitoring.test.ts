/**
 * The monitoring that comes with the deployment (monitoring/, wired in docker-compose.yml): Prometheus's
 * configuration and alert rules checked and unit-tested by promtool, the Grafana dashboard's shape and every
 * query it runs parsed by promtool, and the compose wiring between them. That every series they name is
 * exported is checked against real scrapes in operations.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { provisionedDashboard } from '../helpers/monitoring.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
let scratch: string | undefined;
afterAll(async () => scratch && rm(scratch, { recursive: true, force: true }));

/** Prometheus's own checker (test/setup/prerequisites.ts says how to install it). */
const promtool = (...args: string[]) => execFileSync('promtool', args, { cwd: ROOT, stdio: 'pipe' }).toString();

interface ComposeFile {
  services: Record<string, { volumes?: string[]; environment?: Record<string, unknown>; image?: string; build?: unknown }>;
}

describe('the monitoring that comes with the deployment', () => {
  it('Prometheus accepts its configuration and rules, and each alert fires on what should raise it and not on a healthy hour', () => {
    expect(promtool('check', 'config', 'monitoring/prometheus.yml')).toContain('is valid prometheus config file syntax');
    expect(promtool('check', 'rules', 'monitoring/alerts.yml')).toMatch(/SUCCESS: \d+ rules found/);
    expect(promtool('test', 'rules', 'monitoring/alerts.test.yml')).toContain('SUCCESS');
    // Every alert has a test that expects it to fire, and a runbook section of its own.
    const rules = (
      parse(read('monitoring/alerts.yml')) as { groups: { rules: { alert: string; annotations: { runbook: string } }[] }[] }
    ).groups.flatMap((g) => g.rules);
    const tested = read('monitoring/alerts.test.yml');
    const runbook = read('docs/operations.md');
    for (const rule of rules) {
      expect(tested, rule.alert).toContain(`alertname: ${rule.alert}`);
      expect(rule.annotations.runbook).toBe(`docs/operations.md#${rule.alert.toLowerCase()}`);
      expect(runbook, rule.alert).toContain(`### ${rule.alert}`);
    }
  });

  it('the Grafana dashboard has the shape Grafana loads, and Prometheus parses every query it runs', async () => {
    const dashboard = provisionedDashboard();
    const datasource = (parse(read('monitoring/grafana/datasources.yml')) as { datasources: { uid: string }[] }).datasources[0]!.uid;
    const queries = dashboard.panels.flatMap((p) => ('targets' in p ? p.targets.map((t) => ({ panel: p.title, ...t })) : []));
    expect(new Set(queries.map((q) => q.datasource.uid))).toEqual(new Set([datasource]));
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    // Each query as a recording rule: promtool parses its PromQL as Prometheus would.
    scratch = await mkdtemp(path.join(tmpdir(), 'tandem-dashboard-'));
    const file = path.join(scratch, 'queries.yml');
    const rules = queries.map((q, i) => ({ record: `dashboard:query_${i}`, expr: q.expr }));
    await writeFile(file, JSON.stringify({ groups: [{ name: 'dashboard', rules }] }));
    expect(promtool('check', 'rules', file)).toContain(`SUCCESS: ${queries.length} rules found`);
  });

  it('docker-compose.yml mounts these files where Prometheus and Grafana read them, and scrapes the ports the app serves', () => {
    const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;
    const mounts = (service: string) =>
      Object.fromEntries(
        (compose.services[service]!.volumes ?? [])
          .filter((v) => v.startsWith('./'))
          .map((v) => [v.split(':')[1]!, v.split(':')[0]!.slice(2)]),
      );
    for (const service of ['prometheus', 'grafana'])
      for (const source of Object.values(mounts(service))) expect(existsSync(path.join(ROOT, source)), source).toBe(true);
    const prometheus = mounts('prometheus');
    expect(prometheus['/etc/prometheus/prometheus.yml']).toBe('monitoring/prometheus.yml');
    const config = parse(read('monitoring/prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: { static_configs: { targets: string[] }[] }[];
    };
    for (const rules of config.rule_files) expect(prometheus[`/etc/prometheus/${rules}`]).toBe(`monitoring/${rules}`);
    // Each target is a service of the app, on a port it serves metrics on.
    for (const target of config.scrape_configs.flatMap((s) => s.static_configs.flatMap((c) => c.targets))) {
      const [host, port] = target.split(':');
      const environment = compose.services[host!]?.environment ?? {};
      expect(compose.services[host!]?.build, `${target} is not one of Tandem's services`).toBeDefined();
      expect([environment.METRICS_PORT, environment.TEMPORAL_METRICS_PORT].map(String), target).toContain(port);
    }
    // Grafana's provisioning finds the dashboard folder where it is mounted.
    const grafana = mounts('grafana');
    const provider = (parse(read('monitoring/grafana/dashboards.yml')) as { providers: { options: { path: string } }[] }).providers[0]!;
    expect(grafana[provider.options.path]).toBe('monitoring/grafana/dashboards');
    expect(grafana['/etc/grafana/provisioning/datasources/tandem.yml']).toBe('monitoring/grafana/datasources.yml');
    expect(grafana['/etc/grafana/provisioning/dashboards/tandem.yml']).toBe('monitoring/grafana/dashboards.yml');
  });
});
