import { createElement } from 'react';
import { getCohort } from '../db/cohorts.js';
import { countOpenPairs, pairReportRows, saveCohortReport } from '../db/report.js';
import type { Sql } from '../db/sql.js';
import { cohortReport, type CohortReport as Report } from '../domain/report.js';
import CohortReport from '../emails/CohortReport.js';
import type { SendMessage } from './email/mailer.js';

/** The end of a cohort: how many pairs are still open, then the report, stored and sent to the admin. */
export function createCohortReportActivities(deps: { sql: Sql; sendMessage: SendMessage; publicBaseUrl: string; adminAlertsTo?: string }) {
  return {
    async countOpenPairs({ cohortId }: { cohortId: string }): Promise<{ open: number }> {
      return { open: await countOpenPairs(deps.sql, cohortId) };
    },

    async closeCohort({ cohortId }: { cohortId: string }): Promise<Report> {
      const cohort = await getCohort(deps.sql, cohortId);
      if (!cohort) throw new Error(`Cohort ${cohortId} is not in the database`);
      const report = cohortReport(await pairReportRows(deps.sql, cohortId));
      await saveCohortReport(deps.sql, cohortId, report);
      if (deps.adminAlertsTo) {
        await deps.sendMessage({
          idempotencyKey: `cohort-report:${cohortId}`,
          kind: 'cohort-report',
          cohortId,
          to: { name: 'Tandem admin', email: deps.adminAlertsTo },
          subject: `${cohort.name} is closed: the report`,
          body: createElement(CohortReport, { cohortName: cohort.name, report, reportUrl: `${deps.publicBaseUrl}/admin/cohorts/${cohort.slug}#report` }),
        });
      }
      return report;
    },
  };
}
