import type { Payload } from '@temporalio/common';
import type { WorkflowInterceptorsFactory } from '@temporalio/workflow';

/** Where Temporal's OpenTelemetry interceptors (web app's client, worker's activities) carry the W3C trace context. */
const TRACE_HEADER = '_tracer-data';

/**
 * Carries the trace of whoever started the workflow, or sent the update or signal being handled, on to the
 * activities it schedules: a cohort created from the form is one trace down to its invitations, a sign-up one
 * trace down to its confirmation email. Only the header is copied: OpenTelemetry in the bundle, evaluated again
 * for every workflow loaded, made replaying 45 % slower (`npm run bench:interceptors`). An activity scheduled
 * after a handler's first `await` belongs to the run's trace.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  let current: Payload | undefined;
  /** Runs a handler's synchronous start (where it schedules its first activity) in the caller's trace. */
  function within<T>(headers: Record<string, Payload>, handle: () => T): T {
    const outer = current;
    current = headers[TRACE_HEADER] ?? outer;
    try {
      return handle();
    } finally {
      current = outer;
    }
  }
  return {
    inbound: [
      {
        execute(input, next) {
          current = input.headers[TRACE_HEADER];
          return next(input);
        },
        handleSignal: (input, next) => within(input.headers, () => next(input)),
        handleUpdate: (input, next) => within(input.headers, () => next(input)),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next(current ? { ...input, headers: { ...input.headers, [TRACE_HEADER]: current } } : input),
      },
    ],
  };
};
