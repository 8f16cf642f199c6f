import {
  Client,
  Connection,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type DataConverter } from '@temporalio/common';
import type { Cohort } from '../db/cohorts.js';
import { TEMPORAL_CHANNEL_ARGS } from '../domain/config.js';
import { formatInstant } from '../domain/schedule.js';
import type { Adjustment } from '../matching/adjust.js';
import type { MatchSettings } from '../matching/settings.js';
import type { accountEmailWorkflow } from '../workflows/account-email/account-email.js';
import { accountEmailWorkflowId, type AccountEmailInput } from '../workflows/account-email/contract.js';
import {
  INVALID_ADJUSTMENT,
  MATCH_CLOSED,
  SURVEY_CLOSED,
  addLateJoinersUpdate,
  forgetParticipantSignal,
  adjustMatchUpdate,
  approveMatchUpdate,
  closeSurveyUpdate,
  cohortStateQuery,
  REMINDER_TOO_SOON,
  remindSurveyUpdate,
  cohortWorkflowId,
  type CohortWorkflow,
  requestRematchUpdate,
  rerunMatchUpdate,
  type CohortState,
  type CohortWorkflowInput,
} from '../workflows/cohort/contract.js';
import {
  PAIR_ACTION_REFUSED,
  endPairSignal,
  extendDeadlineUpdate,
  keepBothUpdate,
  nudgeUpdate,
  pairStateQuery,
  pauseUpdate,
  resumeUpdate,
  type PairState,
} from '../workflows/pair/contract.js';
import { COHORT_KEY, STAGE_KEY } from '../workflows/search-attributes.js';
import type { RefusalCode } from '../i18n/admin/refusals.en.js';

/** What came of an admin's or a participant's word: done, or refused (why, as a code the page words). */
export type UpdateOutcome<T> = { ok: true; value: T } | { ok: false; reason: Refusal | 'unavailable'; code: RefusalCode };
type Refusal = 'closed' | 'invalid' | 'tooSoon';

/** Refusals a page explains, by failure type; anything else is a bug and goes to the error page. */
const REFUSALS: Record<string, Refusal> = {
  [SURVEY_CLOSED]: 'closed',
  [REMINDER_TOO_SOON]: 'tooSoon',
  [MATCH_CLOSED]: 'closed',
  [PAIR_ACTION_REFUSED]: 'closed',
  [INVALID_ADJUSTMENT]: 'invalid',
};

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

/** Everything the web app asks of Temporal, by business key: the handlers never see workflow ids. */
export function createWorkflowClient(options: {
  connection: Connection;
  namespace: string;
  taskQueue: string;
  /** Encrypts what the web app gives Temporal and decrypts what it reads back (domain/payload-encryption.ts). */
  dataConverter: DataConverter;
  /** How long a person waits on a form before the page says "try again shortly". */
  updateWaitMs?: number;
}) {
  // Under the page's own five-second deadline, so the page says "busy" itself.
  const updateWaitMs = options.updateWaitMs ?? 4_000;
  const client = new Client({ connection: options.connection, namespace: options.namespace, dataConverter: options.dataConverter });

  const cohort = (slug: string) => client.workflow.getHandle(cohortWorkflowId(slug));

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
      return { ok: true, value: await within(updateWaitMs, run) };
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

  /** A signal, with what it means when its workflow has already finished. */
  async function signal(send: () => Promise<void>, whenFinished: UpdateOutcome<void>): Promise<UpdateOutcome<void>> {
    try {
      await within(updateWaitMs, send);
      return { ok: true, value: undefined };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return whenFinished;
      if (isUnavailable(error)) return { ok: false, reason: 'unavailable', code: 'busy' };
      throw error;
    }
  }

  return {
    /** Whether the Temporal server answers (for /health). */
    reachable: () => within(800, () => options.connection.workflowService.getSystemInfo({})),

    /** Starting twice is harmless: "already started" counts as success. */
    async startCohort(cohort: Cohort, participantCount: number): Promise<void> {
      const input: CohortWorkflowInput = {
        version: 1,
        cohortId: cohort.id,
        slug: cohort.slug,
        schedule: cohort.schedule,
        participantCount,
      };
      try {
        await client.workflow.start<CohortWorkflow>('cohortWorkflow', {
          workflowId: cohortWorkflowId(cohort.slug),
          taskQueue: options.taskQueue,
          args: [input],
          typedSearchAttributes: [
            { key: COHORT_KEY, value: cohort.slug },
            { key: STAGE_KEY, value: 'survey' },
          ],
          staticSummary: `Cohort **${cohort.slug}**: intake survey, matching and follow-up`,
          staticDetails: [
            `Cohort id: ${cohort.id}`,
            `Survey deadline: ${formatInstant(cohort.schedule.surveyDeadline)}`,
            `Check-ins: ${cohort.schedule.checkInCount}`,
            `Filter this cohort's workflows: TandemCohort = "${cohort.slug}"`,
          ].join('\n'),
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    },

    /** An admin's invitation or reset email, sent by a workflow of its own; starting it twice sends one email. */
    async sendAccountEmail(input: AccountEmailInput): Promise<void> {
      try {
        await within(updateWaitMs, () =>
          client.workflow.start<typeof accountEmailWorkflow>('accountEmailWorkflow', {
            workflowId: accountEmailWorkflowId(input.ticketId),
            taskQueue: options.taskQueue,
            args: [input],
            staticSummary: `Admin ${input.kind === 'invitation' ? 'invitation' : 'password reset'} email`,
          }),
        );
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    },

    /** The cohort workflow's own view, or undefined when Temporal cannot say right now. */
    async cohortState(slug: string): Promise<CohortState | undefined> {
      try {
        return await within(3_000, () => cohort(slug).query(cohortStateQuery));
      } catch {
        return undefined;
      }
    },

    closeSurvey: (slug: string) => update(() => cohort(slug).executeUpdate(closeSurveyUpdate)),
    /** Keyed by the form's request id: a double submit reminds once. */
    remindSurvey: (slug: string, requestId: string) =>
      update(() => cohort(slug).executeUpdate(remindSurveyUpdate, { args: [{ requestId }], updateId: requestId })),

    approveMatch: (slug: string, runId: string) => update(() => cohort(slug).executeUpdate(approveMatchUpdate, { args: [{ runId }] })),
    rerunMatch: (slug: string, settings: MatchSettings) =>
      update(() => cohort(slug).executeUpdate(rerunMatchUpdate, { args: [{ settings }] })),
    /** Keyed by the form's request id: a double submit changes the proposal once. */
    adjustMatch: (slug: string, change: { runId: string; requestId: string; adjustment: Adjustment; reason: string }) =>
      update(() => cohort(slug).executeUpdate(adjustMatchUpdate, { args: [change], updateId: change.requestId })),
    requestRematch: (
      slug: string,
      { requestId, ...request }: { participantId: string; reason: string; requestId: string; pairId: string; alone?: boolean },
    ) => update(() => cohort(slug).executeUpdate(requestRematchUpdate, { args: [request], updateId: requestId })),
    /** The admin's actions on a pair; a refusal ("already paused", "nothing to nudge") comes back with its code. */
    nudgePair: (pairWorkflowId: string) => update(() => client.workflow.getHandle(pairWorkflowId).executeUpdate(nudgeUpdate)),
    extendDeadline: (pairWorkflowId: string, byMs: number, requestId: string) =>
      update(() =>
        client.workflow.getHandle(pairWorkflowId).executeUpdate(extendDeadlineUpdate, { args: [{ byMs }], updateId: requestId }),
      ),
    pausePair: (pairWorkflowId: string, reason: string) =>
      update(() => client.workflow.getHandle(pairWorkflowId).executeUpdate(pauseUpdate, { args: [{ reason }] })),
    resumePair: (pairWorkflowId: string) => update(() => client.workflow.getHandle(pairWorkflowId).executeUpdate(resumeUpdate)),
    keepBoth: (pairWorkflowId: string, keepBoth: boolean) =>
      update(() => client.workflow.getHandle(pairWorkflowId).executeUpdate(keepBothUpdate, { args: [{ keepBoth }] })),

    /** Ends a pair early; with "objectives achieved" the pair still closes with its final survey. */
    endPair: (pairWorkflowId: string, reason: string) =>
      signal(() => client.workflow.getHandle(pairWorkflowId).signal(endPairSignal, { reason }), {
        ok: false,
        reason: 'closed',
        code: 'already-ended',
      }),

    /** A pair workflow's own view, or undefined when it cannot say (finished long ago, or Temporal away). */
    async pairState(pairWorkflowId: string): Promise<PairState | undefined> {
      try {
        return await within(3_000, () => client.workflow.getHandle(pairWorkflowId).query(pairStateQuery));
      } catch {
        return undefined;
      }
    },

    /** A participant was erased: the cohort drops them and starts a fresh history (see forgetParticipantSignal). A closed cohort has nothing to forget. */
    forgetParticipant: (slug: string, participantId: string) =>
      signal(() => cohort(slug).signal(forgetParticipantSignal, { participantId }), { ok: true, value: undefined }),

    addLateJoiners: (slug: string, participantIds: string[]) =>
      update(() => cohort(slug).executeUpdate(addLateJoinersUpdate, { args: [{ participantIds }] })),
  };
}

export type WorkflowClient = ReturnType<typeof createWorkflowClient>;

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
