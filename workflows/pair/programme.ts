import { setCurrentDetails, setHandler, upsertSearchAttributes, condition, log } from '@temporalio/workflow';
import type { Health, HealthReason } from '../../domain/pair-health.js';
import { DEFAULT_FINAL_SURVEY_MS, checkInTimes, formatInstant } from '../../domain/schedule.js';
import type { PairStage } from '../../domain/types.js';
import { HEALTH_KEY, STAGE_KEY } from '../search-attributes.js';
import {
  answersRecordedSignal,
  endPairSignal,
  pairStateQuery,
  type AnswerRecorded,
  type OpenCheckIn,
  type PairState,
  type PairWorkflowInput,
  type Upcoming,
} from './contract.js';

/**
 * One pair's state and what every step needs of it: who the parties are, the pair's clock (its end moves
 * with the time spent paused), waiting that extensions and pauses can move, and what the Temporal UI shows.
 * The steps (charter, check-ins, final survey) and the admin's actions work on it.
 */
export class PairProgramme {
  readonly state: PairState;
  readonly parties: string[];

  constructor(readonly input: PairWorkflowInput) {
    this.state = {
      stage: 'introduction',
      signed: {},
      charterReminded: false,
      adminAlerted: false,
      checkIns: { done: 0, silentLastRound: [] },
      ...input.state,
    };
    this.parties = [input.menteeId, input.mentorId];
    setHandler(pairStateQuery, () => this.state);
    setHandler(endPairSignal, ({ reason }) => {
      this.state.ended ??= { reason };
      this.state.paused = undefined; // an ended pair runs its closing steps at once
    });
    setHandler(answersRecordedSignal, (answers) => {
      for (const answer of answers) this.heard(answer);
      this.describe();
    });
  }

  get pairId() {
    return this.input.pairId;
  }

  /** An answer stored by the web app: the pair stops waiting for that party. What it says is read when the window closes. */
  private heard(answer: AnswerRecorded) {
    const { state } = this;
    const { participantId } = answer;
    if (!this.parties.includes(participantId)) return;
    const open = state.checkIns.open;
    const survey = state.finalSurvey;
    if (answer.form === 'charter') {
      if (!state.ended) state.signed[participantId] ??= answer.at;
    } else if (answer.form === 'check-in') {
      if (open?.round === answer.round && !this.answeredCheckIn(open).includes(participantId)) (open.answered ??= []).push(participantId);
    } else if (survey && !survey.answered.includes(participantId)) {
      survey.answered.push(participantId);
    }
  }

  unsigned = () => this.parties.filter((p) => !this.state.signed[p]);
  ended = () => this.state.ended !== undefined;

  /** Who answered a check-in round, as the web app told. */
  answeredCheckIn(open: OpenCheckIn): string[] {
    return this.parties.filter((p) => open.answered?.includes(p));
  }

  /** The pair's own end, later by the time it spent paused: the programme's, or a flash pair's feedback closing. */
  end = () => {
    const { flash, schedule, programmeEndsAt } = this.input;
    const paused = this.state.pausedMs ?? 0;
    if (flash && this.state.kickedOffAt)
      return Date.parse(this.state.kickedOffAt) + flash.meetingWindowMs + (schedule?.finalSurveyMs ?? DEFAULT_FINAL_SURVEY_MS) + paused;
    return Date.parse(programmeEndsAt) + paused;
  };

  /**
   * The check-in times, later by any time spent paused. A flash pair has one, its feedback when the meeting
   * window closes; a flash pair that went on keeps that one as round 0.
   */
  schedule(): number[] {
    const { schedule, flash } = this.input;
    if (!schedule || !this.state.kickedOffAt) return [];
    const kickedOff = Date.parse(this.state.kickedOffAt) + (this.state.pausedMs ?? 0);
    if (flash) return [kickedOff + flash.meetingWindowMs];
    const feedbackAt = this.state.flash?.feedbackAt;
    return [...(feedbackAt ? [Date.parse(feedbackAt)] : []), ...checkInTimes(kickedOff, schedule, this.end())];
  }

  /**
   * Waits until `done()` or the instant `at()` names, whichever comes first; true if done. The instant is
   * read afresh whenever the admin extends a deadline or resumes, and the clock stands still while paused.
   */
  async until(at: () => number, done: () => boolean, summary: string): Promise<boolean> {
    for (;;) {
      if (this.state.paused) await condition(() => !this.state.paused || done());
      // Even when already done: each call takes a timer number, and running histories count on them.
      const instant = at();
      const reached = !(await condition(
        () => done() || this.state.paused !== undefined || at() !== instant,
        Math.max(instant - Date.now(), 0),
        { summary },
      ));
      if (done()) return true;
      if (reached && at() === instant && !this.state.paused) return false;
    }
  }

  setStage(stage: PairStage) {
    this.state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
    log.info('Pair stage', { stage });
  }

  setHealth(health: Health, reasons: HealthReason[]) {
    this.state.health = health;
    this.state.healthReasons = reasons;
    upsertSearchAttributes([{ key: HEALTH_KEY, value: health }]);
    log.info('Pair health', { health, reasons: reasons.map((reason) => reason.kind) });
  }

  /** What comes next for the two once the pair resumes. */
  upcoming(): Upcoming {
    const open = this.state.checkIns.open;
    if (open) return { kind: 'open-check-in', round: open.round + 1, until: Date.parse(open.closesAt) };
    const next = this.schedule()[this.state.checkIns.done];
    return next === undefined ? { kind: 'end', at: this.end() } : { kind: 'check-in', at: next };
  }

  /** The pair's current details in the Temporal UI: what it waits for, and until when. */
  describe() {
    const { state, parties } = this;
    const open = state.checkIns.open;
    const survey = state.finalSurvey;
    if (state.paused) {
      setCurrentDetails(`Paused since ${formatInstant(state.paused.since)}: ${state.paused.reason}`);
    } else if (state.stage === 'charter') {
      setCurrentDetails(
        `Charter: waiting for ${this.unsigned().length} of 2 signatures, deadline ${formatInstant(state.charterDeadline!)}.`,
      );
    } else if (state.stage === 'active' && open) {
      const waiting = parties.length - this.answeredCheckIn(open).length;
      setCurrentDetails(
        `Check-in ${open.round + 1}: waiting for ${waiting} of 2 answers, closes ${formatInstant(open.closesAt)}. Health: ${state.health ?? 'not assessed yet'}.`,
      );
    } else if (state.stage === 'active' && this.input.flash) {
      setCurrentDetails(
        `Flash mentoring: ${this.input.flash.meetings} meeting(s) to hold; the feedback form opens ${formatInstant(this.schedule()[0]!)}.`,
      );
    } else if (state.stage === 'active' && this.schedule()[state.checkIns.done] !== undefined) {
      setCurrentDetails(
        `Active; check-in ${state.checkIns.done + 1} of ${this.schedule().length} opens ${formatInstant(this.schedule()[state.checkIns.done]!)}.`,
      );
    } else if (state.stage === 'final-survey' && survey) {
      setCurrentDetails(
        `Final survey: waiting for ${parties.length - survey.answered.length} of 2 answers, closes ${formatInstant(survey.closesAt)}.`,
      );
    }
  }
}
