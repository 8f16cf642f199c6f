import { z } from 'zod';
import type { Role } from './types.js';

/**
 * The intake survey, defined once: the option lists drive the form, the schemas drive validation and its
 * messages, and `SurveyAnswers` is the stored answer that matching reads.
 */
export const FIELDS = [
  'Business & consulting', 'Education', 'Engineering', 'Finance', 'Healthcare', 'Law',
  'Arts & media', 'Non-profit', 'Public sector', 'Research', 'Technology', 'Other',
] as const;

/** Topics a mentee wants help with and a mentor can offer: the same list, so they can be compared. */
export const TOPICS = [
  'Career choices', 'Job search & applications', 'Technical skills', 'Leadership', 'Networking',
  'Entrepreneurship', 'Studies & research', 'Work-life balance', 'Confidence & communication',
] as const;

export const LANGUAGES = ['English', 'French', 'Spanish', 'German', 'Italian', 'Portuguese', 'Arabic', 'Chinese'] as const;

export const AVAILABILITY = {
  monthly: 'About once a month',
  fortnightly: 'Every two weeks',
  weekly: 'Every week',
} as const;

export const MEETING_MODES = {
  remote: 'Remote only',
  'in-person': 'In person only',
  either: 'Either',
} as const;

/** Checkbox groups arrive as a string (one ticked), an array (several) or nothing (none). */
const ticked = <T extends readonly [string, ...string[]]>(options: T, atLeastOne: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(options, { error: 'Choose from the options listed' })).min(1, atLeastOne),
  );

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).default('');

const common = {
  field: z.enum(FIELDS, { error: 'Choose your field or industry' }),
  languages: ticked(LANGUAGES, 'Tick at least one language'),
  availability: z.enum(Object.keys(AVAILABILITY) as [keyof typeof AVAILABILITY], { error: 'Choose how often you can meet' }),
  meetingMode: z.enum(Object.keys(MEETING_MODES) as [keyof typeof MEETING_MODES], { error: 'Choose how you would like to meet' }),
  location: optionalText(120),
  preferences: optionalText(1000),
};

export const menteeSurveySchema = z.object({
  role: z.literal('mentee'),
  goals: z.string().trim().min(10, 'Tell us your goals in a sentence or two (at least 10 characters)').max(2000, 'must be at most 2000 characters'),
  helpWith: ticked(TOPICS, 'Tick at least one topic you want help with'),
  ...common,
});

export const mentorSurveySchema = z.object({
  role: z.literal('mentor'),
  offers: ticked(TOPICS, 'Tick at least one topic you can help with'),
  capacity: z.coerce.number({ error: 'Enter a number of mentees' }).int('Enter a whole number').min(1, 'Take at least one mentee').max(5, 'At most 5 mentees'),
  experience: optionalText(2000),
  ...common,
});

export const surveySchema = z.discriminatedUnion('role', [menteeSurveySchema, mentorSurveySchema]);
export type SurveyAnswers = z.infer<typeof surveySchema>;
export type SurveyFormInput = Record<string, string | string[] | undefined>;

export type SurveyValidation =
  | { ok: true; answers: SurveyAnswers }
  | { ok: false; errors: Partial<Record<string, string>> };

/** Validates a submitted form for the participant's role (taken from the link, never from the form). */
/**
 * Consent to the cohort's privacy notice comes with every answer: no answer is stored without it, so the
 * answer's own time is the consent's.
 */
const consentSchema = z.object({ consent: z.literal('on', { error: 'Your data: tick the box to agree to how your data is used (without it, you cannot take part)' }) });

export function validateSurvey(role: Role, form: SurveyFormInput): SurveyValidation {
  const result = surveySchema.safeParse({ ...form, role });
  const consent = consentSchema.safeParse(form);
  if (result.success && consent.success) return { ok: true, answers: result.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of [...(result.error?.issues ?? []), ...(consent.error?.issues ?? [])]) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
