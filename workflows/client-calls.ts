import { Client, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type WorkflowUpdateHandle } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { RefusalCode } from '../i18n/admin/refusals.en.js';
import { INVALID_ADJUSTMENT, MATCH_CLOSED, REMINDER_TOO_SOON, SURVEY_CLOSED } from './cohort/contract.js';
import { PAIR_ACTION_REFUSED } from './pair/contract.js';

/*
 * What each workflow's client (`cohort/client.ts`, `pair/client.ts`...) shares: calls settled within a deadline,
 * and what came of an update or a signal as an outcome a page words. It runs in the app, never in a workflow.
 */

/**
 * What came of an admin's or a participant's word: done, or refused (why, as a code the page words); `finishing`
 * when the workflow took it but what it sends (an email during a mail outage) is still on its way.
 */
export type UpdateOutcome<T> =
  | { ok: true; value: T; finishing?: false }
  | { ok: true; value: undefined; finishing: true }
  | { ok: false; reason: Refusal | 'unavailable'; code: RefusalCode };
type Refusal = 'closed' | 'invalid' | 'tooSoon';

/** Refusals a page explains, by failure type; anything else is a bug and goes to the error page. */
const REFUSALS: Record<string, Refusal> = {
  [SURVEY_CLOSED]: 'closed',
  [REMINDER_TOO_SOON]: 'tooSoon',
  [MATCH_CLOSED]: 'closed',
  [PAIR_ACTION_REFUSED]: 'closed',
  [INVALID_ADJUSTMENT]: 'invalid',
};

export type WorkflowCalls = ReturnType<typeof workflowCalls>;

const FINISHING = Symbol('finishing');

/** The calls of one Temporal client; `waitMs` is how long a person waits on a form before the page says "try again shortly". */
export function workflowCalls(client: Client, { taskQueue, waitMs }: { taskQueue: string; waitMs: number }) {
  /**
   * `run` under a gRPC deadline, and settled by then whatever happens: while the server is unreachable the SDK
   * retries with backoff and may sleep past the deadline before its last attempt fails.
   */
  function within<T>(ms: number, run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(
          () => reject(Object.assign(new Error('Temporal did not answer in time (deadline exceeded)'), { code: 4 })),
          ms,
        )),
    );
    return Promise.race([client.withDeadline(Date.now() + ms, run), late]).finally(() => clearTimeout(timer));
  }

  async function update<T>(run: () => Promise<T>): Promise<UpdateOutcome<T>> {
    try {
      return { ok: true, value: await within(waitMs, run) };
    } catch (error) {
      const cause = error instanceof WorkflowUpdateFailedError ? applicationFailureIn(error) : undefined;
      if (cause instanceof ApplicationFailure && cause.type && REFUSALS[cause.type]) {
        return { ok: false, reason: REFUSALS[cause.type]!, code: cause.message as RefusalCode };
      }
      if (error instanceof WorkflowNotFoundError) return { ok: false, reason: 'closed', code: 'already-ended' };
      if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isUnavailable(error)) {
        return { ok: false, reason: 'unavailable', code: 'busy' };
      }
      throw error;
    }
  }

  /**
   * An update whose handler waits on an activity (an email to send): once the workflow has accepted it (its
   * validator passed), the page need not wait for the email too. Done within the page's time, it is done;
   * still running then (the mail service down, its activity retrying), it is `finishing`, not "busy".
   */
  async function updateAccepted<T>(start: () => Promise<WorkflowUpdateHandle<T>>): Promise<UpdateOutcome<T>> {
    const deadline = Date.now() + waitMs;
    const outcome = await update(async () => {
      const result = (await start()).result();
      result.catch(() => undefined); // settled after the page has answered: nobody waits for it then
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<typeof FINISHING>((resolve) => (timer = setTimeout(() => resolve(FINISHING), deadline - Date.now() - 500)));
      return Promise.race([result, late]).finally(() => clearTimeout(timer));
    });
    return outcome.ok && outcome.value === FINISHING ? { ok: true, value: undefined, finishing: true } : (outcome as UpdateOutcome<T>);
  }

  /** A signal, with what it means when its workflow has already finished. */
  async function signal(send: () => Promise<void>, whenFinished: UpdateOutcome<void>): Promise<UpdateOutcome<void>> {
    try {
      await within(waitMs, send);
      return { ok: true, value: undefined };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return whenFinished;
      if (isUnavailable(error)) return { ok: false, reason: 'unavailable', code: 'busy' };
      throw error;
    }
  }

  /** A workflow's own view, or undefined when it cannot say (finished long ago, or Temporal away). */
  async function query<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await within(3_000, run);
    } catch {
      return undefined;
    }
  }

  /** Starts a workflow by its id; starting twice is harmless: "already started" counts as success. */
  async function startOnce(start: () => Promise<unknown>): Promise<void> {
    try {
      await start();
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  return { client, taskQueue, waitMs, within, update, updateAccepted, signal, query, startOnce };
}

/** gRPC "unavailable" or "deadline exceeded", here or in a cause: the server or the worker is not there right now. */
function isUnavailable(error: unknown): boolean {
  for (let e = error as { code?: number; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 14 || e.code === 4 || /deadline|unavailable/i.test(String(e.message))) return true;
  }
  return false;
}

/** The application failure behind an update's failure: the validator's own, or an activity's. */
function applicationFailureIn(error: Error): ApplicationFailure | undefined {
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure) return cause;
  }
  return undefined;
}
