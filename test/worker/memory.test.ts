import { describe, expect, it } from 'vitest';
import { cacheProblem } from '../../worker/memory.js';

describe("the worker's cache against its heap", () => {
  it('accepts the default cache under the heap docker-compose.yml gives the worker', () => {
    expect(cacheProblem(100, 432)).toBeUndefined(); // what --max-old-space-size=384 gives, with V8's young generation
  });

  it('refuses a cache the heap cannot hold, saying what to change', () => {
    expect(cacheProblem(1000, 432)).toBe('WORKER_CACHED_WORKFLOWS=1000 needs about 1700 MB of heap, and this worker has 432 MB (node --max-old-space-size). Lower the one or raise the other.');
  });
});
