import type { Alert } from '../../db/pair-lifecycle.js';
import { alertText, groupAlerts, type AlertGroup } from '../../domain/alerts.js';
import type { Translator } from '../../i18n/translator.js';
import { IfAllowed } from '../views/allowed.js';
import { useTranslator } from '../views/language.js';

/** The pair an alert group is about, by its people's names as their rows hold them now. */
function groupTitle(group: AlertGroup<Alert>, { t }: Translator): string {
  if (group.pairId === null) return t('admin.cohort.alerts.cohort');
  const named = group.alerts.find((a) => a.details && 'menteeId' in a.details);
  if (!named?.details || !('menteeId' in named.details)) return t('admin.cohort.alerts.pair');
  const name = (id: string) => named.people[id]?.name ?? t('alert.erasedPerson');
  return t('admin.cohort.alerts.pairOf', { mentee: name(named.details.menteeId), mentor: name(named.details.mentorId) });
}

/**
 * What needs the admin, first on the cohort's page: alerts grouped by pair, the most severe first, each group
 * linked to its pair's page. An alert goes once marked as dealt with, or once its pair has ended.
 */
export function AlertsCard({ slug, alerts, csrf }: { slug: string; alerts: Alert[]; csrf: string }) {
  const text = useTranslator();
  const { t, instant } = text;
  return (
    <div class="card" id="alerts">
      <h2>{t('admin.cohort.alerts.heading', { count: alerts.length })}</h2>
      {groupAlerts(alerts).map((group) => (
        <section class="alert-group" data-alert-group={group.pairId ?? 'cohort'} data-severity={group.severity}>
          <h3>
            <span class={`badge severity-${group.severity}`}>{t(`admin.cohort.alerts.severity.${group.severity}`)}</span>{' '}
            {group.pairId ? (
              <a href={`/admin/cohorts/${slug}/pairs/${group.pairId}`}>{groupTitle(group, text)}</a>
            ) : (
              groupTitle(group, text)
            )}
          </h3>
          <ul>
            {group.alerts.map((a) => (
              <li data-alert>
                {t('admin.cohort.alerts.item', { at: instant(a.createdAt), message: alertText(a, text) })}{' '}
                <IfAllowed to="run">
                  <form method="post" action={`/admin/cohorts/${slug}/alerts/${a.id}/acknowledge`} class="inline">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button
                      class="secondary"
                      type="submit"
                      aria-label={t('admin.cohort.alerts.dealtWithLabel', { message: alertText(a, text) })}
                    >
                      {t('admin.cohort.alerts.dealtWith')}
                    </button>
                  </form>
                </IfAllowed>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
