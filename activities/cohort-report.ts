import { getCohort } from '../db/cohorts.js';
import { commentTexts, countOpenPairs, pairReportRows, saveCohortReport } from '../db/report.js';
import type { Sql } from '../db/sql.js';
import { cohortReport, type CohortReport } from '../domain/report.js';
import { notFound } from './not-found.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import type { Notifier } from './notifications/notify.js';

/** The end of a cohort: how many pairs are still open, then the report, stored and sent to the admin. */
export function createCohortReportActivities(deps: { sql: Sql; notifier: Notifier; publicBaseUrl: string }) {
  return {
    async countOpenPairs({ cohortId }: { cohortId: string }): Promise<{ open: number }> {
      return { open: await countOpenPairs(deps.sql, cohortId) };
    },

    async closeCohort({ cohortId }: { cohortId: string }): Promise<CohortReport> {
      const cohort = await getCohort(deps.sql, cohortId);
      if (!cohort) throw notFound(`Cohort ${cohortId}`);
      const report = cohortReport(await pairReportRows(deps.sql, cohortId), { flash: cohort.schedule.flash !== undefined });
      await saveCohortReport(deps.sql, cohortId, report);
      await deps.notifier.notify(NOTIFICATIONS.cohortReport, {
        cohortId,
        says: {
          locale: cohort.language,
          cohortName: cohort.name,
          report,
          comments: await commentTexts(deps.sql, report.comments),
          reportUrl: `${deps.publicBaseUrl}/admin/cohorts/${cohort.slug}#report`,
          cohortId,
        },
      });
      return report;
    },
  };
}
