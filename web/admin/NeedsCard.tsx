import { NEED_DIMENSIONS, shortages, type NeedDimension, type NeedRow, type Needs } from '../../domain/needs.js';
import type { MessageKey, Translator } from '../../i18n/translator.js';
import { useTranslator } from '../views/language.js';

/** An option as the survey shows it ("Finance", "Chinois"): rows only hold options of the survey's lists. */
const optionLabel = ({ t }: Translator, row: Pick<NeedRow, 'dimension' | 'value'>) => t(`${row.dimension}.${row.value}` as MessageKey);

/**
 * The cohort's needs while its survey runs: mentees' wishes against mentors' offers, the mentees the matching
 * could not meet first, then one chart per dimension. While the survey runs the page refreshes it on its own;
 * after, it speaks in the past.
 */
export function NeedsCard({ slug, needs, live }: { slug: string; needs: Needs; live: boolean }) {
  const text = useTranslator();
  const { t } = text;
  const short = shortages(needs);
  return (
    <div class="card" id="needs" data-refresh={live ? `/admin/cohorts/${slug}/needs` : undefined}>
      <h2>{t('admin.needs.heading')}</h2>
      {needs.mentees + needs.mentors === 0 ? (
        <p class="muted">{t('admin.needs.none')}</p>
      ) : (
        <>
          <p data-needs-summary>
            {t('admin.needs.summary', { mentees: needs.mentees, mentors: needs.mentors, places: needs.places, closed: !live })}
            {needs.mentees > needs.places && (
              <>
                {' '}
                <strong>{t('admin.needs.missing', { count: needs.mentees - needs.places })}</strong>
              </>
            )}
          </p>
          {short.length > 0 && (
            <>
              <h3>{t('admin.needs.shortages')}</h3>
              <ul>
                {short.map((row) => (
                  <li data-shortage={`${row.dimension}:${row.value}`}>
                    {t(`admin.needs.shortage.${row.dimension}`, {
                      mentees: row.mentees,
                      unmet: row.unmet,
                      option: optionLabel(text, row),
                      mentors: row.mentors,
                      places: row.places,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p class="legend" aria-hidden="true">
            <span class="swatch wish" /> {t('admin.needs.legend.mentees')} <span class="swatch offer" /> {t('admin.needs.legend.places')}
          </p>
          {(Object.keys(NEED_DIMENSIONS) as NeedDimension[]).map((dimension) => (
            <NeedsChart dimension={dimension} rows={needs.rows.filter((r) => r.dimension === dimension)} />
          ))}
        </>
      )}
      <p>
        <a href={`/admin/cohorts/${slug}/needs.csv`}>{t('admin.needs.csv')}</a>
      </p>
    </div>
  );
}

/**
 * One dimension as a table whose options carry two bars, mentees asking above and places offered below, on
 * one scale: the figures stay a table for screen readers and fit 320 px, the bars show the gap at a glance.
 */
function NeedsChart({ dimension, rows }: { dimension: NeedDimension; rows: NeedRow[] }) {
  const text = useTranslator();
  const { t } = text;
  if (rows.length === 0) return null;
  const scale = Math.max(1, ...rows.map((r) => Math.max(r.mentees, r.places)));
  const bar = (count: number) => ((100 * count) / scale).toFixed(1);
  return (
    <table class="needs" data-needs={dimension}>
      <caption>{t(`admin.needs.dimension.${dimension}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.needs.column.option')}</th>
          <th scope="col">{t('admin.needs.column.mentees')}</th>
          <th scope="col">{t('admin.needs.column.mentors')}</th>
          <th scope="col">{t('admin.needs.column.places')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr data-need={row.value} class={row.unmet > 0 ? 'short' : undefined}>
            <th scope="row">
              {optionLabel(text, row)}
              <svg viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="wish" x="0" y="1" height="8" width={bar(row.mentees)} />
                <rect class="offer" x="0" y="11" height="8" width={bar(row.places)} />
              </svg>
            </th>
            <td>{row.mentees}</td>
            <td>{row.mentors}</td>
            <td>{row.places}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
