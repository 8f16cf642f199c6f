import type { z } from 'zod';
import { LANGUAGE_OF_COMMUNICATION, MAX_CSV_BYTES, REQUIRED_COLUMNS, TIME_ZONE, type CsvSummary } from '../../domain/participants-csv.js';
import { DEFAULT_LOCALE, LOCALE_NAMES, LOCALES, type Locale } from '../../i18n/locales.js';
import { DEFAULT_TIME_ZONE, TIME_ZONES } from '../../i18n/time-zones.js';
import { translator, type MessageValues, type Translator } from '../../i18n/translator.js';
import { DEFAULT_CHARTER } from '../../domain/charter.js';
import { DEFAULT_RETENTION_MS, DURATION_FIELDS } from '../../domain/cohort-form.js';
import { translationField, type CohortText } from '../../domain/cohort-texts.js';
import { FORM_UNITS, formatDuration, splitDuration } from '../../domain/duration.js';
import { fieldProblems } from '../../domain/form-problems.js';
import { DEFAULT_PRIVACY_NOTICE } from '../../domain/privacy.js';
import { DEFAULT_MEETING_WINDOW_MS, PROGRAMME_FORMATS } from '../../domain/programme-format.js';
import { ASSETS } from '../assets.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { useTranslator } from '../views/language.js';
import { ErrorSummary, Field, FieldError, fieldState, inWords, invalid, type FieldErrors } from '../views/form.js';

export type CohortFormFields = Partial<
  Record<
    | 'formId'
    | 'name'
    | 'description'
    | 'charter'
    | 'privacyNotice'
    | 'language'
    | 'timeZone'
    | 'surveyDuration'
    | 'surveyCloses'
    | 'checkInCount'
    | 'checkInInterval'
    | 'programmeDuration'
    | 'charterDuration'
    | 'retention'
    | 'objectives'
    | 'format'
    | 'meetings'
    | 'meetingWindow'
    | `${CohortText}_${Locale}`
    | `${(typeof DURATION_FIELDS)[number]}Unit`,
    string
  >
>;

export const DEFAULT_COHORT_FIELDS: CohortFormFields = {
  surveyDuration: '14d',
  checkInCount: '6',
  checkInInterval: '4w',
  programmeDuration: '26w',
  charterDuration: '1w',
  retention: formatDuration(DEFAULT_RETENTION_MS),
  charter: DEFAULT_CHARTER,
  privacyNotice: DEFAULT_PRIVACY_NOTICE,
  language: DEFAULT_LOCALE,
  timeZone: DEFAULT_TIME_ZONE,
  objectives: 'on',
  format: 'long',
  meetings: '1',
  meetingWindow: formatDuration(DEFAULT_MEETING_WINDOW_MS),
};

/**
 * The schema's problems in the admin's words, one per field, with the values a check gave in its issue's
 * `params`; a closing time among them (`when`) is written in the cohort's time zone, which the message names.
 */
export function cohortFormErrors(issues: readonly z.core.$ZodIssue[], text: Translator): FieldErrors {
  const problems = fieldProblems(issues);
  for (const issue of issues) {
    const problem = problems[String(issue.path[0] ?? 'form')];
    if (issue.code !== 'custom' || !issue.params || problem?.key !== issue.message) continue;
    const { when, ...values } = issue.params as MessageValues;
    Object.assign(problem.values, values, when instanceof Date ? { when: translator(text.locale, String(values.zone)).instant(when) } : {});
  }
  return inWords(problems, text);
}

/** Zones by region ("Europe": Paris, Lisbon...), each with its offset from UTC today, as a picker groups them. */
function zonesByRegion(now = new Date()) {
  const regions = new Map<string, { zone: string; label: string }[]>();
  for (const zone of TIME_ZONES) {
    const [region, ...place] = zone.split('/');
    const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')!
      .value.replace('GMT', 'UTC');
    const label = place.length ? `${place.join(' / ').replace(/_/g, ' ')} (${offset})` : zone;
    regions.set(place.length ? region! : '', [...(regions.get(place.length ? region! : '') ?? []), { zone, label }]);
  }
  return [...regions];
}

/** The cohort's time zone, picked from every zone `Intl` knows (the admin's own preselected on a new form). */
function TimeZoneSelect({ value, errors }: { value: string; errors: FieldErrors }) {
  const { t } = useTranslator();
  const known = TIME_ZONES.includes(value);
  return (
    <select id="timeZone" name="timeZone" {...fieldState(errors, 'timeZone')}>
      {!known && value && (
        <option value={value} selected>
          {value}
        </option>
      )}
      {zonesByRegion().map(([region, zones]) => {
        const options = zones.map(({ zone, label }) => (
          <option value={zone} selected={zone === value}>
            {label}
          </option>
        ));
        return region ? <optgroup label={t('admin.cohortForm.timeZone.region', { region })}>{options}</optgroup> : options;
      })}
    </select>
  );
}

/** A text's versions in each language, folded away until the admin wants one (or has written one). */
function InOtherLanguages({ name, values, errors }: { name: CohortText; values: CohortFormFields; errors: FieldErrors }) {
  const { t, locale: adminLocale } = useTranslator();
  const languageName = new Intl.DisplayNames([adminLocale], { type: 'language' });
  const fields = LOCALES.map((locale) => ({ locale, field: translationField(name, locale) }));
  return (
    <details open={fields.some(({ field }) => !!values[field])}>
      <summary>{t('admin.cohortForm.translations', { text: name })}</summary>
      <p class="hint">{t('admin.cohortForm.translations.hint')}</p>
      {fields.map(({ locale, field }) => (
        <Field label={t('admin.cohortForm.translation.in', { language: languageName.of(locale)! })} name={field} errors={errors}>
          <textarea id={field} name={field} lang={locale} class={invalid(errors, field)}>
            {values[field] ?? ''}
          </textarea>
        </Field>
      ))}
    </details>
  );
}

/** The participants' CSV the admin chose, kept in the page (base64) so that nothing is chosen twice, with what it holds or its problems. */
export interface CsvShown {
  kept: string;
  summary?: CsvSummary;
  problems?: string[];
}

export function CohortFormPage(props: {
  admin: AdminFrame;
  values: CohortFormFields;
  errors?: FieldErrors;
  csv?: CsvShown;
  /** Everything is valid: the page shows who will be invited, and offers to create. */
  previewed?: boolean;
}) {
  const { values, csv } = props;
  const errors = props.errors ?? {};
  const text = (name: keyof CohortFormFields) => values[name] ?? '';
  const { t } = props.admin.text;
  return (
    <Layout title={t('admin.cohortForm.title')} admin={props.admin}>
      <h1>{t('admin.cohortForm.title')}</h1>
      <ErrorSummary errors={errors} problems={csv?.problems ?? []} />
      {props.previewed && csv?.summary && (
        <div class="banner ok" role="status" data-ready>
          {t('admin.cohortForm.ready', { total: csv.summary.total })} <a href="#create">{t('admin.cohortForm.ready.go')}</a>
        </div>
      )}
      <form method="post" action="/admin/cohorts" enctype="multipart/form-data" class="card">
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        <input type="hidden" name="formId" value={text('formId')} />
        <Field label={t('admin.cohortForm.name')} name="name" errors={errors} hint={t('admin.cohortForm.name.hint')}>
          <input type="text" id="name" name="name" value={text('name')} {...fieldState(errors, 'name')} required />
        </Field>
        <Field label={t('admin.cohortForm.description')} name="description" errors={errors} hint={t('admin.cohortForm.description.hint')}>
          <textarea id="description" name="description">
            {text('description')}
          </textarea>
        </Field>
        <InOtherLanguages name="description" values={values} errors={errors} />
        <Field label={t('admin.cohortForm.charter')} name="charter" errors={errors} hint={t('admin.cohortForm.charter.hint')}>
          <textarea id="charter" name="charter" class={['tall', invalid(errors, 'charter')].filter(Boolean).join(' ')} required>
            {text('charter')}
          </textarea>
        </Field>
        <InOtherLanguages name="charter" values={values} errors={errors} />
        <Field
          label={t('admin.cohortForm.privacyNotice')}
          name="privacyNotice"
          errors={errors}
          hint={t('admin.cohortForm.privacyNotice.hint')}
        >
          <textarea id="privacyNotice" name="privacyNotice" class={['tall', invalid(errors, 'privacyNotice')].filter(Boolean).join(' ')}>
            {text('privacyNotice')}
          </textarea>
        </Field>
        <InOtherLanguages name="privacyNotice" values={values} errors={errors} />
        <Field
          label={t('admin.cohortForm.language')}
          name="language"
          errors={errors}
          hint={t('admin.cohortForm.language.hint', { column: LANGUAGE_OF_COMMUNICATION })}
        >
          <select id="language" name="language" {...fieldState(errors, 'language')}>
            {LOCALES.map((l) => (
              <option value={l} selected={l === text('language')}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('admin.cohortForm.timeZone')}
          name="timeZone"
          errors={errors}
          hint={t('admin.cohortForm.timeZone.hint', { column: TIME_ZONE })}
        >
          <TimeZoneSelect value={text('timeZone')} errors={errors} />
        </Field>
        <fieldset id="format" {...fieldState(errors, 'format', 'group')}>
          <legend>{t('admin.cohortForm.format')}</legend>
          {PROGRAMME_FORMATS.map((f) => (
            <label class="choice">
              <input type="radio" name="format" value={f} checked={text('format') === f} /> {t(`admin.cohortForm.format.${f}`)}
            </label>
          ))}
          <FieldError errors={errors} name="format" />
        </fieldset>
        <h2>{t('admin.cohortForm.schedule')}</h2>
        <p class="hint">{t('admin.cohortForm.schedule.hint')}</p>
        <Field label={t('admin.cohortForm.surveyDuration')} name="surveyDuration" errors={errors}>
          <DurationInput name="surveyDuration" values={values} errors={errors} />
        </Field>
        <Field
          label={t('admin.cohortForm.surveyCloses')}
          name="surveyCloses"
          errors={errors}
          hint={t('admin.cohortForm.surveyCloses.hint', { zone: text('timeZone') || DEFAULT_TIME_ZONE })}
        >
          <input
            type="datetime-local"
            id="surveyCloses"
            name="surveyCloses"
            value={text('surveyCloses')}
            {...fieldState(errors, 'surveyCloses')}
          />
        </Field>
        <Field
          label={t('admin.cohortForm.charterDuration')}
          name="charterDuration"
          errors={errors}
          hint={t('admin.cohortForm.charterDuration.hint')}
        >
          <DurationInput name="charterDuration" values={values} errors={errors} />
        </Field>
        <Field label={t('admin.cohortForm.checkInCount')} name="checkInCount" errors={errors}>
          <input
            type="number"
            id="checkInCount"
            name="checkInCount"
            min="0"
            value={text('checkInCount')}
            {...fieldState(errors, 'checkInCount')}
            required
          />
        </Field>
        <Field label={t('admin.cohortForm.checkInInterval')} name="checkInInterval" errors={errors}>
          <DurationInput name="checkInInterval" values={values} errors={errors} />
        </Field>
        <Field
          label={t('admin.cohortForm.programmeDuration')}
          name="programmeDuration"
          errors={errors}
          hint={t('admin.cohortForm.programmeDuration.hint')}
        >
          <DurationInput name="programmeDuration" values={values} errors={errors} />
        </Field>
        {/* Shown for the format chosen only (the stylesheet follows the radio buttons; no script needed). */}
        <div class="if-flash">
          <Field label={t('admin.cohortForm.meetings')} name="meetings" errors={errors} hint={t('admin.cohortForm.flashOnly')}>
            <select id="meetings" name="meetings" {...fieldState(errors, 'meetings')}>
              {['1', '2'].map((n) => (
                <option value={n} selected={text('meetings') === n}>
                  {t('admin.cohortForm.meetings.count', { count: Number(n) })}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('admin.cohortForm.meetingWindow')}
            name="meetingWindow"
            errors={errors}
            hint={t('admin.cohortForm.meetingWindow.hint')}
          >
            <DurationInput name="meetingWindow" values={values} errors={errors} />
          </Field>
        </div>
        <Field label={t('admin.cohortForm.retention')} name="retention" errors={errors} hint={t('admin.cohortForm.retention.hint')}>
          <DurationInput name="retention" values={values} errors={errors} />
        </Field>
        <div class="if-long">
          <label>
            <input type="checkbox" id="objectives" name="objectives" checked={text('objectives') === 'on'} />{' '}
            {t('admin.cohortForm.objectives')}
          </label>
          <p class="hint">{t('admin.cohortForm.objectives.hint')}</p>
        </div>
        <h2>{t('admin.cohortForm.participants')}</h2>
        <Field
          label={t('admin.cohortForm.csv')}
          name="participants"
          errors={errors}
          hint={t('admin.cohortForm.csv.hint', {
            columns: REQUIRED_COLUMNS.join(', '),
            languageColumn: LANGUAGE_OF_COMMUNICATION,
            timeZoneColumn: TIME_ZONE,
            megabytes: MAX_CSV_BYTES / 1048576,
          })}
        >
          {csv && <input type="hidden" name="participantsKept" value={csv.kept} />}
          {csv?.summary && <CsvPreview summary={csv.summary} cohortLanguage={(values.language as Locale | undefined) ?? DEFAULT_LOCALE} />}
          {csv?.problems && <p class="hint">{t('admin.cohortForm.csv.keptWithProblems')}</p>}
          <input
            type="file"
            id="participants"
            name="participants"
            accept=".csv,text/csv"
            data-max-bytes={MAX_CSV_BYTES}
            {...fieldState(errors, 'participants')}
            {...(csv ? {} : { required: true })}
          />
          <p class="hint">
            <a href="/admin/cohorts/template.csv" download>
              {t('admin.cohortForm.csv.template')}
            </a>
          </p>
        </Field>
        {props.previewed ? (
          <p class="actions">
            <button type="submit" name="step" value="create" id="create">
              {t('admin.cohortForm.submit')}
            </button>
            <button class="secondary" type="submit" name="step" value="preview">
              {t('admin.cohortForm.previewAgain')}
            </button>
          </p>
        ) : (
          <p>
            <button type="submit" name="step" value="preview">
              {t('admin.cohortForm.preview')}
            </button>
          </p>
        )}
      </form>
      <script src={ASSETS.uploadLimit} defer />
    </Layout>
  );
}

/** Who the CSV holds: how many, by role and by the language their emails will be in. */
function CsvPreview({ summary, cohortLanguage }: { summary: CsvSummary; cohortLanguage: Locale }) {
  const { t, list, locale } = useTranslator();
  const named = new Intl.DisplayNames([locale], { type: 'language' });
  // Who has no language of their own reads the cohort's.
  const counts = new Map<string, number>();
  for (const [language, count] of Object.entries(summary.byLanguage)) {
    const reads = language === 'cohort' ? cohortLanguage : language;
    counts.set(reads, (counts.get(reads) ?? 0) + count);
  }
  const languages = [...counts].map(([language, count]) =>
    t('admin.cohortForm.csv.preview.language', { count, language: named.of(language)! }),
  );
  return (
    <div class="banner info" id="csv-preview" data-csv-total={summary.total}>
      <strong>{t('admin.cohortForm.csv.preview', { total: summary.total, ...summary.byRole })}</strong>
      <br />
      {t('admin.cohortForm.csv.preview.languages', { languages: list(languages) })}
      <br />
      <span class="hint">{t('admin.cohortForm.csv.kept')}</span>
    </div>
  );
}

/** A duration: its number, and its unit in the page's language (seconds last, for a demo). */
function DurationInput({
  name,
  values,
  errors,
}: {
  name: (typeof DURATION_FIELDS)[number];
  values: CohortFormFields;
  errors: FieldErrors;
}) {
  const { t } = useTranslator();
  const { amount, unit } = splitDuration(values[name], values[`${name}Unit`]);
  const units = [...FORM_UNITS, 's'] as const;
  return (
    <span class="duration">
      <input type="number" id={name} name={name} min="1" step="1" value={amount} {...fieldState(errors, name)} required />
      <select name={`${name}Unit`} aria-label={t('admin.cohortForm.unit')}>
        {units.map((u) => (
          <option value={u} selected={u === unit}>
            {t(`admin.cohortForm.unit.${u}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
