import type { Context, MiddlewareHandler } from 'hono';
import { getCohortBySlug, type Cohort } from '../../db/cohorts.js';
import type { Sql } from '../../db/sql.js';
import type { AdminEnv } from '../auth.js';
import { MessagePage } from '../views/Layout.js';

/** The admin's routes under /admin/cohorts/:slug, which find the cohort they name in `c.var.cohort`. */
export type CohortEnv = AdminEnv & { Variables: { cohort: Cohort } };

/** Paths beside the cohorts' own, under /admin/cohorts/. */
const NOT_A_COHORT = new Set(['new', 'template.csv']);

/** The cohort a path under /admin/cohorts/ names, if it names one. */
export const cohortSlugOf = (slug: string | undefined) => (slug && !NOT_A_COHORT.has(slug) ? slug : undefined);

/** The page for a slug no cohort has, with the way back to them all. */
export function cohortNotFound<E extends AdminEnv>(c: Context<E>, slug: string) {
  const { t } = c.var.admin.text;
  return c.html(
    <MessagePage text={c.var.admin.text} title={t('admin.cohorts.notFound.title')}>
      <p>
        {t('admin.cohorts.notFound.body', { slug })} <a href="/admin">{t('admin.cohorts.notFound.all')}</a>
      </p>
    </MessagePage>,
    404,
  );
}

/** Loads the cohort a path names, once for whichever handler answers; a slug no cohort has gets the 404 page. */
export function loadCohort(sql: Sql): MiddlewareHandler<CohortEnv> {
  return async (c, next) => {
    const slug = cohortSlugOf(c.req.param('slug'));
    if (!slug) return next();
    const cohort = await getCohortBySlug(sql, slug);
    if (!cohort) return cohortNotFound(c, slug);
    c.set('cohort', cohort);
    await next();
  };
}
