import { Client, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type Connection } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Cohort } from '../db/cohorts.js';
import { formatInstant } from '../domain/schedule.js';
import type { CohortWorkflowInput, cohortWorkflow } from '../workflows/cohort.js';
import { cohortWorkflowId } from '../workflows/ids.js';
import {
  SURVEY_CLOSED,
  closeSurveyUpdate,
  cohortStateQuery,
  submitSurveyUpdate,
  type CohortState,
  type SurveySubmission,
  type SurveySubmissionResult,
} from '../workflows/messages.js';
import { COHORT_KEY, STAGE_KEY } from '../workflows/search-attributes.js';


export type UpdateOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'closed' | 'unavailable'; message: string };

/** Everything the web app asks of Temporal, by business key: the handlers never see workflow ids. */
export function createWorkflowClient(options: {
  connection: Connection;
  namespace: string;
  taskQueue: string;
  /** How long a person waits on a form before the page says "try again shortly". */
  updateWaitMs?: number;
}) {
  const updateWaitMs = options.updateWaitMs ?? 8_000;
  const client = new Client({ connection: options.connection, namespace: options.namespace });

  async function update<T>(run: () => Promise<T>): Promise<UpdateOutcome<T>> {
    try {
      return { ok: true, value: await client.withDeadline(Date.now() + updateWaitMs, run) };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === SURVEY_CLOSED) {
        return { ok: false, reason: 'closed', message: error.cause.message };
      }
      if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isUnavailable(error)) {
        return { ok: false, reason: 'unavailable', message: 'Tandem is busy or restarting.' };
      }
      throw error;
    }
  }

  return {
    /** Starting twice is harmless: "already started" counts as success. */
    async startCohort(cohort: Cohort, participantCount: number): Promise<void> {
      const input: CohortWorkflowInput = { version: 1, cohortId: cohort.id, slug: cohort.slug, schedule: cohort.schedule, participantCount };
      try {
        await client.workflow.start<typeof cohortWorkflow>('cohortWorkflow', {
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

    /** The cohort workflow's own view, or undefined when Temporal cannot say right now. */
    async cohortState(slug: string): Promise<CohortState | undefined> {
      try {
        return await client.withDeadline(Date.now() + 3_000, () => client.workflow.getHandle(cohortWorkflowId(slug)).query(cohortStateQuery));
      } catch {
        return undefined;
      }
    },

    submitSurvey(slug: string, submission: SurveySubmission): Promise<UpdateOutcome<SurveySubmissionResult>> {
      return update(() =>
        client.workflow.getHandle(cohortWorkflowId(slug)).executeUpdate(submitSurveyUpdate, { args: [submission], updateId: submission.submissionId }),
      );
    },

    closeSurvey(slug: string): Promise<UpdateOutcome<CohortState>> {
      return update(() => client.workflow.getHandle(cohortWorkflowId(slug)).executeUpdate(closeSurveyUpdate));
    },
  };
}

export type WorkflowClient = ReturnType<typeof createWorkflowClient>;

/** gRPC "unavailable" or "deadline exceeded": the server or the worker is not there right now. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: number }).code;
  return code === 14 || code === 4 || /deadline|unavailable/i.test(String((error as Error).message));
}
