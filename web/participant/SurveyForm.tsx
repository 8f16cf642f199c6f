import type { SurveyFormInput } from '../../domain/survey.js';
import { AVAILABILITY, FIELDS, LANGUAGES, MEETING_MODES, TOPICS } from '../../domain/survey.js';
import type { Role } from '../../domain/types.js';
import type { MessageKey } from '../../i18n/translator.js';
import { ASSETS } from '../assets.js';
import { Layout } from '../views/Layout.js';
import { ErrorSummary, Field, FieldError, fieldState, invalid, type FieldErrors } from '../views/form.js';
import { useTranslator } from '../views/language.js';
import { LanguageMenu } from './LanguageMenu.js';

export interface SurveyFormProps {
  action: string;
  name: string;
  cohortName: string;
  role: Role;
  /** What is collected, why, who sees it, for how long: the cohort's words or the default. */
  privacyNotice: string;
  /** Unknown when the database cannot be reached. */
  deadline?: string;
  submissionId: string;
  /** A flash cohort's survey: the questions matching needs and nothing optional, so it takes a minute. */
  short?: boolean;
  values: SurveyFormInput;
  errors?: FieldErrors;
  banner?: { kind: 'ok' | 'bad'; text: string };
}

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The survey's options as the reader sees them: the stored value, and its words in their language. */
function useOptions(
  prefix: 'field' | 'topic' | 'language' | 'availability' | 'meetingMode',
  values: readonly string[],
): [string, string][] {
  const { t } = useTranslator();
  return values.map((value) => [value, t(`${prefix}.${value}` as MessageKey)]);
}

function Checkboxes(props: { name: string; legend: string; options: [string, string][]; values: SurveyFormInput; errors: FieldErrors }) {
  const ticked = asList(props.values[props.name]);
  return (
    <fieldset {...fieldState(props.errors, props.name, 'group')} id={props.name}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label>
          <input type="checkbox" name={props.name} value={value} checked={ticked.includes(value)} /> {label}
        </label>
      ))}
      <FieldError errors={props.errors} name={props.name} />
    </fieldset>
  );
}

function Select(props: { name: string; options: [string, string][]; value: string; errors: FieldErrors }) {
  const { t } = useTranslator();
  return (
    <select id={props.name} name={props.name} {...fieldState(props.errors, props.name)}>
      <option value="">{t('form.choose')}</option>
      {props.options.map(([value, label]) => (
        <option value={value} selected={value === props.value}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** The intake survey, mentee or mentor flavour; the same component shows errors with what was typed. */
export function SurveyFormPage(props: SurveyFormProps) {
  const { t } = useTranslator();
  const errors = props.errors ?? {};
  const v = props.values;
  const topics = useOptions('topic', TOPICS);
  return (
    <Layout title={t('survey.title', { cohort: props.cohortName })}>
      <LanguageMenu action={`${props.action}/language`} />
      <h1>{t('survey.title', { cohort: props.cohortName })}</h1>
      <p>
        {t('survey.intro', {
          name: props.name,
          role: t(`role.${props.role}`),
          hasDeadline: !!props.deadline,
          deadline: props.deadline ?? '',
        })}
      </p>
      {props.banner && (
        <div class={`banner ${props.banner.kind}`} role={props.banner.kind === 'bad' ? 'alert' : 'status'}>
          {props.banner.text}
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={props.action} class="card" data-role={props.role}>
        <input type="hidden" name="submissionId" value={props.submissionId} />
        <input type="hidden" name="timeZone" value="" data-detect-time-zone />
        {props.role === 'mentee' ? (
          <>
            <Field label={t('survey.goals')} name="goals" errors={errors} hint={t('survey.goals.hint')}>
              <textarea id="goals" name="goals" {...fieldState(errors, 'goals')}>
                {asText(v.goals)}
              </textarea>
            </Field>
            <Checkboxes name="helpWith" legend={t('survey.helpWith')} options={topics} values={v} errors={errors} />
          </>
        ) : (
          <>
            <Checkboxes name="offers" legend={t('survey.offers')} options={topics} values={v} errors={errors} />
            <Field label={t('survey.capacity')} name="capacity" errors={errors} hint={t('survey.capacity.hint')}>
              <input
                type="number"
                id="capacity"
                name="capacity"
                min="1"
                max="5"
                value={asText(v.capacity)}
                {...fieldState(errors, 'capacity')}
              />
            </Field>
            {!props.short && (
              <Field label={t('survey.experience')} name="experience" errors={errors} hint={t('survey.experience.hint')}>
                <textarea id="experience" name="experience">
                  {asText(v.experience)}
                </textarea>
              </Field>
            )}
          </>
        )}
        <Field label={t('survey.field')} name="field" errors={errors}>
          <Select name="field" options={useOptions('field', FIELDS)} value={asText(v.field)} errors={errors} />
        </Field>
        <Checkboxes
          name="languages"
          legend={t('survey.languages')}
          options={useOptions('language', LANGUAGES)}
          values={v}
          errors={errors}
        />
        <Field label={t('survey.availability')} name="availability" errors={errors}>
          <Select
            name="availability"
            options={useOptions('availability', Object.keys(AVAILABILITY))}
            value={asText(v.availability)}
            errors={errors}
          />
        </Field>
        <Field label={t('survey.meetingMode')} name="meetingMode" errors={errors}>
          <Select
            name="meetingMode"
            options={useOptions('meetingMode', Object.keys(MEETING_MODES))}
            value={asText(v.meetingMode)}
            errors={errors}
          />
        </Field>
        <Field label={t('survey.location')} name="location" errors={errors} hint={t('survey.location.hint')}>
          <input type="text" id="location" name="location" value={asText(v.location)} />
        </Field>
        {!props.short && (
          <Field label={t('survey.preferences')} name="preferences" errors={errors} hint={t('survey.preferences.hint')}>
            <textarea id="preferences" name="preferences">
              {asText(v.preferences)}
            </textarea>
          </Field>
        )}
        <section class={invalid(errors, 'consent')} id="privacy" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">{t('survey.privacy')}</h2>
          <div class="pre-wrap" data-privacy-notice>
            {props.privacyNotice}
          </div>
          <label>
            <input
              type="checkbox"
              id="consent"
              name="consent"
              value="on"
              {...fieldState(errors, 'consent')}
              checked={asText(v.consent) === 'on' || asText(v.consent) === 'true'}
            />{' '}
            {t('survey.consent')}
          </label>
          <FieldError errors={errors} name="consent" />
        </section>
        <p>
          <button type="submit">{t('survey.send')}</button>
        </p>
      </form>
      <script src={ASSETS.timeZone} defer />
    </Layout>
  );
}
