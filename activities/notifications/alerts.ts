import { getCohort } from '../../db/cohorts.js';
import { getAlertByKey, insertAlert } from '../../db/pair-lifecycle.js';
import type { Sql } from '../../db/sql.js';
import { alertText, type AlertDetails } from '../../domain/alerts.js';
import { translator } from '../../i18n/translator.js';
import { NOTIFICATIONS } from './catalogue.js';
import type { Notifier } from './notify.js';

/**
 * What needs a cohort's admin: stored for the admin pages, and emailed to ADMIN_EMAIL. The row is stored
 * once per key, naming people by id; the email is worded from it and tried on every call, so a retry after a
 * failed send still sends it (once: the mail's own idempotency key sees to that).
 */
export function createAdminAlerts({
  sql,
  notifier,
  publicBaseUrl,
}: {
  sql: Sql;
  notifier: Pick<Notifier, 'notify'>;
  publicBaseUrl: string;
}) {
  return async function alertAdmin(alert: { cohortId: string; pairId?: string; key: string; details: AlertDetails }): Promise<void> {
    await insertAlert(sql, alert);
    const [cohort, stored] = await Promise.all([getCohort(sql, alert.cohortId), getAlertByKey(sql, alert.key)]);
    if (!cohort || !stored) return;
    await notifier.notify(NOTIFICATIONS.adminAlert, {
      cohortId: cohort.id,
      says: {
        locale: cohort.language,
        cohortName: cohort.name,
        message: alertText(stored, translator(cohort.language, cohort.timeZone)),
        cohortUrl: `${publicBaseUrl}/admin/cohorts/${cohort.slug}`,
        alertKey: alert.key,
      },
    });
  };
}

export type AlertAdmin = ReturnType<typeof createAdminAlerts>;
