import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';

/**
 * A pair's objectives: each party writes two or three on the charter page, and rates each at the check-in
 * in the middle of the programme. Pure data and rules; the forms read their schemas from here.
 */
export const OBJECTIVE_FIELDS = ['objective1', 'objective2', 'objective3'] as const;
export const PROGRESS = ['not-started', 'in-progress', 'achieved'] as const;
export type Progress = (typeof PROGRESS)[number];

/** The objectives typed on the charter page: two at least, the blank third left out. */
export const objectivesSchema = z
  .object(
    Object.fromEntries(
      OBJECTIVE_FIELDS.map((f) => [
        f,
        z
          .string()
          .trim()
          .max(300, 'error.tooLong' satisfies MessageKey)
          .default(''),
      ]),
    ) as Record<(typeof OBJECTIVE_FIELDS)[number], z.ZodDefault<z.ZodString>>,
  )
  .transform((form) => OBJECTIVE_FIELDS.map((f) => form[f]).filter(Boolean))
  .refine((objectives) => objectives.length >= 2, { message: 'error.objectives' satisfies MessageKey, path: ['objective1'] });

/** Progress on each of one's objectives, as the review's radio groups send it (`progress0`, `progress1`...). */
export const progressSchema = (count: number) =>
  z
    .object(
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`progress${i}`, z.enum(PROGRESS, { error: 'error.progress' satisfies MessageKey })]),
      ),
    )
    .transform((form) => Array.from({ length: count }, (_, i) => form[`progress${i}`] as Progress));

/** The check-in in the middle of the programme (the first of two, the second of three or four...) reviews the objectives. */
export const reviewRound = (checkInCount: number) => Math.max(0, Math.ceil(checkInCount / 2) - 1);
