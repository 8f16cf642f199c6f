import { proxyActivities } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

/** The yardstick: the least a workflow can do with an activity, to measure what the server itself can do. */
export async function yardstickWorkflow(): Promise<void> {
  await noop();
}
