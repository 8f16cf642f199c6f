import { z } from 'zod';

/** The check-in form both parties answer at each scheduled check-in: one schema, its type and messages. */
export const checkInSchema = z.object({
  met: z.enum(['yes', 'no'], { error: 'Say whether you have met since the last check-in' }),
  meetings: z.coerce.number('Enter a number of meetings').int('A whole number').min(0, '0 or more').max(50, 'At most 50').default(0),
  rating: z.coerce.number('Choose how it is going').int().min(1, 'Choose how it is going, from 1 to 5').max(5, 'Choose how it is going, from 1 to 5'),
  blocking: z.string().trim().max(2000, 'At most 2000 characters').default(''),
  continue: z.enum(['yes', 'no'], { error: 'Say whether you want to continue' }),
});

export type CheckInAnswers = z.infer<typeof checkInSchema>;
