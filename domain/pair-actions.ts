import { z } from 'zod';
import { durationField } from './duration.js';
import { PAIR_END_REASONS } from './types.js';

/** The admin's forms on a pair's page: one schema each for its type, validation and messages. */

const reason = (what: string) => z.string().trim().min(3, `Reason: say why ${what} (at least 3 characters)`).max(500, 'Reason: at most 500 characters');

/** Moves the deadline the pair waits for; capped so a typo ("300d") does not park a pair for a year. */
export const extendFormSchema = z.object({
  requestId: z.uuid('The form expired; reload the page'),
  by: durationField('Extend by').refine((ms) => ms <= 90 * 86_400_000, 'Extend by: at most 90 days at a time'),
});

export const pauseFormSchema = z.object({ reason: reason('the pair is paused; both parties read it') });

export const keepBothFormSchema = z.object({ keepBoth: z.enum(['yes', 'no'], 'Choose who is matched again').transform((v) => v === 'yes') });

export const rematchFormSchema = z.object({ participantId: z.uuid('Choose who needs a new partner'), requestId: z.uuid('The form expired; reload the page'), reason: reason('they need a new partner') });

export const endPairFormSchema = z
  .object({
    reason: z.enum(Object.keys(PAIR_END_REASONS) as [keyof typeof PAIR_END_REASONS], 'Choose why the pair ends'),
    details: z.string().trim().max(500, 'Details: at most 500 characters').default(''),
  })
  .refine((f) => f.reason !== 'other' || f.details.length >= 3, { path: ['details'], message: 'Details: say why the pair ends' });
