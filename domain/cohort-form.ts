import { z } from 'zod';
import { MAX_CSV_BYTES } from './participants-csv.js';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales.js';
import { DEFAULT_TIME_ZONE, parseTimeZone, zonedWallClockToInstant } from '../i18n/time-zones.js';
import type { MessageKey } from '../i18n/translator.js';
import { durationField as duration, joinDurationFields } from './duration.js';
import { COHORT_TEXTS, isTandemDefault, translationField, type CohortText, type TextTranslations } from './cohort-texts.js';
import { normaliseText } from './privacy.js';
import { DEFAULT_MEETING_WINDOW_MS, PROGRAMME_FORMATS } from './programme-format.js';

/** Personal data is kept a year after the programme closes unless the cohort says otherwise. */
export const DEFAULT_RETENTION_MS = 52 * 7 * 86_400_000;

const LONGEST: Record<CohortText, number> = { description: 4000, charter: 20000, privacyNotice: 5000 };

/**
 * A text in the cohort's words, or a version of it: line ends as one text has them, and blank when it is Tandem's
 * default as prefilled, so that each participant reads the default in their own language (and its later wording).
 */
const ownWords = (name: CohortText) =>
  z
    .string()
    .trim()
    .max(LONGEST[name], `admin.cohortForm.error.${name}.long` satisfies MessageKey)
    .transform((v) => (isTandemDefault(name, v) ? '' : normaliseText(v)));

/**
 * The "new cohort" form: one schema for its type, its validation and its messages, which are keys of the
 * catalogue so that each admin reads them in their language. A check that names what was typed gives it as
 * its issue's `params`, the message's values.
 */
/** The form's durations, each sent as a number and a unit. */
export const DURATION_FIELDS = [
  'surveyDuration',
  'charterDuration',
  'checkInInterval',
  'programmeDuration',
  'meetingWindow',
  'retention',
] as const;

/** A kept CSV travels back in the form as base64: the file's limit, a third more. */
const KEPT_AT_MOST = Math.ceil((MAX_CSV_BYTES * 4) / 3) + 4;

export const cohortFormSchema = z.preprocess(
  (body) => joinDurationFields(body, DURATION_FIELDS),
  z
    .object({
      formId: z.uuid('admin.cohortForm.error.expired' satisfies MessageKey),
      name: z
        .string()
        .trim()
        .min(3, 'admin.cohortForm.error.name.short' satisfies MessageKey)
        .max(120, 'admin.cohortForm.error.name.long' satisfies MessageKey)
        .refine((v) => /[a-z0-9]/i.test(v), 'admin.cohortForm.error.name.letter' satisfies MessageKey),
      description: ownWords('description').default(''),
      charter: z
        .string({ error: 'admin.cohortForm.error.charter.short' satisfies MessageKey })
        .trim()
        .min(20, 'admin.cohortForm.error.charter.short' satisfies MessageKey)
        .pipe(ownWords('charter')),
      privacyNotice: ownWords('privacyNotice').default(''),
      // Each text in each language, for participants who read it (blank: they read the cohort's).
      ...Object.fromEntries(
        COHORT_TEXTS.flatMap((name) => LOCALES.map((locale) => [translationField(name, locale), ownWords(name).default('')])),
      ),
      language: z.enum(LOCALES, { error: 'admin.cohortForm.error.language' satisfies MessageKey }).default(DEFAULT_LOCALE),
      timeZone: z
        .string()
        .default(DEFAULT_TIME_ZONE)
        .transform(
          (v, ctx) =>
            (v.trim() ? parseTimeZone(v) : DEFAULT_TIME_ZONE) ??
            (ctx.addIssue({ code: 'custom', message: 'admin.cohortForm.error.timeZone' satisfies MessageKey, params: { value: v } }),
            z.NEVER),
        ),
      surveyDuration: duration('admin.cohortForm.error.surveyDuration'),
      // A wall-clock time in the cohort's time zone, as <input type="datetime-local"> sends it; left blank, the duration above.
      surveyCloses: z.preprocess(
        (v) => (v === '' ? undefined : v),
        z.iso.datetime({ local: true, precision: -1, error: 'admin.cohortForm.error.surveyCloses.format' satisfies MessageKey }).optional(),
      ),
      checkInCount: z.coerce
        .number('admin.cohortForm.error.checkInCount' satisfies MessageKey)
        .int('admin.cohortForm.error.checkInCount.whole' satisfies MessageKey)
        .min(0, 'admin.cohortForm.error.checkInCount.min' satisfies MessageKey)
        .max(104, 'admin.cohortForm.error.checkInCount.max' satisfies MessageKey),
      checkInInterval: duration('admin.cohortForm.error.checkInInterval'),
      programmeDuration: duration('admin.cohortForm.error.programmeDuration'),
      charterDuration: duration('admin.cohortForm.error.charterDuration'),
      retention: duration('admin.cohortForm.error.retention').default(DEFAULT_RETENTION_MS),
      format: z.enum(PROGRAMME_FORMATS, { error: 'admin.cohortForm.error.format' satisfies MessageKey }).default('long'),
      meetings: z.coerce
        .number('admin.cohortForm.error.meetings' satisfies MessageKey)
        .pipe(z.union([z.literal(1), z.literal(2)], { error: 'admin.cohortForm.error.meetings' satisfies MessageKey }))
        .default(1),
      meetingWindow: duration('admin.cohortForm.error.meetingWindow').default(DEFAULT_MEETING_WINDOW_MS),
      // A checkbox: sent as "on" when ticked, not sent at all otherwise.
      objectives: z
        .literal('on')
        .optional()
        .transform((v) => v === 'on'),
      // The file chosen now (a browser sends one without a name when none is); the one chosen before comes back kept.
      participants: z.preprocess((v) => (v instanceof File ? v : undefined), z.instanceof(File).optional()),
      participantsKept: z
        .union([z.base64().max(KEPT_AT_MOST), z.literal('')], { error: 'admin.cohortForm.error.participants' satisfies MessageKey })
        .default(''),
      // Preview (the default the page offers) shows who the file holds and every problem; create acts.
      step: z.enum(['preview', 'create']).catch('create').default('create'),
    })
    .refine((f) => f.participants?.name || f.participantsKept !== '', {
      path: ['participants'],
      message: 'admin.cohortForm.error.participants' satisfies MessageKey,
    })
    .refine((f) => !f.participants?.name || f.participants.size > 0, {
      path: ['participants'],
      message: 'admin.cohortForm.error.participants.empty' satisfies MessageKey,
    })
    // A flash cohort's check-ins are for the pairs that go on after their meetings, beyond its own length.
    .refine((f) => f.format === 'flash' || f.checkInCount * f.checkInInterval <= f.programmeDuration, {
      path: ['checkInInterval'],
      message: 'admin.cohortForm.error.checkInInterval.fit' satisfies MessageKey,
    })
    .refine((f) => f.format === 'long' || f.charterDuration + f.meetingWindow <= f.programmeDuration, {
      path: ['meetingWindow'],
      message: 'admin.cohortForm.error.meetingWindow.fit' satisfies MessageKey,
    })
    // A closing time is read in the cohort's time zone: the clocks there must show it, and not yet.
    .transform(({ surveyCloses, ...form }, ctx) => {
      if (surveyCloses === undefined) return { ...form, surveyCloses };
      const closes = zonedWallClockToInstant(surveyCloses, form.timeZone);
      const problem = !closes
        ? {
            message: 'admin.cohortForm.error.surveyCloses.skipped' satisfies MessageKey,
            params: { time: surveyCloses.slice(11), zone: form.timeZone },
          }
        : closes.getTime() <= Date.now()
          ? { message: 'admin.cohortForm.error.surveyCloses.past' satisfies MessageKey, params: { when: closes, zone: form.timeZone } }
          : undefined;
      if (!problem) return { ...form, surveyCloses: closes };
      ctx.addIssue({ code: 'custom', path: ['surveyCloses'], ...problem });
      return z.NEVER;
    }),
);

export type CohortFormValues = z.infer<typeof cohortFormSchema>;

/** The CSV's bytes: the file chosen now, else the one kept from before; none if neither. */
export async function uploadedCsv(form: { participants?: unknown; participantsKept?: unknown }): Promise<Uint8Array | undefined> {
  if (form.participants instanceof File && form.participants.name !== '') return new Uint8Array(await form.participants.arrayBuffer());
  if (typeof form.participantsKept === 'string' && form.participantsKept !== '') return Buffer.from(form.participantsKept, 'base64');
  return undefined;
}

/** The versions of its texts the form was given, by text and language: none for a blank text or Tandem's default, which has them all. */
export function translationsOf(form: CohortFormValues): TextTranslations {
  const fields = form as unknown as Record<string, string>;
  const versions = COHORT_TEXTS.filter((name) => form[name]).map((name) => {
    const inLanguages = LOCALES.map((locale) => [locale, fields[translationField(name, locale)] ?? '']).filter(([, text]) => text);
    return [name, Object.fromEntries(inLanguages)] as const;
  });
  return Object.fromEntries(versions.filter(([, inLanguages]) => Object.keys(inLanguages).length));
}

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
