import { Hono } from 'hono';
import { openSystemAlerts } from '../../db/system-alerts.js';
import { translator } from '../../i18n/translator.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { createCohortRoutes } from './cohorts.js';
import { createLoginRoutes } from './login.js';
import { createMatchingRoutes } from './matching.js';
import { createPairRoutes } from './pairs.js';
import { createParticipantRoutes } from './participants.js';

/** Everything under /admin: the login form is open, the rest needs a session and a CSRF token on posts. */
export function createAdminApp(deps: WebDeps) {
  const admin = new Hono<AdminEnv>();
  admin.route('/', createLoginRoutes(deps));
  admin.use('*', deps.auth.requireAdmin);
  // Every admin page shows what the operator must know (the mail account refused, a step failing again and again).
  admin.use('*', async (c, next) => {
    c.set('admin', { csrf: c.var.csrfToken, systemAlerts: await openSystemAlerts(deps.sql), text: translator('en', c.var.adminTimeZone) });
    await next();
  });
  admin.post('/logout', async (c) => {
    await deps.auth.logOut(c);
    return c.redirect('/admin/login', 303);
  });
  admin.route('/', createCohortRoutes(deps));
  admin.route('/', createMatchingRoutes(deps));
  admin.route('/', createPairRoutes(deps));
  admin.route('/', createParticipantRoutes(deps));
  return admin;
}
