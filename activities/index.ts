import type { Sql } from '../db/sql.js';
import type { LinkSigner } from '../domain/link-tokens.js';
import { createMailer } from './email/mailer.js';
import type { EmailSender } from './email/sender.js';
import { createSurveyActivities } from './survey.js';

export interface ActivityDeps {
  sql: Sql;
  sender: EmailSender;
  from: string;
  links: LinkSigner;
  publicBaseUrl: string;
}

/** Everything the worker registers, built from real clients in production and from fakes in tests. */
export function createActivities(deps: ActivityDeps) {
  const sendMessage = createMailer(deps);
  return {
    ...createSurveyActivities({ ...deps, sendMessage }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
