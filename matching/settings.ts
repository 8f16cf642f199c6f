import { z } from 'zod';

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

const weight = z.coerce.number('Weight: enter a number').int('Weight: a whole number').min(0, 'Weight: 0 to 10').max(10, 'Weight: 0 to 10');
const rule = z.object({ weight, mustMatch: z.boolean().default(false) });

export const matchSettingsSchema = z.object({
  version: z.literal(1).default(1),
  threshold: z.coerce.number('Minimum score: enter a number').int().min(0, 'Minimum score: 0 to 100').max(100, 'Minimum score: 0 to 100').default(40),
  autoApprove: z.boolean().default(false),
  criteria: z.object({
    field: rule.default({ weight: 3, mustMatch: false }),
    topics: rule.default({ weight: 4, mustMatch: false }),
    language: rule.default({ weight: 2, mustMatch: true }),
    availability: rule.default({ weight: 1, mustMatch: false }),
    meeting: rule.default({ weight: 2, mustMatch: false }),
  }).default({
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
