import { Hono } from 'hono';
import { z } from 'zod';
import { listAccounts } from '../../db/admin-accounts.js';
import { auditLog, type AuditEntry } from '../../db/audit-log.js';
import { getCohortBySlug, listCohorts, type Cohort } from '../../db/cohorts.js';
import { PER_PAGE, type Page } from '../../domain/paging.js';
import type { CohortEnv } from './cohort-loader.js';
import type { WebDeps } from '../deps.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { AUDIT_ACTIONS } from './audit-actions.js';
import { Paging } from './Paging.js';

const filterSchema = z.object({
  person: z.uuid().optional().catch(undefined),
  cohort: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

/**
 * The audit log: who did what with people's data, pairs and accounts. The owner reads all of it, filtered by
 * person and cohort; a cohort's managers read their cohort's.
 */
export function createAuditRoutes({ sql }: WebDeps) {
  async function page(filter: { cohort?: Cohort; accountId?: string }, pageNumber: number) {
    const { entries, total } = await auditLog(
      sql,
      { ...(filter.cohort ? { cohortId: filter.cohort.id } : {}), ...(filter.accountId ? { accountId: filter.accountId } : {}) },
      { offset: (pageNumber - 1) * PER_PAGE, limit: PER_PAGE },
    );
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    return { rows: entries, matching: total, page: Math.min(pageNumber, pages), pages };
  }

  return new Hono<CohortEnv>()
    .get('/audit', async (c) => {
      const filter = filterSchema.parse(c.req.query());
      const cohort = filter.cohort ? await getCohortBySlug(sql, filter.cohort) : undefined;
      const [entries, people, cohorts] = await Promise.all([
        page({ ...(cohort ? { cohort } : {}), ...(filter.person ? { accountId: filter.person } : {}) }, filter.page),
        listAccounts(sql, { withRemoved: true }),
        listCohorts(sql),
      ]);
      return c.html(
        <AuditPage
          admin={c.var.admin}
          entries={entries}
          filters={{ people, cohorts, person: filter.person, cohort: cohort?.slug }}
          linkTo={(n) =>
            `/admin/audit?${new URLSearchParams({ ...(filter.person ? { person: filter.person } : {}), ...(cohort ? { cohort: cohort.slug } : {}), page: String(n) })}`
          }
        />,
      );
    })

    .get('/cohorts/:slug/audit', async (c) => {
      const { cohort } = c.var;
      const { page: pageNumber } = filterSchema.parse(c.req.query());
      return c.html(
        <AuditPage
          admin={c.var.admin}
          cohort={cohort}
          entries={await page({ cohort }, pageNumber)}
          linkTo={(n) => `/admin/cohorts/${cohort.slug}/audit?page=${n}`}
        />,
      );
    });
}

/** Where an entry's subject is shown, from what the action was done to. */
function subjectLink(entry: AuditEntry): string | undefined {
  if (entry.action.startsWith('account ')) return `/admin/accounts/${entry.subjectId}`;
  if (!entry.cohort) return undefined;
  if (entry.action.startsWith('pair ')) return `/admin/cohorts/${entry.cohort.slug}/pairs/${entry.subjectId}`;
  return `/admin/cohorts/${entry.cohort.slug}/participants/${entry.subjectId}`;
}

function AuditPage(props: {
  admin: AdminFrame;
  cohort?: Cohort;
  entries: Page<AuditEntry>;
  filters?: {
    people: { id: string; name: string; email: string | null }[];
    cohorts: { slug: string; name: string }[];
    person?: string;
    cohort?: string;
  };
  linkTo: (page: number) => string;
}) {
  const { t, instant } = props.admin.text;
  const { filters } = props;
  return (
    <Layout title={props.cohort ? `${t('admin.audit.title')} · ${props.cohort.name}` : t('admin.audit.title')} admin={props.admin}>
      {props.cohort && (
        <p>
          <a href={`/admin/cohorts/${props.cohort.slug}`}>← {props.cohort.name}</a>
        </p>
      )}
      <h1>{t('admin.audit.title')}</h1>
      <p class="hint">{t('admin.audit.hint')}</p>
      {filters && (
        <form method="get" action="/admin/audit" class="filters">
          <label for="person">{t('admin.audit.person')}</label>
          <select id="person" name="person">
            <option value="">{t('admin.audit.everyone')}</option>
            {filters.people.map((p) => (
              <option value={p.id} selected={p.id === filters.person}>
                {p.name}
                {p.email ? ` (${p.email})` : ''}
              </option>
            ))}
          </select>
          <label for="cohort">{t('admin.audit.cohort')}</label>
          <select id="cohort" name="cohort">
            <option value="">{t('admin.audit.allCohorts')}</option>
            {filters.cohorts.map((c) => (
              <option value={c.slug} selected={c.slug === filters.cohort}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {t('admin.audit.filter')}
          </button>
        </form>
      )}
      <p class="muted">{t('admin.audit.count', { count: props.entries.matching })}</p>
      <div class="scroll">
        <table class="audit">
          <thead>
            <tr>
              <th>{t('admin.audit.when')}</th>
              <th>{t('admin.audit.who')}</th>
              <th>{t('admin.audit.what')}</th>
              {!props.cohort && <th>{t('admin.audit.cohort')}</th>}
              <th>{t('admin.audit.on')}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.rows.map((e) => {
              const link = subjectLink(e);
              const action = AUDIT_ACTIONS[e.action];
              return (
                <tr data-audit={e.action}>
                  <td>{instant(e.at)}</td>
                  <td data-who={e.who.accountId ?? ''}>
                    {e.who.name}
                    {e.who.email && <div class="muted">{e.who.email}</div>}
                  </td>
                  <td>{action ? t(action) : e.action}</td>
                  {!props.cohort && <td>{e.cohort?.name ?? '—'}</td>}
                  <td>{link ? <a href={link}>{e.subjectId.slice(0, 8)}</a> : e.subjectId.slice(0, 8)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Paging page={props.entries} linkTo={props.linkTo} />
    </Layout>
  );
}
