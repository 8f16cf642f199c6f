import { Hono } from 'hono';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { cohortUploadLimit, createCohortRoutes } from './cohorts.js';
import { createLoginRoutes } from './login.js';
import { createMatchingRoutes } from './matching.js';
import { createPairRoutes } from './pairs.js';

/** Everything under /admin: the login form is open, the rest needs a session and a CSRF token on posts. */
export function createAdminApp(deps: WebDeps) {
  const admin = new Hono<AdminEnv>();
  admin.route('/', createLoginRoutes(deps));
  admin.post('/cohorts', cohortUploadLimit);
  admin.use('*', deps.auth.requireAdmin);
  admin.post('/logout', (c) => {
    deps.auth.logOut(c);
    return c.redirect('/admin/login', 303);
  });
  admin.route('/', createCohortRoutes(deps));
  admin.route('/', createMatchingRoutes(deps));
  admin.route('/', createPairRoutes(deps));
  return admin;
}
