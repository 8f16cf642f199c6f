import { Hono } from 'hono';
import { openSystemAlerts } from '../../db/system-alerts.js';
import { preferredLocale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { createAccountLinkRoutes } from './account-links.js';
import { createAccountRoutes } from './accounts.js';
import { createAuditRoutes } from './audit.js';
import { createMyAccountRoutes } from './my-account.js';
import { loadCohort } from './cohort-loader.js';
import { createCohortRoutes } from './cohorts.js';
import { createEnrolmentAdminRoutes } from './enrolment.js';
import { createLoginRoutes } from './login.js';
import { createMatchingRoutes } from './matching.js';
import { createOrganisationRoutes } from './organisation.js';
import { createPairRoutes } from './pairs.js';
import { createParticipantRoutes } from './participants.js';
import { checkPermissions } from './permissions.js';
import { createSsoRoutes } from './sso.js';

/**
 * Everything under /admin: the login form and the links of invitations and resets are open; the rest needs a
 * session, a CSRF token on posts, and the role its route asks for.
 */
export function createAdminApp(deps: WebDeps) {
  const admin = new Hono<AdminEnv>();
  admin.route('/', createLoginRoutes(deps));
  admin.route('/', createAccountLinkRoutes(deps));
  admin.route('/', createSsoRoutes(deps));
  admin.use('*', deps.auth.requireAdmin);
  admin.use('*', checkPermissions(deps.sql));
  // Every admin page shows what the operator must know (the mail account refused, a step failing again and again),
  // in the browser's language, with dates in the zone it logged in from.
  admin.use('*', async (c, next) => {
    const text = translator(preferredLocale(c.req.header('accept-language')), c.var.adminTimeZone);
    const systemAlerts = await openSystemAlerts(deps.sql);
    c.set('admin', { csrf: c.var.csrfToken, systemAlerts, text, account: c.var.account, may: c.var.may });
    await next();
    c.header('vary', 'Accept-Language', { append: true });
  });
  admin.use('/cohorts/:slug', loadCohort(deps.sql));
  admin.use('/cohorts/:slug/*', loadCohort(deps.sql));
  admin.post('/logout', async (c) => {
    await deps.auth.logOut(c);
    return c.redirect('/admin/login', 303);
  });
  admin.route('/', createCohortRoutes(deps));
  admin.route('/', createEnrolmentAdminRoutes(deps));
  admin.route('/', createMatchingRoutes(deps));
  admin.route('/', createPairRoutes(deps));
  admin.route('/', createParticipantRoutes(deps));
  admin.route('/', createOrganisationRoutes(deps));
  admin.route('/', createAccountRoutes(deps));
  admin.route('/', createMyAccountRoutes(deps));
  admin.route('/', createAuditRoutes(deps));
  return admin;
}
