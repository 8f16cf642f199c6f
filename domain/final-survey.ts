import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';
import { fieldProblems, type FieldProblems } from './form-problems.js';
import type { Role } from './types.js';

/** The satisfaction survey that closes a pair: to the mentee, did the mentor answer your questions; shorter to the mentor. */
const SATISFACTION: MessageKey = 'error.satisfaction';
const RECOMMEND: MessageKey = 'error.recommend';
const shared = {
  satisfaction: z.coerce.number(SATISFACTION).int(SATISFACTION).min(1, SATISFACTION).max(5, SATISFACTION),
  recommend: z.coerce.number(RECOMMEND).int(RECOMMEND).min(0, RECOMMEND).max(10, RECOMMEND),
  improve: z
    .string()
    .trim()
    .max(3000, 'error.tooLong' satisfies MessageKey)
    .default(''),
};

export const menteeFinalSchema = z.object({
  role: z.literal('mentee'),
  questionsAnswered: z.enum(['yes', 'partly', 'no'], { error: 'error.questionsAnswered' satisfies MessageKey }),
  ...shared,
});
export const mentorFinalSchema = z.object({ role: z.literal('mentor'), ...shared });
export const finalSurveySchema = z.discriminatedUnion('role', [menteeFinalSchema, mentorFinalSchema]);
export type FinalSurveyAnswers = z.infer<typeof finalSurveySchema>;

export function validateFinalSurvey(
  role: Role,
  form: Record<string, unknown>,
): { ok: true; answers: FinalSurveyAnswers } | { ok: false; errors: FieldProblems } {
  const result = finalSurveySchema.safeParse({ ...form, role });
  return result.success ? { ok: true, answers: result.data } : { ok: false, errors: fieldProblems(result.error.issues) };
}
