import type { Child } from 'hono/jsx';
import type { FieldProblems } from '../../domain/form-problems.js';
import type { Translator } from '../../i18n/translator.js';
import { useTranslator } from './language.js';

/** Field-level errors keyed by field name, as every form in Tandem reports them. */
export type FieldErrors = Partial<Record<string, string>>;

/** A participant's form problems, in their words. */
export const inWords = (problems: FieldProblems, { t }: Translator): FieldErrors =>
  Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problem && t(problem.key, problem.values)]));

export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const message = errors[name];
  return message ? (
    <p class="error" id={`${name}-error`}>
      {message}
    </p>
  ) : null;
}

export function Field(props: { label: string; name: string; errors: FieldErrors; hint?: string; children: Child }) {
  return (
    <div>
      <label for={props.name}>
        {props.label} {props.hint && <span class="hint">{props.hint}</span>}
      </label>
      {props.children}
      <FieldError errors={props.errors} name={props.name} />
    </div>
  );
}

/**
 * What to fix, above the form: announced as soon as the page loads, each field's message a link to the field,
 * then problems that belong to no field (a CSV's lines).
 */
export function ErrorSummary({ errors, problems = [] }: { errors: FieldErrors; problems?: string[] }) {
  const { t } = useTranslator();
  const fields = Object.entries(errors).filter((e): e is [string, string] => !!e[1]);
  const count = fields.length + problems.length;
  if (count === 0) return null;
  return (
    <div class="banner bad" role="alert" tabindex={-1} aria-labelledby="error-summary">
      <strong id="error-summary">{t('form.fix', { count })}</strong>
      <ul>
        {fields.map(([name, message]) => (
          <li>
            <a href={`#${name}`}>{message}</a>
          </li>
        ))}
        {problems.map((problem) => (
          <li>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

export const invalid = (errors: FieldErrors, name: string) => (errors[name] ? 'invalid' : undefined);

/**
 * A field's state for sighted readers (its red border) and for screen readers (why, and for a control that
 * it is invalid: a group of checkboxes or radios describes its error, ARIA has no "invalid" for a group).
 */
export const fieldState = (errors: FieldErrors, name: string, kind: 'control' | 'group' = 'control') => {
  if (!errors[name]) return {};
  const state = { class: 'invalid', 'aria-describedby': `${name}-error` };
  return kind === 'control' ? { ...state, 'aria-invalid': 'true' as const } : state;
};
