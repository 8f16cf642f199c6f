import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';
import { durationField } from './duration.js';
import { PAIR_END_REASONS } from './types.js';

/**
 * The admin's forms on a pair's page: one schema each for its type, validation and messages, which are keys
 * of the catalogue, said in the admin's language.
 */

const reason = (missing: MessageKey) =>
  z
    .string()
    .trim()
    .min(3, missing)
    .max(500, 'admin.pair.error.reason.long' satisfies MessageKey);
const expired: MessageKey = 'admin.cohortForm.error.expired';

/** Moves the deadline the pair waits for; capped so a typo ("300d") does not park a pair for a year. */
export const extendFormSchema = z.object({
  requestId: z.uuid(expired),
  by: durationField('admin.pair.error.extendBy').refine(
    (ms) => ms <= 90 * 86_400_000,
    'admin.pair.error.extendBy.max' satisfies MessageKey,
  ),
});

export const pauseFormSchema = z.object({ reason: reason('admin.pair.error.pauseReason') });

export const keepBothFormSchema = z.object({
  keepBoth: z.enum(['yes', 'no'], 'admin.pair.error.keepBoth' satisfies MessageKey).transform((v) => v === 'yes'),
});

export const rematchFormSchema = z.object({
  participantId: z.uuid('admin.pair.error.rematchWho' satisfies MessageKey),
  requestId: z.uuid(expired),
  reason: reason('admin.pair.error.rematchReason'),
});

export const endPairFormSchema = z
  .object({
    reason: z.enum(Object.keys(PAIR_END_REASONS) as [keyof typeof PAIR_END_REASONS], 'admin.pair.error.endReason' satisfies MessageKey),
    details: z
      .string()
      .trim()
      .max(500, 'admin.pair.error.details.long' satisfies MessageKey)
      .default(''),
  })
  .refine((f) => f.reason !== 'other' || f.details.length >= 3, {
    path: ['details'],
    message: 'admin.pair.error.details.missing' satisfies MessageKey,
  });
