import { rematchCutoffMs, surveyReminderTimes, type ProgrammeSchedule } from './schedule.js';
import type { CohortStage } from './types.js';

/**
 * What a cohort waits for and its next automatic step with its date, for the top of its page: a cohort never
 * sits still without saying why. Read from the workflow's state and the schedule; no state (the workflow has
 * not started or did not answer) says nothing here, the page says that itself.
 */
export type NextStep =
  | { kind: 'survey'; answered: number; total: number; reminderAt?: number; closesAt: number }
  | { kind: 'matching' }
  | { kind: 'review'; pairs: number; mentees: number }
  | { kind: 'running'; running: number; rematchUntil: number; endsAt: number }
  | { kind: 'closing'; running: number; endedAt: number }
  | { kind: 'closed'; eraseAt?: number };

/** What the cohort workflow reports of itself (its `CohortState`) that the next step depends on. */
export interface CohortProgress {
  stage: CohortStage;
  answered: number;
  total: number;
  remindersSent: number;
  proposal?: { pairs: number; mentees: number };
  programmeEndsAt?: string;
  eraseAt?: string;
}

export function nextStep(schedule: ProgrammeSchedule, state: CohortProgress, running: number, now: number): NextStep {
  const closesAt = Date.parse(schedule.surveyDeadline);
  const endsAt = state.programmeEndsAt ? Date.parse(state.programmeEndsAt) : closesAt + schedule.programmeDurationMs;
  switch (state.stage) {
    case 'survey': {
      const reminderAt = surveyReminderTimes(schedule)[state.remindersSent];
      return {
        kind: 'survey',
        answered: state.answered,
        total: state.total,
        closesAt,
        ...(reminderAt && reminderAt > now ? { reminderAt } : {}),
      };
    }
    case 'matching':
      return { kind: 'matching' };
    case 'review':
      return { kind: 'review', pairs: state.proposal?.pairs ?? 0, mentees: state.proposal?.mentees ?? 0 };
    case 'running':
      return now < endsAt
        ? { kind: 'running', running, rematchUntil: endsAt - rematchCutoffMs(schedule), endsAt }
        : { kind: 'closing', running, endedAt: endsAt };
    case 'closed':
      return { kind: 'closed', ...(state.eraseAt ? { eraseAt: Date.parse(state.eraseAt) } : {}) };
  }
}
