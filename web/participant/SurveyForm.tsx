import type { SurveyFormInput } from '../../domain/survey.js';
import { AVAILABILITY, FIELDS, LANGUAGES, MEETING_MODES, TOPICS } from '../../domain/survey.js';
import type { Role } from '../../domain/types.js';
import { Layout } from '../views/Layout.js';
import { ErrorBanner, Field, FieldError, invalid, type FieldErrors } from '../views/form.js';

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
  values: SurveyFormInput;
  errors?: FieldErrors;
  banner?: { kind: 'ok' | 'bad'; text: string };
}

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

function Checkboxes(props: { name: string; legend: string; options: readonly string[]; values: SurveyFormInput; errors: FieldErrors }) {
  const ticked = asList(props.values[props.name]);
  return (
    <fieldset class={invalid(props.errors, props.name)} id={props.name}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label>
          <input type="checkbox" name={props.name} value={option} checked={ticked.includes(option)} /> {option}
        </label>
      ))}
      <FieldError errors={props.errors} name={props.name} />
    </fieldset>
  );
}

function Select(props: { name: string; options: Record<string, string>; value: string; errors: FieldErrors }) {
  return (
    <select id={props.name} name={props.name} class={invalid(props.errors, props.name)}>
      <option value="">Choose…</option>
      {Object.entries(props.options).map(([value, label]) => (
        <option value={value} selected={value === props.value}>{label}</option>
      ))}
    </select>
  );
}

/** The intake survey, mentee or mentor flavour; the same component shows errors with what was typed. */
export function SurveyFormPage(props: SurveyFormProps) {
  const errors = props.errors ?? {};
  const v = props.values;
  const fieldOptions = Object.fromEntries(FIELDS.map((f) => [f, f]));
  return (
    <Layout title={`${props.cohortName}: intake survey`}>
      <h1>{props.cohortName}: intake survey</h1>
      <p>
        Hello {props.name}. You take part as a <strong>{props.role}</strong>. Your answers help us form pairs that work;
        you can come back and change them{props.deadline ? ` until ${props.deadline}` : ''}.
      </p>
      {props.banner && <div class={`banner ${props.banner.kind}`} role={props.banner.kind === 'bad' ? 'alert' : 'status'}>{props.banner.text}</div>}
      <ErrorBanner errors={Object.values(errors).filter((e): e is string => !!e)} />
      <form method="post" action={props.action} class="card">
        <input type="hidden" name="submissionId" value={props.submissionId} />
        {props.role === 'mentee' ? (
          <>
            <Field label="Your goals" name="goals" errors={errors} hint="what you hope to achieve with a mentor">
              <textarea id="goals" name="goals" class={invalid(errors, 'goals')}>{asText(v.goals)}</textarea>
            </Field>
            <Checkboxes name="helpWith" legend="What would you like help with?" options={TOPICS} values={v} errors={errors} />
          </>
        ) : (
          <>
            <Checkboxes name="offers" legend="What can you help with?" options={TOPICS} values={v} errors={errors} />
            <Field label="How many mentees can you take?" name="capacity" errors={errors} hint="1 to 5">
              <input type="number" id="capacity" name="capacity" min="1" max="5" value={asText(v.capacity)} class={invalid(errors, 'capacity')} />
            </Field>
            <Field label="Your experience" name="experience" errors={errors} hint="optional: roles, years, what you have been through">
              <textarea id="experience" name="experience">{asText(v.experience)}</textarea>
            </Field>
          </>
        )}
        <Field label="Field or industry" name="field" errors={errors}>
          <Select name="field" options={fieldOptions} value={asText(v.field)} errors={errors} />
        </Field>
        <Checkboxes name="languages" legend="Languages you can be mentored / mentor in" options={LANGUAGES} values={v} errors={errors} />
        <Field label="How often can you meet?" name="availability" errors={errors}>
          <Select name="availability" options={AVAILABILITY} value={asText(v.availability)} errors={errors} />
        </Field>
        <Field label="How would you like to meet?" name="meetingMode" errors={errors}>
          <Select name="meetingMode" options={MEETING_MODES} value={asText(v.meetingMode)} errors={errors} />
        </Field>
        <Field label="Where are you based?" name="location" errors={errors} hint="city or region, optional">
          <input type="text" id="location" name="location" value={asText(v.location)} />
        </Field>
        <Field label="Anything else we should know?" name="preferences" errors={errors} hint="preferences, constraints, optional">
          <textarea id="preferences" name="preferences">{asText(v.preferences)}</textarea>
        </Field>
        <section class={invalid(errors, 'consent')} id="privacy" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">Your data</h2>
          <div class="pre-wrap" data-privacy-notice>{props.privacyNotice}</div>
          <label><input type="checkbox" id="consent" name="consent" value="on" checked={asText(v.consent) === 'on' || asText(v.consent) === 'true'} /> I have read how my data is used, and I agree to take part on these terms</label>
          <FieldError errors={errors} name="consent" />
        </section>
        <p><button type="submit">Send my answers</button></p>
      </form>
    </Layout>
  );
}
