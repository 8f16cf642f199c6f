import type { Client } from '@temporalio/client';
import { expect } from 'vitest';

/**
 * The runs of a workflow, first to latest, followed back from the latest through each run's predecessor
 * (the time-skipping server cannot list them).
 */
export async function runChain(client: Client, workflowId: string): Promise<string[]> {
  const runs = [(await client.workflow.getHandle(workflowId).describe()).runId];
  for (;;) {
    const history = await client.workflow.getHandle(workflowId, runs[0]).fetchHistory();
    const previous = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) return runs;
    runs.unshift(previous);
  }
}

/**
 * Waits for a workflow's `count`th run. Under the time-skipping server, wait for a new run this way rather
 * than by querying the state: a query that meets a run as it continues as new can stop the server's clock.
 */
export async function untilRun(client: Client, workflowId: string, count: number): Promise<void> {
  await expect.poll(async () => (await runChain(client, workflowId)).length, { timeout: 10_000, interval: 50 }).toBe(count);
}
