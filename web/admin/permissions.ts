import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { accountPolicy, managesCohort } from '../../db/admin-accounts.js';
import type { Sql } from '../../db/sql.js';
import { cohortSlugOf } from './cohort-loader.js';
import { COHORT_BOUND, grants, type AdminAccount, type May, type Permission } from '../../domain/admin-roles.js';
import type { AdminEnv } from '../auth.js';
import { Refused } from '../guards.js';

/**
 * What each admin route needs, by method and path as the app registers them. The check reads this table, and
 * a test reads the app's routes against it: a route added without a line here is refused to everyone, and
 * fails that test.
 */
export const ROUTE_PERMISSIONS: Record<string, Permission> = {
  'GET /admin': 'read',
  'POST /admin/logout': 'self',
  'GET /admin/account': 'self',
  'POST /admin/account/name': 'self',
  'POST /admin/account/password': 'self',
  'POST /admin/account/sessions/:session/end': 'self',
  'POST /admin/account/second-factor': 'self',

  'GET /admin/accounts': 'owner',
  'POST /admin/accounts': 'owner',
  'GET /admin/accounts/:accountId': 'owner',
  'POST /admin/accounts/:accountId': 'owner',
  'POST /admin/accounts/:accountId/status': 'owner',
  'POST /admin/accounts/:accountId/invitation': 'owner',
  'POST /admin/accounts/policy': 'owner',
  'GET /admin/audit': 'owner',
  'GET /admin/organisation': 'owner',
  'POST /admin/organisation': 'owner',

  'GET /admin/cohorts/template.csv': 'create',
  'GET /admin/cohorts/new': 'create',
  'POST /admin/cohorts': 'create',

  'GET /admin/cohorts/:slug': 'read',
  'GET /admin/cohorts/:slug/progress': 'read',
  'GET /admin/cohorts/:slug/needs': 'read',
  'GET /admin/cohorts/:slug/needs.csv': 'read',
  'GET /admin/cohorts/:slug/people': 'read',
  'GET /admin/cohorts/:slug/matching': 'read',
  'GET /admin/cohorts/:slug/matching/settings': 'read',
  'GET /admin/cohorts/:slug/pairs/:pairId': 'read',
  'GET /admin/cohorts/:slug/enrolment/qr.svg': 'read',

  'POST /admin/cohorts/:slug/start': 'run',
  'POST /admin/cohorts/:slug/close-survey': 'run',
  'POST /admin/cohorts/:slug/remind': 'run',
  'POST /admin/cohorts/:slug/participants': 'run',
  'POST /admin/cohorts/:slug/alerts/:alertId/acknowledge': 'run',
  'POST /admin/cohorts/:slug/enrolment/open': 'run',
  'POST /admin/cohorts/:slug/enrolment/close': 'run',
  'POST /admin/cohorts/:slug/enrolment/requests/:requestId/remove': 'run',
  'POST /admin/cohorts/:slug/matching/adjust': 'run',
  'POST /admin/cohorts/:slug/matching/approve': 'run',
  'POST /admin/cohorts/:slug/matching/rerun': 'run',
  'POST /admin/cohorts/:slug/matching/settings': 'run',
  'POST /admin/cohorts/:slug/pairs/:pairId/nudge': 'run',
  'POST /admin/cohorts/:slug/pairs/:pairId/extend': 'run',
  'POST /admin/cohorts/:slug/pairs/:pairId/pause': 'run',
  'POST /admin/cohorts/:slug/pairs/:pairId/resume': 'run',
  'POST /admin/cohorts/:slug/pairs/:pairId/keep-both': 'run',
  'POST /admin/cohorts/:slug/pairs/:pairId/rematch': 'run',
  'POST /admin/cohorts/:slug/pairs/:pairId/end': 'run',

  'GET /admin/cohorts/:slug/report.csv': 'personal-data',
  'GET /admin/cohorts/:slug/audit': 'personal-data',
  'GET /admin/cohorts/:slug/participants/:participantId': 'personal-data',
  'GET /admin/cohorts/:slug/participants/:participantId/data': 'personal-data',
  'GET /admin/cohorts/:slug/participants/:participantId/data.json': 'personal-data',
  'POST /admin/cohorts/:slug/participants/:participantId/erase': 'personal-data',
};

export async function permissionsOf(sql: Sql, account: AdminAccount, slug: string | undefined): Promise<May> {
  const outside = account.role === 'manager' && account.limited && (slug === undefined || !(await managesCohort(sql, account.id, slug)));
  return (permission) => grants(account.role, permission) && !(outside && slug !== undefined && COHORT_BOUND.includes(permission));
}

/**
 * Refuses a request the account's role does not allow (403), before its handler reads anything. The route is
 * the one that will answer: the first handler matched (`/cohorts/new` before `/cohorts/:slug`), not middleware.
 * A path no handler matches falls through to the 404.
 */
export function checkPermissions(sql: Sql): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const path = matchedRoutes(c).find((route) => route.method !== 'ALL')?.path;
    const needed = ROUTE_PERMISSIONS[`${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${path}`];
    const slug = cohortSlugOf(c.req.path.match(/^\/admin\/cohorts\/([^/]+)/)?.[1]);
    const may = await permissionsOf(sql, c.var.account, slug);
    if (path !== undefined && (needed === undefined || !may(needed))) throw new Refused(403, 'error.page.notAllowed');
    if (path !== undefined && !SETTING_UP.includes(`${c.req.method} ${path}`) && (await secondFactorMissing(sql, c.var.account))) {
      return c.redirect('/admin/account?notice=secondFactorRequired#second-factor', 303);
    }
    c.set('may', may);
    await next();
  };
}

/** What an owner without the second factor the organisation requires may still do: set it up, or leave. */
const SETTING_UP = ['GET /admin/account', 'POST /admin/account/second-factor', 'POST /admin/logout'];

const secondFactorMissing = async (sql: Sql, account: AdminAccount) =>
  account.role === 'owner' && !account.secondFactor && (await accountPolicy(sql)).ownersNeedSecondFactor;
