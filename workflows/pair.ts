import { ApplicationFailure, condition, patched, proxyActivities, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { DEFAULT_CHARTER_MS, charterMilestones, formatInstant } from '../domain/schedule.js';
import type { PairStage } from '../domain/types.js';
import { CHARTER_REFUSED, endPairSignal, pairStateQuery, signCharterUpdate, type PairState } from './messages.js';
import { STAGE_KEY } from './search-attributes.js';

export interface PairWorkflowInput {
  version: 1;
  pairId: string;
  cohortId: string;
  cohortSlug: string;
  menteeId: string;
  mentorId: string;
  programmeEndsAt: string;
  /** The cohort's schedule as it concerns the pair (absent in pairs started before the charter existed). */
  schedule?: { charterDurationMs: number; checkInCount: number; checkInIntervalMs: number };
  state?: PairState;
}

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A mentoring pair: introduced, then both sign the charter of commitment (reminded, then the admin alerted);
 * signed by both, the pair starts with a kick-off email; not signed in time, it is dissolved and whoever
 * signed goes back to the cohort for a new partner. The pair then runs until the programme ends or it is
 * ended early.
 */
export async function pairWorkflow(input: PairWorkflowInput): Promise<PairState> {
  const state: PairState = { stage: 'introduction', signed: {}, charterReminded: false, adminAlerted: false, ...input.state };
  const { pairId } = input;
  const programmeEnd = Date.parse(input.programmeEndsAt);
  const parties = [input.menteeId, input.mentorId];
  const unsigned = () => parties.filter((p) => !state.signed[p]);
  const settled = () => unsigned().length === 0 || state.ended !== undefined;

  setHandler(pairStateQuery, () => state);
  setHandler(endPairSignal, ({ reason }) => {
    state.ended ??= { reason };
  });
  setHandler(signCharterUpdate, async ({ participantId, typedName }) => {
    const { signedAt } = await activities.recordSignature.executeWithOptions({ summary: 'record a signature' }, [{ pairId, participantId, typedName }]);
    state.signed[participantId] = signedAt;
    describe();
    return state;
  }, {
    validator: ({ participantId }) => {
      const refuse = (message: string) => ApplicationFailure.create({ type: CHARTER_REFUSED, message, nonRetryable: true });
      if (!parties.includes(participantId)) throw refuse('This charter belongs to another pair.');
      if (state.signed[participantId]) throw refuse('You have already signed this charter.');
      if (state.stage !== 'charter' || state.ended || Date.now() >= Date.parse(state.charterDeadline!)) throw refuse('This charter is closed.');
    },
    description: 'Mentor or mentee signs the charter',
  });

  if (state.stage === 'introduction') {
    setCurrentDetails('Introducing mentor and mentee by email.');
    await activities.sendMatchIntroduction.executeWithOptions({ summary: 'email the match introduction' }, [{ pairId }]);
    // Pairs introduced before the charter existed went straight to "matched"; their histories must replay.
    if (!patched('charter')) return runUntilEnd('matched');
    state.charterDeadline = new Date(Date.now() + (input.schedule?.charterDurationMs ?? DEFAULT_CHARTER_MS)).toISOString();
    await activities.openCharter.executeWithOptions({ summary: 'email the charter to sign' }, [{ pairId, deadline: state.charterDeadline }]);
    setStage('charter');
  }

  if (state.stage === 'charter') {
    const deadline = Date.parse(state.charterDeadline!);
    const { reminder, adminAlert } = charterMilestones(deadline - (input.schedule?.charterDurationMs ?? DEFAULT_CHARTER_MS), deadline);
    describe();
    if (!state.charterReminded && !(await waitUntil(reminder, 'charter reminder'))) {
      await activities.remindCharter.executeWithOptions({ summary: 'remind whoever has not signed' }, [{ pairId, participantIds: unsigned(), deadline: state.charterDeadline! }]);
      state.charterReminded = true;
    }
    if (!state.adminAlerted && !(await waitUntil(adminAlert, 'alert the admin if still unsigned'))) {
      await activities.alertCharterUnsigned.executeWithOptions({ summary: 'alert the admin' }, [{ pairId, participantIds: unsigned(), deadline: state.charterDeadline! }]);
      state.adminAlerted = true;
    }
    await waitUntil(deadline, 'charter deadline');
    if (state.ended) return runUntilEnd('ended');
    if (unsigned().length > 0) {
      await activities.dissolvePair.executeWithOptions({ summary: 'dissolve: charter not signed' }, [{ pairId, signedIds: parties.filter((p) => state.signed[p]) }]);
      state.ended = { reason: 'charter not signed in time' };
      setStage('dissolved');
      setCurrentDetails(`Dissolved: the charter was not signed by ${unsigned().length === 2 ? 'either party' : 'one party'} by ${formatInstant(deadline)}.`);
      return state;
    }
    await activities.kickOffPair.executeWithOptions({ summary: 'email the kick-off' }, [{ pairId, checkIns: checkInDates() }]);
    setStage('active');
  }
  return runUntilEnd(state.stage);

  /** Waits for both signatures (or an early end) until `instant`; true if settled before it. */
  function waitUntil(instant: number, summary: string): Promise<boolean> {
    return condition(settled, Math.max(instant - Date.now(), 0), { summary });
  }

  async function runUntilEnd(stage: PairStage): Promise<PairState> {
    if (stage !== 'ended') {
      setStage(stage);
      setCurrentDetails(`Running; the programme ends ${formatInstant(programmeEnd)}.`);
      await condition(() => state.ended !== undefined, Math.max(programmeEnd - Date.now(), 0), { summary: 'programme end' });
    }
    state.ended ??= { reason: 'programme ended' };
    await activities.closePair.executeWithOptions({ summary: 'record the end of the pair' }, [{ pairId, reason: state.ended.reason }]);
    setStage('ended');
    setCurrentDetails(`Ended: ${state.ended.reason}.`);
    return state;
  }

  /** The check-in dates announced at kick-off: every interval from now, within the programme. */
  function checkInDates(): string[] {
    const { checkInCount = 0, checkInIntervalMs = 0 } = input.schedule ?? {};
    return Array.from({ length: checkInCount }, (_, k) => Date.now() + (k + 1) * checkInIntervalMs)
      .filter((t) => t < programmeEnd)
      .map((t) => new Date(t).toISOString());
  }

  function describe() {
    if (state.stage === 'charter') {
      const waiting = unsigned().length;
      setCurrentDetails(`Charter: waiting for ${waiting} of 2 signatures, deadline ${formatInstant(state.charterDeadline!)}.`);
    }
  }

  function setStage(stage: PairStage) {
    state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
  }
}
