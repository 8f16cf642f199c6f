import { deprecatePatch } from '@temporalio/workflow';
import { DEFAULT_FINAL_SURVEY_MS } from '../../domain/schedule.js';
import { activities } from './activities.js';
import { PATCHES } from './patches.js';
import type { PairProgramme } from './programme.js';

/** Both parties get the closing survey; the silent are reminded halfway; it closes on time regardless. */
export async function runFinalSurvey(pair: PairProgramme): Promise<void> {
  const { state, input, parties, pairId } = pair;
  const surveyMs = input.schedule?.finalSurveyMs ?? DEFAULT_FINAL_SURVEY_MS;
  if (!state.finalSurvey) {
    state.finalSurvey = { closesAt: new Date(Date.now() + surveyMs).toISOString(), answered: [], reminded: false };
    pair.setStage('final-survey');
    await activities.requestFinalSurvey.executeWithOptions({ summary: 'email the final survey' }, [
      { pairId, closesAt: state.finalSurvey.closesAt, participantIds: parties, reminder: false },
    ]);
  }
  const survey = state.finalSurvey;
  const closesAt = () => Date.parse(survey.closesAt);
  const everyone = () => survey.answered.length === parties.length;
  pair.describe();
  if (!survey.reminded && !(await pair.until(() => closesAt() - surveyMs / 2, everyone, 'final survey reminder'))) {
    await activities.requestFinalSurvey.executeWithOptions({ summary: 'remind the silent' }, [
      { pairId, closesAt: survey.closesAt, participantIds: parties.filter((p) => !survey.answered.includes(p)), reminder: true },
    ]);
    survey.reminded = true;
  }
  await pair.until(closesAt, everyone, 'final survey closes');
  deprecatePatch(PATCHES.answersInPostgres.id);
  survey.answered = (await activities.closeFinalSurvey.executeWithOptions({ summary: 'close the final survey' }, [{ pairId }])).answered;
}
