import type { Child } from 'hono/jsx';
import { useTranslator } from '../views/language.js';

/**
 * The form above a long list: a search, its choices, and Show. A GET to `action`, so the view lives in the
 * address and a link shows the same.
 */
export function ListFilters({ action, q, children }: { action: string; q: string; children?: Child }) {
  const { t } = useTranslator();
  return (
    <form method="get" action={action} class="filters" role="search">
      <label>
        {t('admin.cohort.pairs.search')}
        <input type="search" name="q" value={q} placeholder={t('admin.cohort.pairs.searchHint')} />
      </label>
      {children}
      <button class="secondary" type="submit">
        {t('admin.cohort.pairs.show')}
      </button>
    </form>
  );
}

/** One choice of a list's filters or order; with `all`, a first option for no filter (''). */
export function ListChoice<T extends string>(props: {
  label: string;
  name: string;
  values: readonly T[];
  chosen: string;
  wordFor: (value: T) => string;
  all?: string;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.all !== undefined && <option value="">{props.all}</option>}
        {props.values.map((value) => (
          <option value={value} selected={value === props.chosen}>
            {props.wordFor(value)}
          </option>
        ))}
      </select>
    </label>
  );
}
