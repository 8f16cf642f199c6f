import { LANGUAGE_OF_COMMUNICATION, MAX_CSV_BYTES, REQUIRED_COLUMNS, TIME_ZONE } from '../../domain/participants-csv.js';
import { DEFAULT_LOCALE, LOCALE_NAMES, LOCALES } from '../../i18n/locales.js';
import { DEFAULT_TIME_ZONE, TIME_ZONES } from '../../i18n/time-zones.js';
import { DEFAULT_RETENTION_MS } from '../../domain/cohort-form.js';
import { formatDuration } from '../../domain/duration.js';
import { DEFAULT_PRIVACY_NOTICE } from '../../domain/privacy.js';
import { ASSETS } from '../assets.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { ErrorSummary, Field, fieldState, invalid, type FieldErrors } from '../views/form.js';

export type CohortFormFields = Partial<Record<'formId' | 'name' | 'description' | 'charter' | 'privacyNotice' | 'language' | 'timeZone' | 'surveyDuration' | 'checkInCount' | 'checkInInterval' | 'programmeDuration' | 'charterDuration' | 'retention', string>>;

export const DEFAULT_COHORT_FIELDS: CohortFormFields = {
  surveyDuration: '14d',
  checkInCount: '6',
  checkInInterval: '4w',
  programmeDuration: '26w',
  charterDuration: '1w',
  retention: formatDuration(DEFAULT_RETENTION_MS),
  privacyNotice: DEFAULT_PRIVACY_NOTICE,
  language: DEFAULT_LOCALE,
  timeZone: DEFAULT_TIME_ZONE,
};

export function CohortFormPage(props: { admin: AdminFrame; values: CohortFormFields; errors?: FieldErrors; problems?: string[] }) {
  const { values } = props;
  const errors = props.errors ?? {};
  const text = (name: keyof CohortFormFields) => values[name] ?? '';
  return (
    <Layout title="New cohort" admin={props.admin}>
      <h1>New cohort</h1>
      <ErrorSummary errors={errors} problems={props.problems ?? []} />
      <form method="post" action="/admin/cohorts" enctype="multipart/form-data" class="card">
        <input type="hidden" name="_csrf" value={props.admin.csrf} />
        <input type="hidden" name="formId" value={text('formId')} />
        <Field label="Name" name="name" errors={errors} hint="also gives the cohort its address, e.g. alumni-2027">
          <input type="text" id="name" name="name" value={text('name')} {...fieldState(errors, 'name')} required />
        </Field>
        <Field label="Description" name="description" errors={errors} hint="optional">
          <textarea id="description" name="description">{text('description')}</textarea>
        </Field>
        <Field label="Charter" name="charter" errors={errors} hint="the commitments mentor and mentee both sign">
          <textarea id="charter" name="charter" class={['tall', invalid(errors, 'charter')].filter(Boolean).join(' ')} required>{text('charter')}</textarea>
        </Field>
        <Field label="Privacy notice" name="privacyNotice" errors={errors} hint="shown above the intake survey, which asks for consent: what is collected, why, who sees it, for how long; left blank, this default">
          <textarea id="privacyNotice" name="privacyNotice" class={['tall', invalid(errors, 'privacyNotice')].filter(Boolean).join(' ')}>{text('privacyNotice')}</textarea>
        </Field>
        <Field label="Participants' language" name="language" errors={errors} hint={`emails and pages are written in it, unless the CSV's "${LANGUAGE_OF_COMMUNICATION}" column says otherwise for someone; each participant can change theirs on the survey page`}>
          <select id="language" name="language" {...fieldState(errors, 'language')}>
            {LOCALES.map((l) => <option value={l} selected={l === text('language')}>{LOCALE_NAMES[l]}</option>)}
          </select>
        </Field>
        <Field label="Time zone" name="timeZone" errors={errors} hint={`of the dates in emails and pages, unless the CSV's "${TIME_ZONE}" column or a participant's browser says otherwise; a name such as Europe/Paris`}>
          <input type="text" id="timeZone" name="timeZone" list="time-zones" value={text('timeZone')} {...fieldState(errors, 'timeZone')} autocomplete="off" />
          <datalist id="time-zones">{TIME_ZONES.map((zone) => <option value={zone} />)}</datalist>
        </Field>
        <h2>Schedule</h2>
        <p class="hint">Durations like 30s, 10m, 2h, 14d or 2w: seconds are fine for a demo.</p>
        <Field label="Survey open for" name="surveyDuration" errors={errors}>
          <input type="text" id="surveyDuration" name="surveyDuration" value={text('surveyDuration')} {...fieldState(errors, 'surveyDuration')} required />
        </Field>
        <Field label="Charter to sign within" name="charterDuration" errors={errors} hint="from the match; an unsigned pair is then dissolved">
          <input type="text" id="charterDuration" name="charterDuration" value={text('charterDuration')} {...fieldState(errors, 'charterDuration')} required />
        </Field>
        <Field label="Number of check-ins" name="checkInCount" errors={errors}>
          <input type="number" id="checkInCount" name="checkInCount" min="0" value={text('checkInCount')} {...fieldState(errors, 'checkInCount')} required />
        </Field>
        <Field label="Check-in interval" name="checkInInterval" errors={errors}>
          <input type="text" id="checkInInterval" name="checkInInterval" value={text('checkInInterval')} {...fieldState(errors, 'checkInInterval')} required />
        </Field>
        <Field label="Programme length" name="programmeDuration" errors={errors} hint="from the match to the final survey">
          <input type="text" id="programmeDuration" name="programmeDuration" value={text('programmeDuration')} {...fieldState(errors, 'programmeDuration')} required />
        </Field>
        <Field label="Keep personal data for" name="retention" errors={errors} hint="after the programme closes; then names, emails and answers are erased and the anonymous report stays">
          <input type="text" id="retention" name="retention" value={text('retention')} {...fieldState(errors, 'retention')} required />
        </Field>
        <h2>Participants</h2>
        <Field
          label="CSV file"
          name="participants"
          errors={errors}
          hint={`columns ${REQUIRED_COLUMNS.join(', ')} (role: mentor or mentee; the languages they speak, separated by ;), optionally "${LANGUAGE_OF_COMMUNICATION}" (${LOCALES.join(' or ')}: the language Tandem writes to them in) and "${TIME_ZONE}" (such as Europe/Paris), any other column kept as an attribute; at most ${MAX_CSV_BYTES / 1048576} MB`}
        >
          <input type="file" id="participants" name="participants" accept=".csv,text/csv" data-max-bytes={MAX_CSV_BYTES} {...fieldState(errors, 'participants')} required />
        </Field>
        <p><button type="submit">Create cohort and invite participants</button></p>
      </form>
      <script src={ASSETS.uploadLimit} defer />
    </Layout>
  );
}
