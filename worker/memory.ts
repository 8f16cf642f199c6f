import { getHeapStatistics } from 'node:v8';

/** What a cached pair or cohort workflow holds (about 0.4 MB: 500 cached in bench:lifecycle, against 100), with a margin. */
const MB_PER_CACHED_WORKFLOW = 0.6;
/** The worker's own heap before any workflow: the bundle, the activities, the SDK. */
const BASE_HEAP_MB = 200;

/**
 * The workflow cache lives in the worker's heap: a cache too large for the heap (node --max-old-space-size)
 * ends in "JS heap out of memory" under load, so the worker refuses to start instead, saying what to change.
 */
export function cacheProblem(cachedWorkflows: number, heapLimitMb = getHeapStatistics().heap_size_limit / 1048576): string | undefined {
  const needed = Math.round(BASE_HEAP_MB + cachedWorkflows * MB_PER_CACHED_WORKFLOW);
  if (needed <= heapLimitMb) return undefined;
  return `WORKER_CACHED_WORKFLOWS=${cachedWorkflows} needs about ${needed} MB of heap, and this worker has ${Math.round(heapLimitMb)} MB (node --max-old-space-size). Lower the one or raise the other.`;
}
