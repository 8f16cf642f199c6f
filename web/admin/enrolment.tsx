import { Hono } from 'hono';
import { closeEnrolment, getEnrolment, openEnrolment, removeEnrolmentRequest } from '../../db/enrolment.js';
import { enrolmentSettingsSchema } from '../../domain/enrolment-form.js';
import type { CohortEnv } from './cohort-loader.js';
import type { WebDeps } from '../deps.js';
import { checkForm } from '../form-body.js';
import { enrolmentLink, qrCodeSvg } from './qr-code.js';

/** The admin's actions on a cohort's public sign-up link; each returns to the cohort's page, saying what it did. */
export function createEnrolmentAdminRoutes({ sql }: WebDeps) {
  const back = (slug: string, said: string) => `/admin/cohorts/${slug}?${said}#enrolment`;
  return new Hono<CohortEnv>()
    .post('/cohorts/:slug/enrolment/open', async (c) => {
      const { cohort } = c.var;
      const settings = await checkForm(c, enrolmentSettingsSchema);
      if (!settings.ok) return c.redirect(back(cohort.slug, 'problem=enrolmentCap'), 303);
      await openEnrolment(sql, cohort.id, settings.data.cap);
      return c.redirect(back(cohort.slug, 'notice=enrolmentOpened'), 303);
    })
    .get('/cohorts/:slug/enrolment/qr.svg', async (c) => {
      const { cohort } = c.var;
      const enrolment = await getEnrolment(sql, cohort.id);
      if (!enrolment.open || !enrolment.key) return c.notFound();
      c.header('content-type', 'image/svg+xml');
      c.header('content-disposition', `attachment; filename="${cohort.slug}-sign-up.svg"`);
      return c.body(await qrCodeSvg(enrolmentLink(new URL(c.req.url).origin, enrolment.key)));
    })
    .post('/cohorts/:slug/enrolment/close', async (c) => {
      const { cohort } = c.var;
      await closeEnrolment(sql, cohort.id);
      return c.redirect(back(cohort.slug, 'notice=enrolmentClosed'), 303);
    })
    .post('/cohorts/:slug/enrolment/requests/:requestId/remove', async (c) => {
      const { cohort } = c.var;
      const requestId = c.req.param('requestId');
      if (!/^[0-9a-f-]{36}$/.test(requestId) || !(await removeEnrolmentRequest(sql, cohort.id, requestId))) return c.notFound();
      return c.redirect(back(cohort.slug, 'notice=signUpRemoved'), 303);
    });
}
