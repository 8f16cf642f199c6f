import type { Cohort } from '../../db/cohorts.js';
import type { ParticipantProgress } from '../../db/participants.js';
import type { Page } from '../../domain/paging.js';
import { IfAllowed } from '../views/allowed.js';
import { useTranslator } from '../views/language.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { Paging } from './Paging.js';

/** What a person's page is for, and where its exports and erasures are logged: for those who may open them. */
export function PeopleHint({ slug }: { slug: string }) {
  const { t } = useTranslator();
  return (
    <IfAllowed to="personal-data">
      <p class="hint">
        {t('admin.cohort.people.hint')} <a href={`/admin/cohorts/${slug}/audit`}>{t('admin.cohort.people.audit')}</a>{' '}
        {t('admin.cohort.people.auditOf')}
      </p>
    </IfAllowed>
  );
}

/** Everyone in the cohort, searched and a page at a time: each name opens the person's data page (for those who may). */
export function PeoplePage(props: { admin: AdminFrame; cohort: Cohort; q: string; people: Page<ParticipantProgress> }) {
  const { t, instant } = props.admin.text;
  const { cohort, people } = props;
  const here = `/admin/cohorts/${cohort.slug}/people`;
  return (
    <Layout title={`${t('admin.cohort.people.heading')} · ${cohort.name}`} admin={props.admin}>
      <p>
        <a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a>
      </p>
      <h1>{t('admin.cohort.people.heading')}</h1>
      <PeopleHint slug={cohort.slug} />
      <form method="get" action={here} class="filters" role="search">
        <label>
          {t('admin.cohort.pairs.search')}
          <input type="search" name="q" value={props.q} placeholder={t('admin.cohort.people.searchHint')} />
        </label>
        <button class="secondary" type="submit">
          {t('admin.cohort.pairs.show')}
        </button>
      </form>
      <p class="hint" data-people-matching={people.matching}>
        {t('admin.cohort.people.matching', { count: people.matching })}
      </p>
      <div class="card scroll">
        <table>
          <thead>
            <tr>
              <th>{t('admin.cohort.name')}</th>
              <th>{t('admin.cohort.email')}</th>
              <th>{t('admin.cohort.role')}</th>
              <th>{t('admin.cohort.people.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {people.rows.map((p) => (
              <tr>
                <td>
                  {props.admin.may('personal-data') ? (
                    <a href={`/admin/cohorts/${cohort.slug}/participants/${p.id}`} data-person={p.email}>
                      {p.name}
                    </a>
                  ) : (
                    p.name
                  )}
                </td>
                <td>{p.email}</td>
                <td>{t(`role.${p.role}`)}</td>
                <td>{p.answeredAt ? instant(p.answeredAt) : <span class="muted">–</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Paging page={people} linkTo={(page) => `${here}?${new URLSearchParams({ q: props.q, page: String(page) })}`} />
    </Layout>
  );
}
