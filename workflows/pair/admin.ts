import { ApplicationFailure, patched, setHandler } from '@temporalio/workflow';
import { activities } from './activities.js';
import {
  PAIR_ACTION_REFUSED,
  extendDeadlineUpdate,
  keepBothUpdate,
  nudgeUpdate,
  pauseUpdate,
  resumeUpdate,
  type PairState,
} from './contract.js';
import { PATCHES } from './patches.js';
import type { PairProgramme } from './programme.js';

/**
 * The admin's actions on a pair, as Workflow Updates whose validators refuse what cannot be done now
 * (with a message the admin page shows): nudge, extend the current deadline, pause and resume, and the
 * choice to keep both in the programme should the charter go unsigned.
 */
export function handleAdminActions(pair: PairProgramme): void {
  const { state, parties, pairId } = pair;

  /** Who the pair waits for right now, and how to remind them. */
  const waitingOn = (): { ids: string[]; remind: (nudge: number) => Promise<void> } | undefined => {
    const open = state.checkIns.open;
    const survey = state.finalSurvey;
    if (state.ended && state.stage !== 'final-survey') return undefined; // the final survey runs after the end
    if (state.stage === 'charter' && pair.unsigned().length) {
      return {
        ids: pair.unsigned(),
        remind: (nudge) =>
          activities.remindCharter.executeWithOptions({ summary: 'admin nudge' }, [
            { pairId, participantIds: pair.unsigned(), deadline: state.charterDeadline!, nudge },
          ]),
      };
    }
    if (state.stage === 'active' && open && pair.answeredCheckIn(open).length < parties.length) {
      const silent = parties.filter((p) => !pair.answeredCheckIn(open).includes(p));
      return {
        ids: silent,
        remind: (nudge) =>
          activities.requestCheckIn.executeWithOptions({ summary: 'admin nudge' }, [
            { pairId, round: open.round, closesAt: open.closesAt, participantIds: silent, reminder: true, nudge },
          ]),
      };
    }
    if (state.stage === 'final-survey' && survey && survey.answered.length < parties.length) {
      const silent = parties.filter((p) => !survey.answered.includes(p));
      return {
        ids: silent,
        remind: (nudge) =>
          activities.requestFinalSurvey.executeWithOptions({ summary: 'admin nudge' }, [
            { pairId, closesAt: survey.closesAt, participantIds: silent, reminder: true, nudge },
          ]),
      };
    }
    return undefined;
  };

  /** Each reminder the admin causes is an email of its own (its number is in the idempotency key). */
  const remind = async (waiting: NonNullable<ReturnType<typeof waitingOn>>) => {
    state.nudges = (state.nudges ?? 0) + 1;
    await waiting.remind(state.nudges);
  };

  setHandler(
    nudgeUpdate,
    async () => {
      const waiting = waitingOn()!;
      await remind(waiting);
      return { nudged: waiting.ids };
    },
    {
      validator: () => {
        if (state.paused) throw refuseAction('The pair is paused: resume it first.');
        if (!waitingOn()) throw refuseAction('The pair is not waiting on anyone right now: nothing to nudge.');
      },
      description: 'The admin re-sends what the pair waits for to whoever has not answered',
    },
  );

  setHandler(
    extendDeadlineUpdate,
    async ({ byMs }) => {
      const deadline = moveDeadline(state, byMs)!;
      if (state.stage === 'charter') {
        await activities.saveCharterDeadline.executeWithOptions({ summary: 'record the new charter deadline' }, [{ pairId, deadline }]);
      } else if (patched(PATCHES.answersInPostgres)) {
        await activities.moveAnswerWindow.executeWithOptions({ summary: 'record the new deadline' }, [
          { pairId, ...openWindow(state)!, closesAt: deadline },
        ]);
      }
      const waiting = state.paused ? undefined : waitingOn();
      if (waiting) await remind(waiting);
      pair.describe();
      return { deadline, told: waiting?.ids ?? [] };
    },
    {
      validator: ({ byMs }) => {
        const deadline = currentDeadline(state);
        if (!Number.isInteger(byMs) || byMs <= 0) throw refuseAction('An extension must be a positive duration.');
        if (!deadline) throw refuseAction('The pair has no open deadline to extend right now.');
        if (Date.now() >= Date.parse(deadline)) throw refuseAction('This deadline has already passed.');
      },
      description: 'The admin moves the deadline the pair waits for (charter, check-in, final survey) later',
    },
  );

  setHandler(
    pauseUpdate,
    async ({ reason }) => {
      state.paused = { since: new Date().toISOString(), reason };
      state.pauses = (state.pauses ?? 0) + 1;
      pair.describe();
      await activities.pausePair.executeWithOptions({ summary: 'tell both the pair is paused' }, [{ pairId, pause: state.pauses, reason }]);
      return { since: state.paused.since };
    },
    {
      validator: ({ reason }) => {
        if (!reason.trim()) throw refuseAction('Say why the pair is paused: both parties are told.');
        if (state.paused) throw refuseAction('The pair is already paused.');
        if (state.stage !== 'active' || state.ended)
          throw refuseAction(
            'Only a running pair can be paused (to give more time for the charter or the final survey, extend its deadline).',
          );
      },
      description: 'The admin pauses the pair: its check-ins and deadlines wait',
    },
  );

  setHandler(
    resumeUpdate,
    async () => {
      const pausedMs = Date.now() - Date.parse(state.paused!.since);
      state.paused = undefined;
      state.pausedMs = (state.pausedMs ?? 0) + pausedMs;
      const closesAt = moveDeadline(state, pausedMs);
      pair.describe();
      const next = pair.nextDate();
      const window = openWindow(state);
      const told = { pairId, pause: state.pauses!, next, upcoming: pair.upcoming() };
      await activities.resumePair.executeWithOptions({ summary: 'tell both the pair resumes' }, [
        { ...told, ...(window && closesAt ? { window: { ...window, closesAt } } : {}) },
      ]);
      return { next };
    },
    {
      validator: () => {
        if (!state.paused) throw refuseAction('The pair is not paused.');
      },
      description: 'The admin resumes a paused pair: what was pending moves by the time paused',
    },
  );

  setHandler(
    keepBothUpdate,
    ({ keepBoth }) => {
      state.keepBoth = keepBoth;
      return { keepBoth };
    },
    {
      validator: ({ keepBoth }) => {
        if (typeof keepBoth !== 'boolean') throw refuseAction('Choose whether both are matched again.');
        if (state.stage !== 'charter' || state.ended || Date.now() >= Date.parse(state.charterDeadline!))
          throw refuseAction('The charter stage is over: nothing to decide.');
      },
      description: 'The admin decides who is matched again if the charter is not signed in time',
    },
  );
}

/** The deadline the pair waits for now: the charter's, the open check-in's or the final survey's. */
function currentDeadline(state: PairState): string | undefined {
  if (state.ended && state.stage !== 'final-survey') return undefined;
  if (state.stage === 'charter') return state.charterDeadline;
  if (state.stage === 'active') return state.checkIns.open?.closesAt;
  if (state.stage === 'final-survey') return state.finalSurvey?.closesAt;
  return undefined;
}

/** The answer window behind the current deadline, other than the charter's. */
function openWindow(state: PairState): { form: 'check-in'; round: number } | { form: 'final-survey' } | undefined {
  if (state.stage === 'active' && state.checkIns.open) return { form: 'check-in', round: state.checkIns.open.round };
  if (state.stage === 'final-survey' && state.finalSurvey) return { form: 'final-survey' };
  return undefined;
}

/** Moves the current deadline `ms` later; returns it. */
function moveDeadline(state: PairState, ms: number): string | undefined {
  const deadline = currentDeadline(state);
  if (!deadline) return undefined;
  const later = new Date(Date.parse(deadline) + ms).toISOString();
  if (state.stage === 'charter') state.charterDeadline = later;
  else if (state.stage === 'active') state.checkIns.open!.closesAt = later;
  else state.finalSurvey!.closesAt = later;
  return later;
}

function refuseAction(message: string) {
  return ApplicationFailure.create({ type: PAIR_ACTION_REFUSED, message, nonRetryable: true });
}
