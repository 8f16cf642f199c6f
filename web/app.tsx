import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { createAdminApp } from './admin/app.js';
import type { WebDeps } from './deps.js';
import { createOutboxRoutes } from './dev/outbox.js';
import { createCharterRoutes } from './participant/charter.js';
import { createCheckInRoutes } from './participant/check-in.js';
import { createFinalSurveyRoutes } from './participant/final-survey.js';
import { createSurveyRoutes } from './participant/survey.js';
import { MessagePage } from './views/Layout.js';

/** The web app: admin pages, participants' links, the dev outbox and a health check. */
export function createApp(deps: WebDeps) {
  const app = new Hono();
  app.use(secureHeaders({ contentSecurityPolicy: undefined, xFrameOptions: 'SAMEORIGIN' }));
  app.use(csrf()); // form posts must come from our own pages

  app.get('/', (c) => c.redirect('/admin'));
  app.get('/health', async (c) => {
    await deps.sql`select 1`;
    return c.json({ ok: true });
  });
  app.route('/admin', createAdminApp(deps));
  app.route('/survey', createSurveyRoutes(deps));
  app.route('/charter', createCharterRoutes(deps));
  app.route('/check-in', createCheckInRoutes(deps));
  app.route('/final-survey', createFinalSurveyRoutes(deps));
  if (deps.outboxEnabled) {
    // The outbox holds every participant's personal links: admins only, even in development.
    app.use('/dev/outbox', deps.auth.requireAdmin);
    app.use('/dev/outbox/*', deps.auth.requireAdmin);
    app.route('/dev/outbox', createOutboxRoutes(deps));
  }

  app.notFound((c) => c.html(<MessagePage title="Page not found"><p>There is nothing at this address.</p></MessagePage>, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.html(<MessagePage title="Request refused"><p>{error.message}</p></MessagePage>, error.status);
    }
    console.error(error);
    return c.html(<MessagePage title="Something went wrong"><p>The error was logged. Nothing you typed was saved; please try again.</p></MessagePage>, 500);
  });
  return app;
}
