import type { FlashSchedule } from './programme-format.js';

/**
 * A cohort's programme schedule. Durations are milliseconds so that a demo or a test can run a whole
 * programme in seconds and a real cohort over months; absolute instants are ISO strings fixed at creation.
 */
export interface ProgrammeSchedule {
  surveyOpensAt: string;
  surveyDeadline: string;
  checkInCount: number;
  checkInIntervalMs: number;
  programmeDurationMs: number;
  /** How long a new pair has to sign the charter; cohorts created before the charter existed take a week. */
  charterDurationMs?: number;
  /** How long personal data is kept once the cohort has closed, then erased; cohorts created before keep it until an admin erases it. */
  retentionMs?: number;
  /** A flash mentoring cohort's meetings; absent for a long programme. */
  flash?: FlashSchedule;
  /** How close to the programme's end no new pair is proposed any more; absent: `rematchCutoffMs`'s default. */
  rematchCutoffMs?: number;
}

export const DEFAULT_CHARTER_MS = 7 * 86_400_000;
/** Pairs started before the final survey had a window of their own get a week. */
export const DEFAULT_FINAL_SURVEY_MS = 7 * 86_400_000;

/**
 * How close to the programme's end a new pair is no longer worth starting: it needs time to sign its charter
 * and to meet once (a check-in interval, or a flash pair's meeting window) before the programme closes; never
 * more than its last quarter, so that a short programme still rematches in its first weeks.
 */
export const rematchCutoffMs = (schedule: ProgrammeSchedule) =>
  schedule.rematchCutoffMs ??
  Math.min(
    (schedule.charterDurationMs ?? DEFAULT_CHARTER_MS) + (schedule.flash ? schedule.flash.meetingWindowMs : schedule.checkInIntervalMs),
    schedule.programmeDurationMs / 4,
  );

/** When to remind whoever has not signed the charter (halfway), and when to alert the admin (three quarters). */
export function charterMilestones(startedAt: number, deadline: number): { reminder: number; adminAlert: number } {
  const window = Math.max(deadline - startedAt, 0);
  return { reminder: startedAt + Math.round(window / 2), adminAlert: startedAt + Math.round((3 * window) / 4) };
}

const TWO_DAYS_MS = 2 * 86_400_000;

/**
 * When to remind those who have not answered the intake survey: halfway through the window, and a last
 * call shortly before the deadline (two days, or the last sixth of a shorter window).
 */
export function surveyReminderTimes(schedule: Pick<ProgrammeSchedule, 'surveyOpensAt' | 'surveyDeadline'>): number[] {
  const opens = Date.parse(schedule.surveyOpensAt);
  const deadline = Date.parse(schedule.surveyDeadline);
  const window = deadline - opens;
  if (window <= 0) return [];
  const halfway = opens + window / 2;
  const lastCall = deadline - Math.min(TWO_DAYS_MS, window / 6);
  return [Math.round(halfway), Math.round(lastCall)];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Dec 14:05 UTC": short, unambiguous, and free of locale data, so workflows may use it too. */
export function formatInstant(instant: string | number): string {
  const date = new Date(instant);
  const time = date.toISOString().slice(11, 16);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${time} UTC`;
}

/**
 * The pair's check-ins: the first comes early (half an interval after the kick-off: contact made? a good
 * start?), then one every interval, all within the programme.
 */
export function checkInTimes(
  kickOff: number,
  schedule: { checkInCount: number; checkInIntervalMs: number },
  programmeEnd: number,
): number[] {
  return Array.from(
    { length: schedule.checkInCount },
    (_, k) => kickOff + Math.round(schedule.checkInIntervalMs / 2) + k * schedule.checkInIntervalMs,
  ).filter((t) => t < programmeEnd);
}
