import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setCurrentDetails, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { assessHealth, type Health } from '../domain/check-in.js';
import { DEFAULT_CHARTER_MS, DEFAULT_FINAL_SURVEY_MS, charterMilestones, checkInTimes, formatInstant } from '../domain/schedule.js';
import type { PairStage } from '../domain/types.js';
import {
  CHARTER_REFUSED, CHECK_IN_REFUSED, FINAL_SURVEY_REFUSED, NOTHING_TO_NUDGE, endPairSignal, nudgeUpdate, pairStateQuery, signCharterUpdate, submitCheckInUpdate,
  submitFinalSurveyUpdate, type PairState,
} from './messages.js';
import { HEALTH_KEY, STAGE_KEY } from './search-attributes.js';

export interface PairWorkflowInput {
  version: 1;
  pairId: string;
  cohortId: string;
  cohortSlug: string;
  menteeId: string;
  mentorId: string;
  programmeEndsAt: string;
  /** The cohort's schedule as it concerns the pair (absent in pairs started before the charter existed). */
  schedule?: { charterDurationMs: number; checkInCount: number; checkInIntervalMs: number; finalSurveyMs?: number };
  state?: PairState;
}

// Each of these sends an email or two or writes a row: if a worker dies mid-way, retry elsewhere soon.
const activities = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A mentoring pair: introduced, then both sign the charter of commitment (reminded, then the admin alerted);
 * signed by both, the pair starts with a kick-off email; not signed in time, it is dissolved and whoever
 * signed goes back to the cohort for a new partner. The pair then runs until the programme ends or it is
 * ended early.
 */
export async function pairWorkflow(input: PairWorkflowInput): Promise<PairState> {
  const state: PairState = { stage: 'introduction', signed: {}, charterReminded: false, adminAlerted: false, checkIns: { done: 0, silentLastRound: [] }, ...input.state };
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

  setHandler(submitCheckInUpdate, async ({ round, participantId, answers }) => {
    const open = state.checkIns.open!;
    await activities.recordCheckIn.executeWithOptions({ summary: 'record check-in answers' }, [{ pairId, round, participantId, answers }]);
    open.answers[participantId] = answers;
    describe();
    return state;
  }, {
    validator: ({ round, participantId }) => {
      const refuse = (message: string) => ApplicationFailure.create({ type: CHECK_IN_REFUSED, message, nonRetryable: true });
      const open = state.checkIns.open;
      if (!parties.includes(participantId)) throw refuse('This check-in belongs to another pair.');
      if (!open || open.round !== round || state.ended || Date.now() >= Date.parse(open.closesAt)) throw refuse('This check-in is closed.');
      if (open.answers[participantId]) throw refuse('You have already answered this check-in.');
    },
    description: 'Mentor or mentee answers a check-in',
  });

  setHandler(submitFinalSurveyUpdate, async ({ participantId, answers }) => {
    const survey = state.finalSurvey!;
    await activities.recordFinalSurvey.executeWithOptions({ summary: 'record final survey answers' }, [{ pairId, participantId, answers }]);
    survey.answered.push(participantId);
    return state;
  }, {
    validator: ({ participantId, answers }) => {
      const refuse = (message: string) => ApplicationFailure.create({ type: FINAL_SURVEY_REFUSED, message, nonRetryable: true });
      const survey = state.finalSurvey;
      if (!parties.includes(participantId)) throw refuse('This survey belongs to another pair.');
      if (answers.role !== (participantId === input.menteeId ? 'mentee' : 'mentor')) throw refuse('These answers are for the other role.');
      if (!survey || state.stage !== 'final-survey' || Date.now() >= Date.parse(survey.closesAt)) throw refuse('This survey is closed.');
      if (survey.answered.includes(participantId)) throw refuse('You have already answered this survey.');
    },
    description: 'Mentor or mentee answers the final satisfaction survey',
  });

  /** Who the pair waits for right now, and how to remind them. */
  const waitingOn = (): { ids: string[]; remind: (nudge: number) => Promise<void> } | undefined => {
    if (state.ended) return undefined;
    const open = state.checkIns.open;
    const survey = state.finalSurvey;
    if (state.stage === 'charter' && unsigned().length) {
      return { ids: unsigned(), remind: (nudge) => activities.remindCharter.executeWithOptions({ summary: 'admin nudge' }, [{ pairId, participantIds: unsigned(), deadline: state.charterDeadline!, nudge }]) };
    }
    if (state.stage === 'active' && open && parties.some((p) => !open.answers[p])) {
      const silent = parties.filter((p) => !open.answers[p]);
      return { ids: silent, remind: (nudge) => activities.requestCheckIn.executeWithOptions({ summary: 'admin nudge' }, [{ pairId, round: open.round, closesAt: open.closesAt, participantIds: silent, reminder: true, nudge }]) };
    }
    if (state.stage === 'final-survey' && survey && survey.answered.length < parties.length) {
      const silent = parties.filter((p) => !survey.answered.includes(p));
      return { ids: silent, remind: (nudge) => activities.requestFinalSurvey.executeWithOptions({ summary: 'admin nudge' }, [{ pairId, closesAt: survey.closesAt, participantIds: silent, reminder: true, nudge }]) };
    }
    return undefined;
  };

  setHandler(nudgeUpdate, async () => {
    const waiting = waitingOn()!;
    state.nudges = (state.nudges ?? 0) + 1;
    await waiting.remind(state.nudges);
    return { nudged: waiting.ids };
  }, {
    validator: () => {
      if (!waitingOn()) throw ApplicationFailure.create({ type: NOTHING_TO_NUDGE, message: 'The pair is not waiting on anyone right now.', nonRetryable: true });
    },
    description: 'The admin re-sends what the pair waits for to whoever has not answered',
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
    state.kickedOffAt = new Date().toISOString();
    await activities.kickOffPair.executeWithOptions({ summary: 'email the kick-off' }, [{ pairId, checkIns: checkInDates() }]);
    setStage('active');
  }
  // Pairs that started before check-ins existed simply run to the end; their histories must replay.
  if (state.stage === 'active' && patched('check-ins')) await runCheckIns();
  return runUntilEnd(state.stage);

  /**
   * Each scheduled check-in: the form to both, a reminder to whoever is silent halfway through, then the
   * pair's health from the answers (alerting the admin unless on track). Continues as new between rounds
   * when the history grows long, so a pair can run for years of weekly check-ins.
   */
  async function runCheckIns() {
    const times = schedule();
    while (state.checkIns.done < times.length && !state.ended) {
      const round = state.checkIns.done;
      const opensAt = times[round]!;
      const closesAt = times[round + 1] ?? programmeEnd;
      if (!state.checkIns.open) {
        setCurrentDetails(`Active; check-in ${round + 1} of ${times.length} opens ${formatInstant(opensAt)}.`);
        if (await condition(() => state.ended !== undefined, Math.max(opensAt - Date.now(), 0), { summary: `check-in ${round + 1}` })) break;
        state.checkIns.open = { round, closesAt: new Date(closesAt).toISOString(), answers: {}, reminded: false };
        await activities.requestCheckIn.executeWithOptions({ summary: `email check-in ${round + 1}` }, [{ pairId, round, closesAt: state.checkIns.open.closesAt, participantIds: parties, reminder: false }]);
      }
      const open = state.checkIns.open;
      const silent = () => parties.filter((p) => !open.answers[p]);
      const answeredOrEnded = () => silent().length === 0 || state.ended !== undefined;
      describe();
      if (!open.reminded && !(await condition(answeredOrEnded, Math.max(opensAt + (closesAt - opensAt) / 2 - Date.now(), 0), { summary: 'check-in reminder' }))) {
        await activities.requestCheckIn.executeWithOptions({ summary: 'remind the silent' }, [{ pairId, round, closesAt: open.closesAt, participantIds: silent(), reminder: true }]);
        open.reminded = true;
      }
      await condition(answeredOrEnded, Math.max(closesAt - Date.now(), 0), { summary: 'check-in closes' });
      await condition(allHandlersFinished); // an answer being recorded counts
      if (state.ended) break;
      const assessment = assessHealth(
        { mentee: open.answers[input.menteeId], mentor: open.answers[input.mentorId] },
        { mentee: state.checkIns.silentLastRound.includes(input.menteeId), mentor: state.checkIns.silentLastRound.includes(input.mentorId) },
      );
      setHealth(assessment.health, assessment.reasons);
      await activities.recordHealth.executeWithOptions({ summary: `health: ${assessment.health}` }, [{ pairId, round, ...assessment }]);
      state.checkIns = { done: round + 1, silentLastRound: silent() };
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof pairWorkflow>({ ...input, state });
      }
    }
  }

  function schedule(): number[] {
    return input.schedule && state.kickedOffAt ? checkInTimes(Date.parse(state.kickedOffAt), input.schedule, programmeEnd) : [];
  }

  function setHealth(health: Health, reasons: string[]) {
    state.health = health;
    state.healthReasons = reasons;
    upsertSearchAttributes([{ key: HEALTH_KEY, value: health }]);
  }

  /** Waits for both signatures (or an early end) until `instant`; true if settled before it. */
  function waitUntil(instant: number, summary: string): Promise<boolean> {
    return condition(settled, Math.max(instant - Date.now(), 0), { summary });
  }

  async function runUntilEnd(stage: PairStage): Promise<PairState> {
    if (stage !== 'ended' && stage !== 'final-survey') {
      setStage(stage);
      setCurrentDetails(`Running; the programme ends ${formatInstant(programmeEnd)}.`);
      await condition(() => state.ended !== undefined, Math.max(programmeEnd - Date.now(), 0), { summary: 'programme end' });
    }
    state.ended ??= { reason: 'programme ended' };
    // Pairs that ended before the final survey existed just closed; their histories must replay.
    if (!patched('final-survey')) {
      await activities.closePair.executeWithOptions({ summary: 'record the end of the pair' }, [{ pairId, reason: state.ended.reason }]);
      setStage('ended');
      setCurrentDetails(`Ended: ${state.ended.reason}.`);
      return state;
    }
    // The programme's end, or an early end because the objectives are met, closes with the satisfaction survey.
    const completed = (stage === 'active' || stage === 'final-survey') && ['programme ended', 'objectives achieved'].includes(state.ended.reason);
    if (completed) await runFinalSurvey();
    const final: PairStage = completed ? 'completed' : 'ended';
    const summary = { reason: state.ended.reason, checkIns: state.checkIns.done, health: state.health ?? null, finalSurveyAnswers: state.finalSurvey?.answered.length ?? 0 };
    await activities.completePair.executeWithOptions({ summary: 'store the summary, tell the cohort' }, [{ pairId, reason: state.ended.reason, summary, stage: final }]);
    setStage(final);
    setCurrentDetails(`${completed ? 'Completed' : 'Ended'}: ${state.ended.reason}.`);
    return state;
  }

  /** Both parties get the closing survey; the silent are reminded halfway; it closes on time regardless. */
  async function runFinalSurvey() {
    if (!state.finalSurvey) {
      const closesAt = Date.now() + (input.schedule?.finalSurveyMs ?? DEFAULT_FINAL_SURVEY_MS);
      state.finalSurvey = { closesAt: new Date(closesAt).toISOString(), answered: [], reminded: false };
      setStage('final-survey');
      await activities.requestFinalSurvey.executeWithOptions({ summary: 'email the final survey' }, [{ pairId, closesAt: state.finalSurvey.closesAt, participantIds: parties, reminder: false }]);
    }
    const survey = state.finalSurvey;
    const closesAt = Date.parse(survey.closesAt);
    const everyone = () => survey.answered.length === parties.length;
    setCurrentDetails(`Final survey: waiting for ${parties.length - survey.answered.length} of 2 answers, closes ${formatInstant(closesAt)}.`);
    const remindAt = closesAt - (input.schedule?.finalSurveyMs ?? DEFAULT_FINAL_SURVEY_MS) / 2;
    if (!survey.reminded && !(await condition(everyone, Math.max(remindAt - Date.now(), 0), { summary: 'final survey reminder' }))) {
      await activities.requestFinalSurvey.executeWithOptions({ summary: 'remind the silent' }, [{ pairId, closesAt: survey.closesAt, participantIds: parties.filter((p) => !survey.answered.includes(p)), reminder: true }]);
      survey.reminded = true;
    }
    await condition(everyone, Math.max(closesAt - Date.now(), 0), { summary: 'final survey closes' });
    await condition(allHandlersFinished);
  }

  /** The check-in dates announced at kick-off. */
  function checkInDates(): string[] {
    return schedule().map((t) => new Date(t).toISOString());
  }

  function describe() {
    if (state.stage === 'charter') {
      setCurrentDetails(`Charter: waiting for ${unsigned().length} of 2 signatures, deadline ${formatInstant(state.charterDeadline!)}.`);
    }
    const open = state.checkIns.open;
    if (state.stage === 'active' && open) {
      const waiting = parties.filter((p) => !open.answers[p]).length;
      setCurrentDetails(`Check-in ${open.round + 1}: waiting for ${waiting} of 2 answers, closes ${formatInstant(open.closesAt)}. Health: ${state.health ?? 'not assessed yet'}.`);
    }
  }

  function setStage(stage: PairStage) {
    state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
  }
}
