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
  blocking: z.string().trim().max(2000, 'error.tooLong' satisfies MessageKey).default(''),
  continue: z.enum(['yes', 'no'], { error: 'error.continue' satisfies MessageKey }),
});

/** At the mid-programme review, the answers also carry the progress on each of one's objectives, in order. */
export type CheckInAnswers = z.infer<typeof checkInSchema> & { progress?: Progress[] };
