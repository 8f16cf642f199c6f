import { z } from 'zod';
import type { Role } from './types.js';

/** The satisfaction survey that closes a pair: to the mentee, did the mentor answer your questions; shorter to the mentor. */
const shared = {
  satisfaction: z.coerce.number('Choose your overall satisfaction').int().min(1, 'Choose your overall satisfaction, from 1 to 5').max(5, 'Choose your overall satisfaction, from 1 to 5'),
  recommend: z.coerce.number('Choose a number from 0 to 10').int().min(0, 'Choose a number from 0 to 10').max(10, 'Choose a number from 0 to 10'),
  improve: z.string().trim().max(3000, 'At most 3000 characters').default(''),
};

export const menteeFinalSchema = z.object({
  role: z.literal('mentee'),
  questionsAnswered: z.enum(['yes', 'partly', 'no'], { error: 'Say whether your mentor answered your questions' }),
  ...shared,
});
export const mentorFinalSchema = z.object({ role: z.literal('mentor'), ...shared });
export const finalSurveySchema = z.discriminatedUnion('role', [menteeFinalSchema, mentorFinalSchema]);
export type FinalSurveyAnswers = z.infer<typeof finalSurveySchema>;

export function validateFinalSurvey(role: Role, form: Record<string, unknown>): { ok: true; answers: FinalSurveyAnswers } | { ok: false; errors: Partial<Record<string, string>> } {
  const result = finalSurveySchema.safeParse({ ...form, role });
  if (result.success) return { ok: true, answers: result.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors };
}
