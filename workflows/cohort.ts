import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { formatInstant, surveyReminderTimes, type ProgrammeSchedule } from '../domain/schedule.js';
import type { CohortStage } from '../domain/types.js';
import { SURVEY_CLOSED, closeSurveyUpdate, cohortStateQuery, submitSurveyUpdate, type CohortState } from './messages.js';
import { STAGE_KEY } from './search-attributes.js';

export interface CohortWorkflowInput {
  version: 1;
  cohortId: string;
  slug: string;
  schedule: ProgrammeSchedule;
  /** Known at creation, so the figures are right before the invitations are out. */
  participantCount?: number;
  /** Set when the workflow continues as new, so the next run picks up where this one stopped. */
  state?: CohortState;
}

const { sendSurveyInvitations, sendSurveyReminders, saveSurveySubmission, closeSurvey } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A cohort's programme: invite everyone to the intake survey, remind those who have not answered, close
 * the survey at the deadline (or when the admin closes it), then hand over to matching.
 */
export async function cohortWorkflow(input: CohortWorkflowInput): Promise<CohortState> {
  const { cohortId, schedule } = input;
  const deadline = Date.parse(schedule.surveyDeadline);
  const state: CohortState = input.state ?? {
    stage: 'survey', total: input.participantCount ?? 0, invited: 0, answered: 0, remindersSent: 0, reminded: 0, closedEarly: false,
  };
  const surveyOpen = () => state.stage === 'survey' && !state.closedEarly && Date.now() < deadline;

  setHandler(cohortStateQuery, () => state);

  setHandler(
    submitSurveyUpdate,
    async (submission) => {
      const saved = await saveSurveySubmission.executeWithOptions({ summary: 'save survey answers' }, [{ cohortId, ...submission }]);
      state.answered = saved.answered;
      describeSurvey();
      return { firstAnswer: saved.firstAnswer, answered: state.answered, total: state.total };
    },
    {
      validator: (_submission) => {
        if (!surveyOpen()) throw ApplicationFailure.create({ type: SURVEY_CLOSED, message: 'This survey is closed.', nonRetryable: true });
      },
      description: 'A participant submits (or updates) their intake survey',
    },
  );

  setHandler(
    closeSurveyUpdate,
    () => {
      state.closedEarly = true;
      return state;
    },
    {
      validator: () => {
        if (!surveyOpen()) throw ApplicationFailure.create({ type: SURVEY_CLOSED, message: 'The survey is already closed.', nonRetryable: true });
      },
      description: 'The admin closes the intake survey before its deadline',
    },
  );

  if (state.stage === 'survey') {
    if (state.invited === 0) {
      const invited = await sendSurveyInvitations.executeWithOptions({ summary: 'email survey invitations' }, [{ cohortId }]);
      Object.assign(state, invited);
    }
    describeSurvey();
    const reminders = surveyReminderTimes(schedule);
    while (state.remindersSent < reminders.length && !state.closedEarly) {
      if (!(await waitUntil(reminders[state.remindersSent]!, `reminder ${state.remindersSent + 1}`))) break;
      const round = state.remindersSent + 1;
      const { reminded } = await sendSurveyReminders.executeWithOptions({ summary: `email reminder ${round}` }, [{ cohortId, round }]);
      state.reminded += reminded;
      state.remindersSent = round;
      describeSurvey();
    }
    await waitUntil(deadline, 'survey deadline');
    const result = await closeSurvey.executeWithOptions({ summary: 'record who answered' }, [{ cohortId }]);
    state.answered = result.answered;
    setStage('matching');
  }

  // Matching takes over from here: the survey's answers are in the database, `state` says who answered.
  setCurrentDetails(`Survey closed: ${state.answered} of ${state.total} answered. Matching comes next.`);
  return state;

  /** Sleeps until `instant` unless the admin closes the survey first; continues as new if history grows long. */
  async function waitUntil(instant: number, summary: string): Promise<boolean> {
    for (;;) {
      const closedEarly = await condition(
        () => state.closedEarly || workflowInfo().continueAsNewSuggested,
        Math.max(instant - Date.now(), 0),
        { summary },
      );
      if (!closedEarly) return true;
      if (state.closedEarly) return false;
      await condition(allHandlersFinished);
      await continueAsNew<typeof cohortWorkflow>({ ...input, state });
    }
  }

  function describeSurvey() {
    const missing = state.total - state.answered;
    setCurrentDetails(
      `Intake survey: waiting for ${missing} of ${state.total} surveys, deadline ${formatInstant(deadline)}.` +
        ` Reminders sent: ${state.remindersSent}.`,
    );
  }

  function setStage(stage: CohortStage) {
    state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
  }
}
