import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales.js';
import { DEFAULT_TIME_ZONE, parseTimeZone } from '../i18n/time-zones.js';
import { durationField as duration } from './duration.js';
import { DEFAULT_PRIVACY_NOTICE } from './privacy.js';

/** Personal data is kept a year after the programme closes unless the cohort says otherwise. */
export const DEFAULT_RETENTION_MS = 52 * 7 * 86_400_000;

/** The "new cohort" form: one schema for its type, its validation and its messages. */
export const cohortFormSchema = z
  .object({
    formId: z.uuid('The form expired; reload the page'),
    name: z.string().trim().min(3, 'Name: at least 3 characters').max(120, 'Name: at most 120 characters')
      .refine((v) => /[a-z0-9]/i.test(v), 'Name: use at least one letter or digit'),
    description: z.string().trim().max(4000, 'Description: at most 4000 characters').default(''),
    charter: z.string().trim().min(20, 'Charter: write the commitments both parties sign (at least 20 characters)').max(20000, 'Charter: at most 20000 characters'),
    // Blank, or the default as prefilled: stored blank, so the survey shows Tandem's default (and its later wording).
    privacyNotice: z.string().trim().max(5000, 'Privacy notice: at most 5000 characters').default('').transform((v) => (v === DEFAULT_PRIVACY_NOTICE ? '' : v)),
    language: z.enum(LOCALES, { error: `Participants' language: choose ${LOCALES.join(' or ')}` }).default(DEFAULT_LOCALE),
    timeZone: z.string().default(DEFAULT_TIME_ZONE).transform((v, ctx) =>
      (v.trim() ? parseTimeZone(v) : DEFAULT_TIME_ZONE) ?? (ctx.addIssue({ code: 'custom', message: `Time zone: "${v}" is not a time zone; use a name such as Europe/Paris` }), z.NEVER)),
    surveyDuration: duration('Survey open for'),
    checkInCount: z.coerce.number('Check-ins: enter a number').int('Check-ins: a whole number').min(0, 'Check-ins: 0 or more').max(104, 'Check-ins: at most 104'),
    checkInInterval: duration('Check-in interval'),
    programmeDuration: duration('Programme length'),
    charterDuration: duration('Charter to sign within'),
    retention: duration('Keep personal data for').default(DEFAULT_RETENTION_MS),
    participants: z.instanceof(File, { message: 'Participants: choose a CSV file' })
      .refine((f) => f.size > 0, 'Participants: the CSV file is empty'),
  })
  .refine((f) => f.checkInCount * f.checkInInterval <= f.programmeDuration, {
    path: ['checkInInterval'],
    message: 'Check-in interval: all check-ins must fit within the programme length',
  });

export type CohortFormValues = z.infer<typeof cohortFormSchema>;

/** `cohort-<slug>` reads well in the Temporal UI; the slug comes from the name the admin chose. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
