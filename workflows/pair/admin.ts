import { ApplicationFailure, deprecatePatch, setHandler } from '@temporalio/workflow';
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
import type { RefusalCode } from '../../i18n/admin/refusals.en.js';
import type { PairProgramme } from './programme.js';

/**
 * The admin's actions on a pair, as Workflow Updates whose validators refuse what cannot be done now
 * (with a message the admin page shows): nudge, extend the current deadline, pause and resume, and the
 * choice to keep both in the programme should the charter go unsigned.
 *
 * Those that wait on an activity run one at a time, each checked again when its turn comes: during a mail
 * outage a pause's activity retries for minutes, and a resume meanwhile must not run (and write) before it.
 */
export function handleAdminActions(pair: PairProgramme): void {
  const { state, parties, pairId } = pair;

  let previous: Promise<unknown> = Promise.resolve();
  /** Runs `act` once the admin's earlier actions are done, if `check` still allows it then. */
  const inTurn = <T>(check: () => void, act: () => Promise<T>): Promise<T> => {
    const turn = previous.then(() => (check(), act()));
    previous = turn.catch(() => undefined);
    return turn;
  };

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

  const canNudge = () => {
    if (state.paused) throw refuseAction('pair-paused');
    if (!waitingOn()) throw refuseAction('nothing-to-nudge');
  };
  setHandler(
    nudgeUpdate,
    () =>
      inTurn(canNudge, async () => {
        const waiting = waitingOn()!;
        await remind(waiting);
        return { nudged: waiting.ids };
      }),
    {
      validator: canNudge,
      description: 'The admin re-sends what the pair waits for to whoever has not answered',
    },
  );

  const canExtend = ({ byMs }: { byMs: number }) => {
    const deadline = currentDeadline(state);
    if (!Number.isInteger(byMs) || byMs <= 0) throw refuseAction('extension-not-positive');
    if (!deadline) throw refuseAction('no-deadline');
    if (Date.now() >= Date.parse(deadline)) throw refuseAction('deadline-passed');
  };
  setHandler(
    extendDeadlineUpdate,
    (extension) =>
      inTurn(
        () => canExtend(extension),
        async () => {
          const deadline = moveDeadline(state, extension.byMs)!;
          if (state.stage === 'charter') {
            await activities.saveCharterDeadline.executeWithOptions({ summary: 'record the new charter deadline' }, [{ pairId, deadline }]);
          } else {
            deprecatePatch(PATCHES.answersInPostgres.id);
            await activities.moveAnswerWindow.executeWithOptions({ summary: 'record the new deadline' }, [
              { pairId, ...openWindow(state)!, closesAt: deadline },
            ]);
          }
          const waiting = state.paused ? undefined : waitingOn();
          if (waiting) await remind(waiting);
          pair.describe();
          return { deadline, told: waiting?.ids ?? [] };
        },
      ),
    {
      validator: canExtend,
      description: 'The admin moves the deadline the pair waits for (charter, check-in, final survey) later',
    },
  );

  const canPause = ({ reason }: { reason: string }) => {
    if (!reason.trim()) throw refuseAction('pause-needs-reason');
    if (state.paused) throw refuseAction('already-paused');
    if (state.stage !== 'active' || state.ended) throw refuseAction('pause-only-running');
  };
  setHandler(
    pauseUpdate,
    (pause) =>
      inTurn(
        () => canPause(pause),
        async () => {
          const since = new Date().toISOString();
          state.paused = { since, reason: pause.reason };
          state.pauses = (state.pauses ?? 0) + 1;
          pair.describe();
          await activities.pausePair.executeWithOptions({ summary: 'tell both the pair is paused' }, [
            { pairId, pause: state.pauses, reason: pause.reason, since },
          ]);
          return { since };
        },
      ),
    {
      validator: canPause,
      description: 'The admin pauses the pair: its check-ins and deadlines wait',
    },
  );

  const canResume = () => {
    if (!state.paused) throw refuseAction('not-paused');
  };
  setHandler(
    resumeUpdate,
    () =>
      inTurn(canResume, async () => {
        const pausedMs = Date.now() - Date.parse(state.paused!.since);
        state.paused = undefined;
        state.pausedMs = (state.pausedMs ?? 0) + pausedMs;
        const closesAt = moveDeadline(state, pausedMs);
        pair.describe();
        const upcoming = pair.upcoming();
        const window = openWindow(state);
        await activities.resumePair.executeWithOptions({ summary: 'tell both the pair resumes' }, [
          { pairId, pause: state.pauses!, upcoming, ...(window && closesAt ? { window: { ...window, closesAt } } : {}) },
        ]);
        return { upcoming };
      }),
    {
      validator: canResume,
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
        if (typeof keepBoth !== 'boolean') throw refuseAction('keep-both-choice');
        if (state.stage !== 'charter' || state.ended || Date.now() >= Date.parse(state.charterDeadline!))
          throw refuseAction('charter-over');
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

/** A refusal by its code: the admin's page words it in the admin's language. */
function refuseAction(code: RefusalCode) {
  return ApplicationFailure.create({ type: PAIR_ACTION_REFUSED, message: code, nonRetryable: true });
}
