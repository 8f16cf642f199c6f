import { surveyReminderTimes } from '../../domain/schedule.js';
import { activities } from './activities.js';
import type { CohortProgramme } from './programme.js';

/**
 * The intake survey: invitations, reminders to whoever has not answered, then the close at the deadline or
 * on the admin's word. Answers go straight to PostgreSQL; the close reads how many arrived. Matching comes next.
 */
export async function runSurvey(cohort: CohortProgramme): Promise<void> {
  const { state, cohortId } = cohort;
  if (state.invited === 0)
    Object.assign(
      state,
      await activities.sendSurveyInvitations.executeWithOptions({ summary: 'email survey invitations' }, [{ cohortId }]),
    );
  cohort.describe();
  const reminders = surveyReminderTimes(cohort.input.schedule);
  while (state.remindersSent < reminders.length && !state.closedEarly) {
    if (!(await cohort.waitUntil(reminders[state.remindersSent]!, `reminder ${state.remindersSent + 1}`))) break;
    const round = state.remindersSent + 1;
    const { reminded } = await activities.sendSurveyReminders.executeWithOptions({ summary: `email reminder ${round}` }, [
      { cohortId, round },
    ]);
    state.reminded += reminded;
    state.remindersSent = round;
    cohort.describe();
  }
  await cohort.waitUntil(cohort.deadline(), 'survey deadline');
  state.answered = (await activities.closeSurvey.executeWithOptions({ summary: 'record who answered' }, [{ cohortId }])).answered;
}
