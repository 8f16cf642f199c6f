/**
 * The formats a cohort can run. A long programme is pairs over months with periodic check-ins; flash
 * mentoring is one or two meetings within a window counted from the kick-off, a reminder to book them, and one
 * feedback form from each party when the window closes (the pair's check-in round 0), after which both may go
 * on as a long pair with the cohort's check-ins. Plain data: workflows read it too.
 */
export const PROGRAMME_FORMATS = ['long', 'flash'] as const;
export type ProgrammeFormat = (typeof PROGRAMME_FORMATS)[number];

export interface FlashSchedule {
  /** How many meetings the pair is asked to hold. */
  meetings: 1 | 2;
  /** From the kick-off to the feedback form. */
  meetingWindowMs: number;
}

export const DEFAULT_MEETING_WINDOW_MS = 14 * 86_400_000;

/** The reminder to book the meeting comes a third of the way through the window. */
export const bookingReminderAt = (kickedOffAt: number, meetingWindowMs: number): number => kickedOffAt + Math.round(meetingWindowMs / 3);

/** In a flash cohort, check-in round 0 is the feedback after the meetings; later rounds belong to pairs that went on. */
export const isMeetingFeedback = (flash: FlashSchedule | undefined, round: number): boolean => flash !== undefined && round === 0;

/** A check-in round as people count them: from 1, and in a flash cohort from the first after the feedback. */
export const checkInNumber = (flash: FlashSchedule | undefined, round: number): number => (flash ? round : round + 1);
