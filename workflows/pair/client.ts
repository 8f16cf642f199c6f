import type { WorkflowCalls } from '../client-calls.js';
import { endPairSignal, extendDeadlineUpdate, keepBothUpdate, nudgeUpdate, pairStateQuery, pauseUpdate, resumeUpdate } from './contract.js';

/** What the app asks of a pair's workflow: the admin's actions, whose refusals ("already paused", "nothing to nudge") come back as codes. */
export function pairClient({ client, update, signal, query }: WorkflowCalls) {
  const pair = (workflowId: string) => client.workflow.getHandle(workflowId);
  return {
    nudgePair: (workflowId: string) => update(() => pair(workflowId).executeUpdate(nudgeUpdate)),
    /** Keyed by the form's request id: a double submit extends once. */
    extendDeadline: (workflowId: string, byMs: number, requestId: string) =>
      update(() => pair(workflowId).executeUpdate(extendDeadlineUpdate, { args: [{ byMs }], updateId: requestId })),
    pausePair: (workflowId: string, reason: string) => update(() => pair(workflowId).executeUpdate(pauseUpdate, { args: [{ reason }] })),
    resumePair: (workflowId: string) => update(() => pair(workflowId).executeUpdate(resumeUpdate)),
    keepBoth: (workflowId: string, keepBoth: boolean) =>
      update(() => pair(workflowId).executeUpdate(keepBothUpdate, { args: [{ keepBoth }] })),

    /** Ends a pair early; with "objectives achieved" the pair still closes with its final survey. */
    endPair: (workflowId: string, reason: string) =>
      signal(() => pair(workflowId).signal(endPairSignal, { reason }), { ok: false, reason: 'closed', code: 'already-ended' }),

    /** A pair workflow's own view, or undefined when it cannot say (finished long ago, or Temporal away). */
    pairState: (workflowId: string) => query(() => pair(workflowId).query(pairStateQuery)),
  };
}
