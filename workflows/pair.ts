import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, setCurrentDetails, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { assessHealth, type Health } from '../domain/check-in.js';
import { DEFAULT_CHARTER_MS, DEFAULT_FINAL_SURVEY_MS, charterMilestones, checkInTimes, formatInstant } from '../domain/schedule.js';
import type { PairStage } from '../domain/types.js';
import {
  CHARTER_REFUSED, CHECK_IN_REFUSED, FINAL_SURVEY_REFUSED, endPairSignal, pairStateQuery, signCharterUpdate, submitCheckInUpdate, submitFinalSurveyUpdate, type PairState,
} from './messages.js';
import { activities } from './pair-activities.js';
import { handleAdminActions } from './pair-admin.js';
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

/**
 * A mentoring pair: introduced, then both sign the charter of commitment (reminded, then the admin alerted);
 * signed by both, the pair starts with a kick-off email; not signed in time, it is dissolved and whoever
 * signed goes back to the cohort for a new partner. The pair then has its check-ins until the programme ends
 * or it is ended early, and closes with the satisfaction survey. The admin may act on it at any time
 * (`pair-admin.ts`).
 */
export async function pairWorkflow(input: PairWorkflowInput): Promise<PairState> {
  const state: PairState = { stage: 'introduction', signed: {}, charterReminded: false, adminAlerted: false, checkIns: { done: 0, silentLastRound: [] }, ...input.state };
  const { pairId } = input;
  const programmeEnd = Date.parse(input.programmeEndsAt);
  const parties = [input.menteeId, input.mentorId];
  const unsigned = () => parties.filter((p) => !state.signed[p]);
  const settled = () => unsigned().length === 0 || state.ended !== undefined;
  const ended = () => state.ended !== undefined;
  /** The pair's own end: the programme's, later by the time it spent paused. */
  const end = () => programmeEnd + (state.pausedMs ?? 0);

  setHandler(pairStateQuery, () => state);
  setHandler(endPairSignal, ({ reason }) => {
    state.ended ??= { reason };
    state.paused = undefined; // an ended pair runs its closing steps at once
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
      // Open from the moment the charter is emailed: a quick signer may arrive before the stage is recorded.
      const opened = state.stage === 'charter' || (state.stage === 'introduction' && state.charterDeadline !== undefined);
      if (!opened || state.ended || Date.now() >= Date.parse(state.charterDeadline!)) throw refuse('This charter is closed.');
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
      if (state.paused) throw refuse('Your pair is paused by the programme team: this check-in reopens when it resumes.');
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

  handleAdminActions({ input, state, describe, nextDate });

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
    const charterMs = input.schedule?.charterDurationMs ?? DEFAULT_CHARTER_MS;
    // Counted back from the deadline, so an extension moves the reminder and the alert with it.
    const deadline = () => Date.parse(state.charterDeadline!);
    const milestones = () => charterMilestones(deadline() - charterMs, deadline());
    describe();
    if (!state.charterReminded && !(await until(() => milestones().reminder, settled, 'charter reminder'))) {
      await activities.remindCharter.executeWithOptions({ summary: 'remind whoever has not signed' }, [{ pairId, participantIds: unsigned(), deadline: state.charterDeadline! }]);
      state.charterReminded = true;
    }
    if (!state.adminAlerted && !(await until(() => milestones().adminAlert, settled, 'alert the admin if still unsigned'))) {
      await activities.alertCharterUnsigned.executeWithOptions({ summary: 'alert the admin' }, [{ pairId, participantIds: unsigned(), deadline: state.charterDeadline! }]);
      state.adminAlerted = true;
    }
    await until(deadline, settled, 'charter deadline');
    if (state.ended) return runUntilEnd('ended');
    if (unsigned().length > 0) {
      const signedIds = parties.filter((p) => state.signed[p]);
      await activities.dissolvePair.executeWithOptions({ summary: 'dissolve: charter not signed' }, [{ pairId, signedIds, ...(state.keepBoth ? { rematchIds: parties } : {}) }]);
      state.ended = { reason: 'charter not signed in time' };
      setStage('dissolved');
      setCurrentDetails(`Dissolved: the charter was not signed by ${unsigned().length === 2 ? 'either party' : 'one party'} by ${formatInstant(deadline())}.`);
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
    while (state.checkIns.done < schedule().length && !state.ended) {
      const round = state.checkIns.done;
      // Read afresh at each step: a pause moves them.
      const opensAt = () => schedule()[round]!;
      if (!state.checkIns.open) {
        describe();
        if (await until(opensAt, ended, `check-in ${round + 1}`)) break;
        state.checkIns.open = { round, closesAt: new Date(schedule()[round + 1] ?? end()).toISOString(), answers: {}, reminded: false };
        await activities.requestCheckIn.executeWithOptions({ summary: `email check-in ${round + 1}` }, [{ pairId, round, closesAt: state.checkIns.open.closesAt, participantIds: parties, reminder: false }]);
      }
      const open = state.checkIns.open;
      const silent = () => parties.filter((p) => !open.answers[p]);
      const answeredOrEnded = () => silent().length === 0 || state.ended !== undefined;
      const closesAt = () => Date.parse(open.closesAt);
      describe();
      if (!open.reminded && !(await until(() => opensAt() + (closesAt() - opensAt()) / 2, answeredOrEnded, 'check-in reminder'))) {
        await activities.requestCheckIn.executeWithOptions({ summary: 'remind the silent' }, [{ pairId, round, closesAt: open.closesAt, participantIds: silent(), reminder: true }]);
        open.reminded = true;
      }
      await until(closesAt, answeredOrEnded, 'check-in closes');
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

  /** The check-in times, later by any time spent paused. */
  function schedule(): number[] {
    return input.schedule && state.kickedOffAt ? checkInTimes(Date.parse(state.kickedOffAt) + (state.pausedMs ?? 0), input.schedule, end()) : [];
  }

  function setHealth(health: Health, reasons: string[]) {
    state.health = health;
    state.healthReasons = reasons;
    upsertSearchAttributes([{ key: HEALTH_KEY, value: health }]);
  }

  /**
   * Waits until `done()` or the instant `at()` names, whichever comes first; true if done. The instant is
   * read afresh whenever the admin extends a deadline or resumes, and the clock stands still while paused.
   */
  async function until(at: () => number, done: () => boolean, summary: string): Promise<boolean> {
    for (;;) {
      if (state.paused) await condition(() => !state.paused || done());
      // Even when already done: each call takes a timer number, and running histories count on them.
      const instant = at();
      const reached = !(await condition(() => done() || state.paused !== undefined || at() !== instant, Math.max(instant - Date.now(), 0), { summary }));
      if (done()) return true;
      if (reached && at() === instant && !state.paused) return false;
    }
  }

  /** What comes next for the two, in words, once the pair resumes. */
  function nextDate(): string {
    const open = state.checkIns.open;
    if (open) return `Check-in ${open.round + 1} is open until ${formatInstant(open.closesAt)}.`;
    const next = schedule()[state.checkIns.done];
    return next === undefined ? `The programme ends for your pair on ${formatInstant(end())}.` : `Your next check-in comes on ${formatInstant(next)}.`;
  }


  async function runUntilEnd(stage: PairStage): Promise<PairState> {
    if (stage !== 'ended' && stage !== 'final-survey') {
      setStage(stage);
      setCurrentDetails(`Running; the programme ends ${formatInstant(end())}.`);
      await until(end, ended, 'programme end');
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
    const closesAt = () => Date.parse(survey.closesAt);
    const everyone = () => survey.answered.length === parties.length;
    describe();
    const remindAt = () => closesAt() - (input.schedule?.finalSurveyMs ?? DEFAULT_FINAL_SURVEY_MS) / 2;
    if (!survey.reminded && !(await until(remindAt, everyone, 'final survey reminder'))) {
      await activities.requestFinalSurvey.executeWithOptions({ summary: 'remind the silent' }, [{ pairId, closesAt: survey.closesAt, participantIds: parties.filter((p) => !survey.answered.includes(p)), reminder: true }]);
      survey.reminded = true;
    }
    await until(closesAt, everyone, 'final survey closes');
    await condition(allHandlersFinished);
  }

  /** The check-in dates announced at kick-off. */
  function checkInDates(): string[] {
    return schedule().map((t) => new Date(t).toISOString());
  }

  /** The pair's current details in the Temporal UI: what it waits for, and until when. */
  function describe() {
    const open = state.checkIns.open;
    const survey = state.finalSurvey;
    if (state.paused) {
      setCurrentDetails(`Paused since ${formatInstant(state.paused.since)}: ${state.paused.reason}`);
    } else if (state.stage === 'charter') {
      setCurrentDetails(`Charter: waiting for ${unsigned().length} of 2 signatures, deadline ${formatInstant(state.charterDeadline!)}.`);
    } else if (state.stage === 'active' && open) {
      const waiting = parties.filter((p) => !open.answers[p]).length;
      setCurrentDetails(`Check-in ${open.round + 1}: waiting for ${waiting} of 2 answers, closes ${formatInstant(open.closesAt)}. Health: ${state.health ?? 'not assessed yet'}.`);
    } else if (state.stage === 'active' && schedule()[state.checkIns.done] !== undefined) {
      setCurrentDetails(`Active; check-in ${state.checkIns.done + 1} of ${schedule().length} opens ${formatInstant(schedule()[state.checkIns.done]!)}.`);
    } else if (state.stage === 'final-survey' && survey) {
      setCurrentDetails(`Final survey: waiting for ${parties.length - survey.answered.length} of 2 answers, closes ${formatInstant(survey.closesAt)}.`);
    }
  }

  function setStage(stage: PairStage) {
    state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
  }
}
