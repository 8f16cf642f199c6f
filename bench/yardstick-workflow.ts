import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

/** The yardstick: the least a workflow can do with an activity, to measure what the server itself can do. */
export async function yardstickWorkflow(): Promise<void> {
  await noop();
}

export const pingUpdate = defineUpdate<number, [number]>('ping');

/** The yardstick of a form sent through Temporal: a Workflow Update that does nothing but answer. */
export async function yardstickUpdateWorkflow(): Promise<void> {
  setHandler(pingUpdate, (n) => n);
  await condition(() => false); // waits for updates until the benchmark's server is gone
}
