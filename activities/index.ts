import type { Client } from '@temporalio/client';
import type { Sql } from '../db/sql.js';
import type { LinkSigner } from '../domain/link-tokens.js';
import { createAnswerWindowActivities } from './answer-windows.js';
import { createMailer } from './email/mailer.js';
import type { EmailSender } from './email/sender.js';
import { createPairLifecycleActivities } from './pair-lifecycle.js';
import { createCohortReportActivities } from './cohort-report.js';
import { createMatchingActivities } from './matching.js';
import { createPairActivities } from './pairs.js';
import { createSurveyActivities } from './survey.js';

export interface ActivityDeps {
  sql: Sql;
  sender: EmailSender;
  from: string;
  links: LinkSigner;
  publicBaseUrl: string;
  temporal: { client: Client; taskQueue: string };
  /** Where alerts about pairs are emailed, if anywhere. */
  adminAlertsTo?: string;
}

/** Everything the worker registers, built from real clients in production and from fakes in tests. */
export function createActivities(deps: ActivityDeps) {
  const sendMessage = createMailer(deps);
  return {
    ...createSurveyActivities({ ...deps, sendMessage }),
    ...createMatchingActivities(deps),
    ...createPairActivities({ ...deps, sendMessage }),
    ...createPairLifecycleActivities({ ...deps, sendMessage }),
    ...createAnswerWindowActivities(deps),
    ...createCohortReportActivities({ ...deps, sendMessage }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
