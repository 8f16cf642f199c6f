import { checkInSchema } from './check-in.js';
import { finalSurveySchema } from './final-survey.js';
import { freeTextFields } from './personal-encryption.js';
import { surveySchema } from './survey.js';

/**
 * The answers of each form that hold a person's own words (free text, not a choice or a rating): sealed under
 * their key when stored, emptied when they are erased. Read from the forms' schemas, so a new text field is
 * covered by both.
 */
export const OWN_WORDS = {
  survey: freeTextFields(surveySchema),
  checkIn: freeTextFields(checkInSchema),
  finalSurvey: freeTextFields(finalSurveySchema),
} as const;
