import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SurveyAnswers } from '../domain/survey.js';
import type { CohortStage } from '../domain/types.js';

/** What the cohort workflow knows and reports: the answer to `cohortStateQuery`, carried across continue-as-new. */
export interface CohortState {
  stage: CohortStage;
  total: number;
  invited: number;
  answered: number;
  remindersSent: number;
  reminded: number;
  closedEarly: boolean;
}

/** A participant's intake-survey submission; the id makes a double submit of one form a single update. */
export interface SurveySubmission {
  version: 1;
  submissionId: string;
  participantId: string;
  answers: SurveyAnswers;
}

export interface SurveySubmissionResult {
  firstAnswer: boolean;
  answered: number;
  total: number;
}

/** Failure types the web app turns into pages. */
export const SURVEY_CLOSED = 'SurveyClosed';

export const cohortStateQuery = defineQuery<CohortState>('cohortState');
export const submitSurveyUpdate = defineUpdate<SurveySubmissionResult, [SurveySubmission]>('submitSurvey');
export const closeSurveyUpdate = defineUpdate<CohortState, []>('closeSurvey');
