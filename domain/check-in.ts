import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';
import type { Progress } from './objectives.js';

const MEETINGS: MessageKey = 'error.meetings';
const RATING: MessageKey = 'error.rating';

/** The check-in form both parties answer at each scheduled check-in: one schema, its type and messages (catalogue keys). */
export const checkInSchema = z.object({
  met: z.enum(['yes', 'no'], { error: 'error.met' satisfies MessageKey }),
  meetings: z.coerce.number(MEETINGS).int(MEETINGS).min(0, MEETINGS).max(50, MEETINGS).default(0),
  rating: z.coerce.number(RATING).int(RATING).min(1, RATING).max(5, RATING),
  blocking: z
    .string()
    .trim()
    .max(2000, 'error.tooLong' satisfies MessageKey)
    .default(''),
  continue: z.enum(['yes', 'no'], { error: 'error.continue' satisfies MessageKey }),
});

/** A flash pair's feedback on its meetings: the same answers, asked (and their errors worded) about the meetings. */
export const feedbackSchema = checkInSchema.extend({
  met: z.enum(['yes', 'no'], { error: 'error.feedback.met' satisfies MessageKey }),
  rating: z.coerce
    .number('error.feedback.rating' satisfies MessageKey)
    .int('error.feedback.rating' satisfies MessageKey)
    .min(1, 'error.feedback.rating' satisfies MessageKey)
    .max(5, 'error.feedback.rating' satisfies MessageKey),
  continue: z.enum(['yes', 'no'], { error: 'error.feedback.continue' satisfies MessageKey }),
});

/**
 * A follow-up question hides while an earlier answer makes it moot (the page's stylesheet hides it): "how many
 * times" only follows "did you meet? yes". Whatever it held then is not taken.
 */
export const withoutMootFollowUps = <F extends Record<string, unknown>>(form: F): F =>
  form.met === 'no' ? { ...form, meetings: '0' } : form;

/** A flash pair's feedback asks both whether to go on as a long pair, when the cohort has check-ins to offer. */
export const longPairSchema = z.object({ longPair: z.enum(['yes', 'no'], { error: 'error.longPair' satisfies MessageKey }) });

/**
 * At the mid-programme review, the answers also carry the progress on each of one's objectives, in order;
 * a flash pair's feedback, whether to go on as a long pair.
 */
export type CheckInAnswers = z.infer<typeof checkInSchema> & { progress?: Progress[]; longPair?: 'yes' | 'no' };
