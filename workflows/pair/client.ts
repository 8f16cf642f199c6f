import { WorkflowUpdateStage } from '@temporalio/client';
import type { WorkflowCalls } from '../client-calls.js';
import { endPairSignal, extendDeadlineUpdate, keepBothUpdate, nudgeUpdate, pairStateQuery, pauseUpdate, resumeUpdate } from './contract.js';

/** What the app asks of a pair's workflow: the admin's actions, whose refusals ("already paused", "nothing to nudge") come back as codes. */
export function pairClient({ client, update, updateAccepted, signal, query }: WorkflowCalls) {
  const pair = (workflowId: string) => client.workflow.getHandle(workflowId);
  const accepted = { waitForStage: WorkflowUpdateStage.ACCEPTED } as const;
  return {
    // Nudge, extend, pause and resume email the pair: accepted, they are done for the admin (see updateAccepted).
    nudgePair: (workflowId: string) => updateAccepted(() => pair(workflowId).startUpdate(nudgeUpdate, accepted)),
    /** Keyed by the form's request id: a double submit extends once. */
    extendDeadline: (workflowId: string, byMs: number, requestId: string) =>
      updateAccepted(() => pair(workflowId).startUpdate(extendDeadlineUpdate, { ...accepted, args: [{ byMs }], updateId: requestId })),
    pausePair: (workflowId: string, reason: string) =>
      updateAccepted(() => pair(workflowId).startUpdate(pauseUpdate, { ...accepted, args: [{ reason }] })),
    resumePair: (workflowId: string) => updateAccepted(() => pair(workflowId).startUpdate(resumeUpdate, accepted)),
    keepBoth: (workflowId: string, keepBoth: boolean) =>
      update(() => pair(workflowId).executeUpdate(keepBothUpdate, { args: [{ keepBoth }] })),

    /** Ends a pair early; with "objectives achieved" the pair still closes with its final survey. */
    endPair: (workflowId: string, reason: string) =>
      signal(() => pair(workflowId).signal(endPairSignal, { reason }), { ok: false, reason: 'closed', code: 'already-ended' }),

    /** A pair workflow's own view, or undefined when it cannot say (finished long ago, or Temporal away). */
    pairState: (workflowId: string) => query(() => pair(workflowId).query(pairStateQuery)),
  };
}
