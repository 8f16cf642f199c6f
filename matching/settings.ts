import { z } from 'zod';
import type { MessageKey } from '../i18n/translator.js';

/**
 * How a cohort is matched: a weight per criterion (0 leaves it out), "must match" to make it a hard
 * constraint, the minimum acceptable score, and whether proposals are approved without review.
 */
export const CRITERIA = ['field', 'topics', 'language', 'availability', 'meeting'] as const;
export type CriterionKey = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<CriterionKey, string> = {
  field: 'Field or industry',
  topics: 'Goals vs what the mentor offers',
  language: 'Shared language',
  availability: 'Availability',
  meeting: 'Location or remote',
};

// Messages are catalogue keys: the settings form says them in the admin's language.
const WEIGHT_RANGE: MessageKey = 'admin.matching.error.weight.range';
const THRESHOLD_RANGE: MessageKey = 'admin.matching.error.threshold.range';
const weight = z.coerce
  .number('admin.matching.error.weight' satisfies MessageKey)
  .int('admin.matching.error.weight.whole' satisfies MessageKey)
  .min(0, WEIGHT_RANGE)
  .max(10, WEIGHT_RANGE);
const rule = z.object({ weight, mustMatch: z.boolean().default(false) });

export const matchSettingsSchema = z.object({
  version: z.literal(1).default(1),
  threshold: z.coerce
    .number('admin.matching.error.threshold' satisfies MessageKey)
    .int('admin.matching.error.threshold.whole' satisfies MessageKey)
    .min(0, THRESHOLD_RANGE)
    .max(100, THRESHOLD_RANGE)
    .default(40),
  autoApprove: z.boolean().default(false),
  criteria: z
    .object({
      field: rule.default({ weight: 3, mustMatch: false }),
      topics: rule.default({ weight: 4, mustMatch: false }),
      language: rule.default({ weight: 2, mustMatch: true }),
      availability: rule.default({ weight: 1, mustMatch: false }),
      meeting: rule.default({ weight: 2, mustMatch: false }),
    })
    .default({
      field: { weight: 3, mustMatch: false },
      topics: { weight: 4, mustMatch: false },
      language: { weight: 2, mustMatch: true },
      availability: { weight: 1, mustMatch: false },
      meeting: { weight: 2, mustMatch: false },
    }),
  /** Free CSV columns the admin chose as criteria: equal values match. */
  attributes: z.array(z.object({ column: z.string().min(1), weight, mustMatch: z.boolean().default(false) })).default([]),
});

export type MatchSettings = z.infer<typeof matchSettingsSchema>;
export const DEFAULT_MATCH_SETTINGS: MatchSettings = matchSettingsSchema.parse({});

/** Identifies the scoring and solving code that produced a match run, for audits and reproduction. */
export const ALGORITHM_VERSION = 'tandem-mcf-2';
