import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../domain/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('files for running Tandem elsewhere', () => {
  it('docker-compose.yml is valid and wires the app to its PostgreSQL and Temporal', () => {
    const compose = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find(existsSync);
    if (!compose) throw new Error('Validating docker-compose.yml needs docker-compose (Debian/Ubuntu: apt-get install docker-compose).');
    const secrets = {
      ADMIN_PASSWORD: 'a long admin password',
      SESSION_SECRET: 's'.repeat(32),
      LINK_SECRET: 'l'.repeat(32),
      PAYLOAD_KEYS: `k:${'a'.repeat(43)}=`,
      GRAFANA_ADMIN_PASSWORD: 'a grafana password',
    };
    const config = (env: Record<string, string>) =>
      execFileSync(compose, ['-f', 'docker-compose.yml', 'config'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...env },
        stdio: 'pipe',
      }).toString();
    // Without its secrets it refuses to start, naming what is missing.
    expect(() => config({})).toThrow(
      /set ADMIN_PASSWORD in .env|set SESSION_SECRET|set LINK_SECRET|set PAYLOAD_KEYS|set GRAFANA_ADMIN_PASSWORD/,
    );
    const resolved = config(secrets);
    for (const service of ['postgres:', 'temporal:', 'temporal-ui:', 'setup:', 'worker:', 'web:', 'prometheus:', 'grafana:'])
      expect(resolved).toContain(`  ${service}`);
    expect(resolved).toContain('DATABASE_URL: postgres://tandem:tandem@postgres:5432/tandem');
    expect(resolved).toContain('TEMPORAL_ADDRESS: temporal:7233');
    expect(resolved).toContain('node dist/db/migrate-main.js && node dist/worker/setup-main.js');
    expect(resolved).toMatch(/condition: service_completed_successfully/);
  });

  it('.env.example documents every variable the config reads, and nothing else', () => {
    const documented = [...read('.env.example').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(configSchema.shape).sort());
  });
});
