import { getCohort } from '../db/cohorts.js';
import { forgetFullRequest, getEnrolmentRequest } from '../db/enrolment.js';
import type { Sql } from '../db/sql.js';
import { CONFIRMATION_VALID_MS } from '../domain/enrolment-form.js';
import type { LinkSigner } from '../domain/link-tokens.js';
import { translator } from '../i18n/translator.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import type { Notifier } from './notifications/notify.js';

/** Sign-ups through a cohort's public link: the email that asks each to confirm their address. */
export function createEnrolmentActivities({
  sql,
  notifier,
  links,
  publicBaseUrl,
}: {
  sql: Sql;
  notifier: Notifier;
  links: LinkSigner;
  publicBaseUrl: string;
}) {
  return {
    /**
     * One email per sign-up, once (its key names the request): the link to confirm, or word that the cohort is
     * full (then the request goes). A sign-up removed or confirmed meanwhile gets none.
     */
    async sendEnrolmentConfirmations({ requestIds }: { requestIds: string[] }): Promise<{ sent: number }> {
      let sent = 0;
      for (const id of requestIds) {
        const request = await getEnrolmentRequest(sql, id);
        const cohort = request && !request.confirmedAt ? await getCohort(sql, request.cohortId) : undefined;
        if (!request || !cohort) continue;
        const text = translator(request.language ?? cohort.language, cohort.timeZone);
        if (request.cohortFull) {
          const delivery = await notifier.notify(NOTIFICATIONS.enrolmentFull, {
            cohortId: cohort.id,
            to: { name: request.name, email: request.email },
            says: { locale: text.locale, name: request.name, cohortName: cohort.name, role: request.role, requestId: request.id },
          });
          if (delivery === 'sent') sent++;
          await forgetFullRequest(sql, request.id);
          continue;
        }
        const expiresAt = request.requestedAt.getTime() + CONFIRMATION_VALID_MS;
        const delivery = await notifier.notify(NOTIFICATIONS.enrolmentConfirmation, {
          cohortId: cohort.id,
          to: { name: request.name, email: request.email },
          says: {
            locale: text.locale,
            name: request.name,
            cohortName: cohort.name,
            role: request.role,
            requestId: request.id,
            confirm: {
              url: `${publicBaseUrl}/join/confirm/${links.sign({ scope: 'enrolment', participantId: request.id, subjectId: cohort.id, expiresAt })}`,
              validUntil: text.instant(expiresAt),
            },
          },
        });
        if (delivery === 'sent') sent++;
      }
      return { sent };
    },
  };
}
