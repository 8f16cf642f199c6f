import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import { bookingReminderAt, type FlashSchedule } from '../../domain/programme-format.js';
import { checkInTimes } from '../../domain/schedule.js';
import { activities } from './activities.js';
import type { PairWorkflow } from './contract.js';
import { runCheckIns } from './check-ins.js';
import type { PairProgramme } from './programme.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Flash mentoring's meetings: both are reminded to book them a third of the way through the window, and
 * when it closes each answers the feedback form (check-in round 0, with its reminder, the pair's health and
 * the admin's alert). Whether both want to go on as a long pair is read from their answers.
 */
export async function runMeetings(pair: PairProgramme, flash: FlashSchedule): Promise<void> {
  const { state, pairId } = pair;
  const meetings = (state.flash ??= { bookingReminded: false });
  const kickedOff = () => Date.parse(state.kickedOffAt!) + (state.pausedMs ?? 0);
  if (
    !meetings.bookingReminded &&
    !(await pair.until(() => bookingReminderAt(kickedOff(), flash.meetingWindowMs), pair.ended, 'meeting booking reminder'))
  ) {
    await activities.remindMeetingBooking.executeWithOptions({ summary: 'remind both to book their meeting' }, [
      { pairId, by: iso(pair.schedule()[0]!) },
    ]);
    meetings.bookingReminded = true;
  }
  await runCheckIns(pair, (answers) => {
    meetings.goOn = pair.parties.every((p) => answers[p]?.longPair === 'yes');
  });
}

/** The feedback has closed: the flash programme is over for this pair, unless it goes on. */
export const meetingsOver = (pair: PairProgramme): boolean => pair.input.flash !== undefined && pair.state.checkIns.done > 0;

/** Whether the pair goes on as a long pair: both said so, the cohort has check-ins to offer, and nothing ended it. */
export const goesOn = (pair: PairProgramme): boolean =>
  meetingsOver(pair) && pair.state.flash?.goOn === true && (pair.input.schedule?.checkInCount ?? 0) > 0 && !pair.ended();

/**
 * Both want to go on: the pair continues as a long pair, in a new run, with the cohort's check-ins counted
 * from now and its final survey at the end. Its feedback stays round 0, so the rounds that follow are 1, 2...
 */
export async function goOnAsLongPair(pair: PairProgramme): Promise<never> {
  const { state, input, pairId } = pair;
  const schedule = input.schedule!;
  const now = Date.now();
  const endsAt = now + schedule.checkInCount * schedule.checkInIntervalMs;
  await activities.kickOffPair.executeWithOptions({ summary: 'email: the pair goes on as a long pair' }, [
    { pairId, checkIns: checkInTimes(now, schedule, endsAt).map(iso), endsAt: iso(endsAt), continued: true },
  ]);
  await condition(allHandlersFinished);
  // An end heard meanwhile (a rematch, the admin) goes along: the new run closes the pair at once.
  return continueAsNew<PairWorkflow>({
    ...input,
    flash: undefined,
    programmeEndsAt: iso(endsAt),
    state: {
      ...state,
      stage: 'active',
      kickedOffAt: iso(now),
      pausedMs: 0,
      checkIns: { done: 1, silentLastRound: [] },
      flash: { bookingReminded: true, feedbackAt: iso(pair.schedule()[0]!) },
    },
  });
}
