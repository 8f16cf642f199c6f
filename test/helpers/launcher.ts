import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../dev/ports.js';

/**
 * The environment of a launcher (`npm start`, `npm run demo:flash`) that stays out of everyone's way: its data
 * in a folder of its own (readable by the user embedded PostgreSQL runs as, when tests run as root), every
 * port free. `dataDir` is the folder to remove afterwards.
 */
export async function launcherEnv(prefix: string) {
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  await chmod(dataDir, 0o755);
  const ports = {
    PORT: await freePort(),
    DEV_TEMPORAL_PORT: await freePort(),
    DEV_TEMPORAL_UI_PORT: await freePort(),
    DEV_POSTGRES_PORT: await freePort(),
    DEV_WEB_METRICS_PORT: await freePort(),
    DEV_WORKER_METRICS_PORT: await freePort(),
    DEV_TEMPORAL_METRICS_PORT: await freePort(),
  };
  const env = { TANDEM_DATA_DIR: path.join(dataDir, 'data'), ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  return { dataDir, ports, env };
}
