import { z } from 'zod';
import { en } from '../i18n/en.js';
import type { MessageKey } from '../i18n/translator.js';
import { fieldProblems, type FieldProblems } from './form-problems.js';
import type { Role } from './types.js';

/**
 * The intake survey, defined once: the option lists drive the form, the schemas drive validation and its
 * messages (keys of the language catalogue, so each participant reads them in their language), and
 * `SurveyAnswers` is the stored answer that matching reads. Stored options are these English values; the
 * catalogue says how each is shown.
 */
export const FIELDS = [
  'Business & consulting',
  'Education',
  'Engineering',
  'Finance',
  'Healthcare',
  'Law',
  'Arts & media',
  'Non-profit',
  'Public sector',
  'Research',
  'Technology',
  'Other',
] as const;

/** Topics a mentee wants help with and a mentor can offer: the same list, so they can be compared. */
export const TOPICS = [
  'Career choices',
  'Job search & applications',
  'Technical skills',
  'Leadership',
  'Networking',
  'Entrepreneurship',
  'Studies & research',
  'Work-life balance',
  'Confidence & communication',
] as const;

export const LANGUAGES = ['English', 'French', 'Spanish', 'German', 'Italian', 'Portuguese', 'Arabic', 'Chinese'] as const;

/** How often, and how, people can meet: stored as the key, shown as the catalogue says (the English here). */
export const AVAILABILITY = {
  monthly: en['availability.monthly'],
  fortnightly: en['availability.fortnightly'],
  weekly: en['availability.weekly'],
} as const;

export const MEETING_MODES = {
  remote: en['meetingMode.remote'],
  'in-person': en['meetingMode.in-person'],
  either: en['meetingMode.either'],
} as const;

/** Checkbox groups arrive as a string (one ticked), an array (several) or nothing (none). */
const ticked = <T extends readonly [string, ...string[]]>(options: T, atLeastOne: MessageKey) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(options, { error: 'error.option' satisfies MessageKey })).min(1, atLeastOne),
  );

const TOO_LONG: MessageKey = 'error.tooLong';
const optionalText = (max: number) => z.string().trim().max(max, TOO_LONG).default('');

const common = {
  field: z.enum(FIELDS, { error: 'error.field' satisfies MessageKey }),
  languages: ticked(LANGUAGES, 'error.languages'),
  availability: z.enum(Object.keys(AVAILABILITY) as [keyof typeof AVAILABILITY], { error: 'error.availability' satisfies MessageKey }),
  meetingMode: z.enum(Object.keys(MEETING_MODES) as [keyof typeof MEETING_MODES], { error: 'error.meetingMode' satisfies MessageKey }),
  location: optionalText(120),
  preferences: optionalText(1000),
};

export const menteeSurveySchema = z.object({
  role: z.literal('mentee'),
  goals: z
    .string()
    .trim()
    .min(10, 'error.goals' satisfies MessageKey)
    .max(2000, TOO_LONG),
  helpWith: ticked(TOPICS, 'error.helpWith'),
  ...common,
});

export const mentorSurveySchema = z.object({
  role: z.literal('mentor'),
  offers: ticked(TOPICS, 'error.offers'),
  capacity: z.coerce
    .number({ error: 'error.capacity' satisfies MessageKey })
    .int('error.capacity.whole' satisfies MessageKey)
    .min(1, 'error.capacity.min' satisfies MessageKey)
    .max(5, 'error.capacity.max' satisfies MessageKey),
  experience: optionalText(2000),
  ...common,
});

export const surveySchema = z.discriminatedUnion('role', [menteeSurveySchema, mentorSurveySchema]);
export type SurveyAnswers = z.infer<typeof surveySchema>;
export type SurveyFormInput = Record<string, string | string[] | undefined>;

export type SurveyValidation = { ok: true; answers: SurveyAnswers } | { ok: false; errors: FieldProblems };

/**
 * Consent to the cohort's privacy notice comes with every answer: no answer is stored without it, so the
 * answer's own time is the consent's.
 */
const consentSchema = z.object({ consent: z.literal('on', { error: 'error.consent' satisfies MessageKey }) });

/** Validates a submitted form for the participant's role (taken from the link, never from the form). */
export function validateSurvey(role: Role, form: SurveyFormInput): SurveyValidation {
  const result = surveySchema.safeParse({ ...form, role });
  const consent = consentSchema.safeParse(form);
  if (result.success && consent.success) return { ok: true, answers: result.data };
  return { ok: false, errors: fieldProblems([...(result.error?.issues ?? []), ...(consent.error?.issues ?? [])]) };
}
