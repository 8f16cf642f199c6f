import { describeHealthReason } from '../../domain/alerts.js';
import { PAIR_HEALTH_FILTERS, PAIR_SORTS, PAIR_STAGE_FILTERS, type PairsQuery, type PairsTable } from '../../domain/pairs-query.js';
import { useTranslator } from '../views/language.js';
import { healthLabel, pairStageLabel } from './labels.js';
import { ListChoice, ListFilters } from './ListFilters.js';
import { Paging } from './Paging.js';

/** The pairs table: searched, filtered and ordered by the server, a page at a time, whatever the cohort's size. */
export function PairsCard({ slug, table, query }: { slug: string; table: PairsTable; query: PairsQuery }) {
  const text = useTranslator();
  const { t, instant } = text;
  const { page } = table;
  const here = `/admin/cohorts/${slug}`;
  const linkTo = (pageNumber: number) => `${here}?${new URLSearchParams({ ...query, page: String(pageNumber) })}#pairs`;
  return (
    <div class="card" id="pairs">
      <h2>
        {t('admin.cohort.pairs.heading', { count: table.running })}
        {table.ended > 0 && <span class="hint"> {t('admin.cohort.pairs.ended', { count: table.ended })}</span>}
      </h2>
      <ListFilters action={`${here}#pairs`} q={query.q}>
        <ListChoice
          label={t('admin.cohort.pairs.column.stage')}
          name="stage"
          values={PAIR_STAGE_FILTERS}
          chosen={query.stage}
          all={t('admin.cohort.pairs.all')}
          wordFor={(stage) => (stage === 'running' ? t('admin.cohort.pairs.running') : pairStageLabel(text, stage))}
        />
        <ListChoice
          label={t('admin.cohort.pairs.column.health')}
          name="health"
          values={PAIR_HEALTH_FILTERS}
          chosen={query.health}
          all={t('admin.cohort.pairs.all')}
          wordFor={(health) =>
            health === 'none'
              ? t('admin.cohort.pairs.noCheckIn')
              : health === 'paused'
                ? t('admin.cohort.pairs.paused')
                : healthLabel(text, health)
          }
        />
        <ListChoice
          label={t('admin.cohort.pairs.sort')}
          name="sort"
          values={PAIR_SORTS}
          chosen={query.sort}
          wordFor={(sort) => t(`admin.cohort.pairs.sort.${sort}`)}
        />
      </ListFilters>
      <p class="hint" data-pairs-matching={page.matching}>
        {t('admin.cohort.pairs.matching', { count: page.matching })}
      </p>
      {page.rows.length > 0 && (
        <div class="scroll">
          <table class="pairs">
            <thead>
              <tr>
                <th>{t('admin.cohort.pairs.column.mentee')}</th>
                <th>{t('admin.cohort.pairs.column.mentor')}</th>
                <th>{t('admin.cohort.pairs.column.stage')}</th>
                <th>{t('admin.cohort.pairs.column.health')}</th>
                <th class="number">{t('admin.cohort.pairs.column.score')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((pair) => (
                <tr {...{ [pair.status === 'active' ? 'data-active-pair' : 'data-ended-pair']: pair.menteeName }}>
                  <td>
                    <a href={`${here}/pairs/${pair.id}`}>{pair.menteeName || t('alert.erasedPerson')}</a>
                  </td>
                  <td>{pair.mentorName || t('alert.erasedPerson')}</td>
                  <td data-pair-stage={pair.stage}>
                    <span class={`badge stage-${pair.stage}`}>{pairStageLabel(text, pair.stage)}</span>
                    {pair.pausedSince && (
                      <>
                        {' '}
                        <span class="badge paused" data-paused>
                          {t('admin.cohort.pairs.paused')}
                        </span>
                      </>
                    )}
                    {pair.stage === 'charter' && pair.charterDeadline && (
                      <span class="hint"> {t('admin.cohort.pairs.charterUntil', { at: instant(pair.charterDeadline) })}</span>
                    )}
                  </td>
                  <td data-health={pair.health ?? ''}>
                    {pair.health === null ? (
                      <span class="muted">–</span>
                    ) : (
                      <span
                        class={`badge health-${pair.health}`}
                        title={pair.healthReasons.map((reason) => describeHealthReason(reason, text)).join('; ')}
                      >
                        {healthLabel(text, pair.health)}
                      </span>
                    )}
                  </td>
                  <td class="number">{pair.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Paging page={page} linkTo={linkTo} />
    </div>
  );
}
