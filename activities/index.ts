import type { Client } from '@temporalio/client';
import type { Sql } from '../db/sql.js';
import type { LinkSigner } from '../domain/link-tokens.js';
import type { Metrics } from '../observability/metrics.js';
import { createAccountEmailActivities } from './account-emails.js';
import { createBounceActivities, type AlertBounce } from './bounces.js';
import { createAnswerWindowActivities } from './answer-windows.js';
import { createCharterActivities } from './charter.js';
import { createCheckInActivities } from './check-ins.js';
import { createCohortReportActivities } from './cohort-report.js';
import { createEnrolmentActivities } from './enrolment.js';
import { createProgrammeEndActivities } from './programme-end.js';
import { createRetentionActivities } from './retention.js';
import type { EmailSender } from './email/sender.js';
import { createMatchingActivities } from './matching.js';
import { createMeetingActivities } from './meetings.js';
import { createAdminAlerts, type AlertAdmin } from './notifications/alerts.js';
import { createNotifier } from './notifications/notify.js';
import { createPairClosingActivities } from './pair-closing.js';
import { createPairActivities } from './pairs.js';
import { createPauseActivities } from './pause.js';
import { createSurveyActivities } from './survey.js';

export interface ActivityDeps {
  sql: Sql;
  sender: EmailSender;
  from: string;
  links: LinkSigner;
  publicBaseUrl: string;
  /** Only to start pair workflows: workflows tell each other from workflow code. */
  temporal: { client: Client; taskQueue: string };
  /** Where alerts about pairs are emailed, if anywhere. */
  adminAlertsTo?: string;
  /** The worker's Prometheus series: emails by kind and outcome, matching runs. */
  metrics: Metrics;
}

/** Everything the worker registers, built from real clients in production and from fakes in tests. */
export function createActivities(deps: ActivityDeps) {
  const { temporal, ...rest } = deps; // Temporal's client starts pair workflows, and nothing else
  // A refused address alerts the admin, whose alert is itself an email: the two are tied after both exist.
  let alertAdmin: AlertAdmin = async () => {};
  // One alert per person whose address is refused, at sending or later (the provider's webhook).
  const alertBounce: AlertBounce = ({ cohortId, participantId, reason }) =>
    alertAdmin({ cohortId, key: `bounce:${participantId}`, details: { kind: 'bounce', participantId, reason } });
  const notifier = createNotifier({ ...rest, onBounce: alertBounce });
  alertAdmin = createAdminAlerts({ sql: rest.sql, notifier, publicBaseUrl: rest.publicBaseUrl });
  const pairDeps = { ...rest, notifier, alertAdmin };
  return {
    ...createSurveyActivities(pairDeps),
    ...createMatchingActivities(rest),
    ...createPairActivities({ sql: rest.sql, temporal }),
    ...createCharterActivities(pairDeps),
    ...createCheckInActivities(pairDeps),
    ...createMeetingActivities(pairDeps),
    ...createPauseActivities(pairDeps),
    ...createPairClosingActivities(pairDeps),
    ...createAnswerWindowActivities(rest),
    ...createCohortReportActivities(pairDeps),
    ...createRetentionActivities(rest),
    ...createEnrolmentActivities({ ...rest, notifier }),
    ...createProgrammeEndActivities(pairDeps),
    ...createAccountEmailActivities({ ...rest, notifier }),
    ...createBounceActivities({ sql: rest.sql, alertBounce }),
  };
}

export type Activities = ReturnType<typeof createActivities>;

/** The activities that run on the email task queue, one request to the mail provider each. */
export const EMAIL_QUEUE_ACTIVITIES = ['sendSurveyMailingBatch'] as const satisfies readonly (keyof Activities)[];
export type EmailQueueActivity = (typeof EMAIL_QUEUE_ACTIVITIES)[number];
