import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { matchCohort, type MatchInput, type MatchResult } from '../matching/match-cohort.js';

type Message = { done: number } | { result: MatchResult };

/**
 * Runs `matchCohort` in a worker thread. A national cohort takes minutes of CPU; on the worker's own thread
 * it would stop everything else the process does (heartbeats, other activities, the answers relay) for as
 * long. This module is also the thread's entry: loaded in a thread with a match input, it solves it.
 */
export function matchInThread(input: MatchInput, onProgress: (done: number) => void, signal?: AbortSignal): Promise<MatchResult> {
  const self = new URL(import.meta.url);
  // From the sources (tsx, tests) the thread needs TypeScript support first; the production build is JavaScript.
  const thread = self.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(self.href)}); })`, {
        eval: true,
        workerData: { matchInput: input },
      })
    : new Worker(self, { workerData: { matchInput: input } });
  return new Promise<MatchResult>((resolve, reject) => {
    const stop = () => void thread.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    thread.on('message', (message: Message) => ('result' in message ? resolve(message.result) : onProgress(message.done)));
    thread.once('error', reject);
    thread.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      reject(new Error(signal?.aborted ? 'Matching was cancelled' : `The matching thread stopped (exit code ${code}) without a result`));
    });
  }).finally(() => void thread.terminate());
}

if (!isMainThread && workerData?.matchInput) {
  const post = (message: Message) => parentPort!.postMessage(message);
  post({ result: matchCohort(workerData.matchInput as MatchInput, (done) => post({ done })) });
}
