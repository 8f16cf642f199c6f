import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow/index.js';
import type { MatchProgress } from '../../domain/match-progress.js';
import { formatInstant } from '../../domain/schedule.js';
import type { Adjustment } from '../../matching/adjust.js';
import type { MatchSettings } from '../../matching/settings.js';
import type { WorkflowCalls } from '../client-calls.js';
import { COHORT_KEY, STAGE_KEY } from '../search-attributes.js';
import {
  addLateJoinersUpdate,
  adjustMatchUpdate,
  approveMatchUpdate,
  closeSurveyUpdate,
  cohortStateQuery,
  cohortWorkflowId,
  forgetParticipantSignal,
  remindSurveyUpdate,
  requestRematchUpdate,
  rerunMatchUpdate,
  type CohortWorkflow,
  type CohortWorkflowInput,
} from './contract.js';

/** What the app asks of a cohort's workflow, by the cohort's slug. */
export function cohortClient({ client, taskQueue, update, signal, query, startOnce }: WorkflowCalls) {
  const cohort = (slug: string) => client.workflow.getHandle(cohortWorkflowId(slug));
  return {
    startCohort: (cohort: { id: string; slug: string; schedule: CohortWorkflowInput['schedule'] }, participantCount: number) =>
      startOnce(() =>
        client.workflow.start<CohortWorkflow>('cohortWorkflow', {
          workflowId: cohortWorkflowId(cohort.slug),
          taskQueue,
          args: [
            {
              version: 1,
              cohortId: cohort.id,
              slug: cohort.slug,
              schedule: cohort.schedule,
              participantCount,
            } satisfies CohortWorkflowInput,
          ],
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
        }),
      ),

    /** The cohort workflow's own view, or undefined when Temporal cannot say right now. */
    cohortState: (slug: string) => query(() => cohort(slug).query(cohortStateQuery)),

    /** How far the cohort's match is, from its activity's last heartbeat, while it runs; undefined otherwise. */
    matchProgress: (slug: string) =>
      query(async () => {
        const { raw } = await cohort(slug).describe();
        const matching = raw.pendingActivities?.find((a) => a.activityType?.name === 'proposeMatching');
        const details = matching?.heartbeatDetails?.payloads;
        return details?.length ? decodeFromPayloadsAtIndex<MatchProgress>(client.options.loadedDataConverter, 0, details) : undefined;
      }),

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

    /** A participant was erased: the cohort drops them and starts a fresh history (see forgetParticipantSignal). A closed cohort has nothing to forget. */
    forgetParticipant: (slug: string, participantId: string) =>
      signal(() => cohort(slug).signal(forgetParticipantSignal, { participantId }), { ok: true, value: undefined }),

    addLateJoiners: (slug: string, participantIds: string[]) =>
      update(() => cohort(slug).executeUpdate(addLateJoinersUpdate, { args: [{ participantIds }] })),
  };
}
