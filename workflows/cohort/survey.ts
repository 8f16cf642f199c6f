import { surveyReminderTimes } from '../../domain/schedule.js';
import { patched } from '@temporalio/workflow';
import { activities } from './activities.js';
import { sendMailing } from './mailing.js';
import { PATCHES } from './patches.js';
import type { CohortProgramme } from './programme.js';

/**
 * The intake survey: invitations, reminders to whoever has not answered, then the close at the deadline or
 * on the admin's word. Answers go straight to PostgreSQL; the close reads how many arrived. Matching comes next.
 */
export async function runSurvey(cohort: CohortProgramme): Promise<void> {
  const { state, cohortId } = cohort;
  if (state.invited === 0) Object.assign(state, await invite(cohortId));
  cohort.describe();
  const reminders = surveyReminderTimes(cohort.input.schedule);
  while (state.remindersSent < reminders.length && !state.closedEarly) {
    if (!(await cohort.waitUntil(reminders[state.remindersSent]!, `reminder ${state.remindersSent + 1}`))) break;
    const round = state.remindersSent + 1;
    state.reminded += await remind(cohortId, { round }, `email reminder ${round}`);
    state.remindersSent = round;
    cohort.describe();
  }
  await cohort.waitUntil(cohort.deadline(), 'survey deadline');
  state.answered = (await activities.closeSurvey.executeWithOptions({ summary: 'record who answered' }, [{ cohortId }])).answered;
}

async function invite(cohortId: string) {
  if (!patched(PATCHES.pacedMailings.id))
    return activities.sendSurveyInvitations.executeWithOptions({ summary: 'email survey invitations' }, [{ cohortId }]);
  const { total, bounced } = await sendMailing(cohortId, { kind: 'invitation' }, 'email survey invitations');
  return { total, invited: total - bounced, bounced };
}

/** Whoever has not answered is reminded: on schedule by round, or on the admin's request. How many were. */
export async function remind(cohortId: string, reminder: { round: number; requestId?: string }, summary: string): Promise<number> {
  if (patched(PATCHES.pacedMailings.id)) return (await sendMailing(cohortId, { kind: 'reminder', ...reminder }, summary)).total;
  return (await activities.sendSurveyReminders.executeWithOptions({ summary }, [{ cohortId, ...reminder }])).reminded;
}
