import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { activities } from './activities.js';
import {
  CHARTER_REFUSED,
  CHECK_IN_REFUSED,
  FINAL_SURVEY_REFUSED,
  signCharterUpdate,
  submitCheckInUpdate,
  submitFinalSurveyUpdate,
} from './contract.js';
import type { PairProgramme } from './programme.js';

/**
 * Answers as they came before the web stored them in PostgreSQL: a Workflow Update per answer, checked by
 * the workflow and stored by an activity. Kept for the runs that predate it: their histories replay through
 * these handlers, and a check-in or final survey they opened then (no window in PostgreSQL) is still answered
 * this way. Remove once no such run is left.
 */
export function handleLegacyAnswers(pair: PairProgramme): void {
  const { state, parties, input, pairId } = pair;
  const refusal = (type: string) => (message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

  setHandler(
    signCharterUpdate,
    async ({ participantId, typedName }) => {
      const { signedAt } = await activities.recordSignature.executeWithOptions({ summary: 'record a signature' }, [
        { pairId, participantId, typedName },
      ]);
      state.signed[participantId] = signedAt;
      pair.describe();
      return { signed: true as const };
    },
    {
      validator: ({ participantId }) => {
        const refuse = refusal(CHARTER_REFUSED);
        if (!parties.includes(participantId)) throw refuse('This charter belongs to another pair.');
        if (state.signed[participantId]) throw refuse('You have already signed this charter.');
        // Open from the moment the charter is emailed: a quick signer may arrive before the stage is recorded.
        const opened = state.stage === 'charter' || (state.stage === 'introduction' && state.charterDeadline !== undefined);
        if (!opened || state.ended || Date.now() >= Date.parse(state.charterDeadline!)) throw refuse('This charter is closed.');
      },
      description: 'Mentor or mentee signs the charter (runs from before answers went to PostgreSQL)',
    },
  );

  setHandler(
    submitCheckInUpdate,
    async ({ round, participantId, answers }) => {
      const open = state.checkIns.open!;
      await activities.recordCheckIn.executeWithOptions({ summary: 'record check-in answers' }, [
        { pairId, round, participantId, answers },
      ]);
      (open.answers ??= {})[participantId] = answers;
      pair.describe();
      return { recorded: true as const };
    },
    {
      validator: ({ round, participantId }) => {
        const refuse = refusal(CHECK_IN_REFUSED);
        const open = state.checkIns.open;
        if (!parties.includes(participantId)) throw refuse('This check-in belongs to another pair.');
        if (!open || open.round !== round || state.ended || Date.now() >= Date.parse(open.closesAt))
          throw refuse('This check-in is closed.');
        if (state.paused) throw refuse('Your pair is paused by the programme team: this check-in reopens when it resumes.');
        if (pair.answeredCheckIn(open).includes(participantId)) throw refuse('You have already answered this check-in.');
      },
      description: 'Mentor or mentee answers a check-in (rounds opened before answers went to PostgreSQL)',
    },
  );

  setHandler(
    submitFinalSurveyUpdate,
    async ({ participantId, answers }) => {
      const survey = state.finalSurvey!;
      await activities.recordFinalSurvey.executeWithOptions({ summary: 'record final survey answers' }, [
        { pairId, participantId, answers },
      ]);
      survey.answered.push(participantId);
      return { recorded: true as const };
    },
    {
      validator: ({ participantId, answers }) => {
        const refuse = refusal(FINAL_SURVEY_REFUSED);
        const survey = state.finalSurvey;
        if (!parties.includes(participantId)) throw refuse('This survey belongs to another pair.');
        if (answers.role !== (participantId === input.menteeId ? 'mentee' : 'mentor'))
          throw refuse('These answers are for the other role.');
        if (!survey || state.stage !== 'final-survey' || Date.now() >= Date.parse(survey.closesAt)) throw refuse('This survey is closed.');
        if (survey.answered.includes(participantId)) throw refuse('You have already answered this survey.');
      },
      description: 'Mentor or mentee answers the final satisfaction survey (surveys opened before answers went to PostgreSQL)',
    },
  );
}
