import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { csrf } from 'hono/csrf';
import { createAdminApp } from './admin/app.js';
import { ASSETS, createAssetRoutes } from './assets.js';
import { brandPages, createBrandRoutes } from './brand.js';
import { createCodecRoutes } from './codec.js';
import type { WebDeps } from './deps.js';
import { createOutboxRoutes } from './dev/outbox.js';
import { notFound, onError } from './errors.js';
import { bodyLimits, deadline, securityHeaders } from './guards.js';
import { observeRequests } from './observe.js';
import { createHealthRoutes } from './health.js';
import { createCharterRoutes } from './participant/charter.js';
import { createCheckInRoutes } from './participant/check-in.js';
import { createEnrolmentRoutes } from './participant/enrolment.js';
import { createNewPartnerRoutes } from './participant/new-partner.js';
import { createFinalSurveyRoutes } from './participant/final-survey.js';
import { createSurveyRoutes } from './participant/survey.js';
import { createWebhookRoutes } from './webhooks.js';

/** A page answers within this, whatever is slow behind it. */
const PAGE_DEADLINE_MS = 5_000;

/** The web app: admin pages, participants' links, the dev outbox, assets and a health check. */
export function createApp(deps: WebDeps) {
  const app = new Hono();
  app.use(...observeRequests(deps.metrics));
  app.use(securityHeaders);
  app.use(bodyLimits);
  app.use(csrf()); // form posts must come from our own pages
  app.use(deadline(PAGE_DEADLINE_MS));
  app.use(contextStorage()); // the layout reads the organisation of the request
  app.use(brandPages(deps.sql));

  app.get('/', (c) => c.redirect('/admin'));
  app.get('/favicon.ico', (c) => c.redirect(ASSETS.favicon, 301)); // for clients that ask before reading the page

  app.route('/assets', createAssetRoutes());
  app.route('/brand', createBrandRoutes(deps.sql));
  app.route('/health', createHealthRoutes(deps));
  app.route(
    '/codec',
    createCodecRoutes({ ...deps.codec, auth: deps.auth, namespace: deps.temporalUi.namespace, uiUrl: deps.temporalUi.url }),
  );
  app.route('/admin', createAdminApp(deps));
  if (deps.emailWebhook) app.route('/webhooks', createWebhookRoutes({ sql: deps.sql, resend: deps.emailWebhook }));
  app.route('/survey', createSurveyRoutes(deps));
  app.route('/charter', createCharterRoutes(deps));
  app.route('/check-in', createCheckInRoutes(deps));
  app.route('/final-survey', createFinalSurveyRoutes(deps));
  app.route('/join', createEnrolmentRoutes(deps));
  app.route('/new-partner', createNewPartnerRoutes(deps));
  if (deps.outboxEnabled) {
    // The outbox holds every participant's personal links: admins only, even in development.
    app.use('/dev/outbox', deps.auth.requireAdmin);
    app.use('/dev/outbox/*', deps.auth.requireAdmin);
    app.route('/dev/outbox', createOutboxRoutes(deps));
  }
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
