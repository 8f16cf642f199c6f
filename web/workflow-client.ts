import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ClientInterceptors } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { TEMPORAL_CHANNEL_ARGS } from '../domain/config.js';
import { accountEmailClient } from '../workflows/account-email/client.js';
import { workflowCalls } from '../workflows/client-calls.js';
import { cohortClient } from '../workflows/cohort/client.js';
import { pairClient } from '../workflows/pair/client.js';

export type { UpdateOutcome } from '../workflows/client-calls.js';

/**
 * The web app's connection: it reconnects within a second of the server coming back, and retries a failed call
 * a few times within a second only, since a page answers within five seconds anyway.
 */
export const connectForPages = (address: string) =>
  Connection.lazy({
    address,
    channelArgs: TEMPORAL_CHANNEL_ARGS,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))],
  });

/** Everything the web app asks of Temporal, by business key, through each workflow's client: the handlers never see a handle. */
export function createWorkflowClient(options: {
  connection: Connection;
  namespace: string;
  taskQueue: string;
  /** Encrypts what the web app gives Temporal and decrypts what it reads back (domain/payload-encryption.ts). */
  dataConverter: DataConverter;
  /** How long a person waits on a form before the page says "try again shortly". */
  updateWaitMs?: number;
  /** Temporal's tracing (observability/tracing.ts), carrying each request's trace into its workflows. */
  interceptors?: ClientInterceptors;
}) {
  const { connection, namespace, dataConverter, interceptors } = options;
  const client = new Client({ connection, namespace, dataConverter, ...(interceptors ? { interceptors } : {}) });
  // Under the page's own five-second deadline, so the page says "busy" itself.
  const calls = workflowCalls(client, { taskQueue: options.taskQueue, waitMs: options.updateWaitMs ?? 4_000 });
  return {
    /** Whether the Temporal server answers (for /health). */
    reachable: () => calls.within(800, () => options.connection.workflowService.getSystemInfo({})),
    ...cohortClient(calls),
    ...pairClient(calls),
    ...accountEmailClient(calls),
  };
}

export type WorkflowClient = ReturnType<typeof createWorkflowClient>;
