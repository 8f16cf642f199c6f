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
  return message ? <p class="error" id={`${name}-error`}>{message}</p> : null;
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

export function ErrorBanner({ errors }: { errors: string[] }) {
  const { t } = useTranslator();
  if (errors.length === 0) return null;
  return (
    <div class="banner bad" role="alert">
      <strong>{t('form.fix', { count: errors.length })}</strong>
      <ul>
        {errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}

export const invalid = (errors: FieldErrors, name: string) => (errors[name] ? 'invalid' : undefined);
