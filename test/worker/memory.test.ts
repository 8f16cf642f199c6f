import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComposeServices } from '../../dev/compose.js';
import { configSchema } from '../../domain/config.js';
import { cacheProblem } from '../../worker/memory.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The heap V8 gives a Node started with these flags (the old space asked for, plus its young generation). */
const heapLimitMb = (nodeFlags: string[]) =>
  Number(
    execFileSync(process.execPath, [
      ...nodeFlags,
      '-e',
      'console.log(require("node:v8").getHeapStatistics().heap_size_limit / 1048576)',
    ]).toString(),
  );

describe("the worker's cache against its heap", () => {
  it('accepts the default cache under the heap docker-compose.yml and `npm run worker` give the worker', async () => {
    const services = await readComposeServices(path.join(ROOT, 'docker-compose.yml'), {
      env: { ADMIN_PASSWORD: 'x', SESSION_SECRET: 'x', LINK_SECRET: 'x', PAYLOAD_KEYS: 'x', GRAFANA_ADMIN_PASSWORD: 'x' },
    });
    const [node, ...composeArgs] = services.worker!.command;
    expect(node).toBe('node');
    const npmScript = (await import('../../package.json', { with: { type: 'json' } })).default.scripts.worker.split(' ').slice(1);
    const defaultCache = configSchema.shape.WORKER_CACHED_WORKFLOWS.parse(undefined);
    for (const args of [composeArgs, npmScript]) {
      const flags = args.filter((a) => a.startsWith('--'));
      expect(flags.length, args.join(' ')).toBeGreaterThan(0); // the heap is capped
      expect(cacheProblem(defaultCache, heapLimitMb(flags)), args.join(' ')).toBeUndefined();
    }
  });

  it('refuses a cache the heap cannot hold, saying what to change', () => {
    expect(cacheProblem(1000, 560)).toBe(
      'WORKER_CACHED_WORKFLOWS=1000 needs about 800 MB of heap, and this worker has 560 MB (node --max-old-space-size). Lower the one or raise the other.',
    );
  });
});
