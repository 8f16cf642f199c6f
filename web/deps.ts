import type { PayloadCodec } from '@temporalio/common';
import type { Sql } from '../db/sql.js';
import type { Metrics } from '../observability/metrics.js';
import type { LinkSigner } from '../domain/link-tokens.js';
import type { AdminAuthGuard } from './auth.js';
import type { Sso } from './sso.js';
import type { WorkflowClient } from './workflow-client.js';

/** What the web app is built from: real clients in production, the same door for tests. */
export interface WebDeps {
  sql: Sql;
  workflows: WorkflowClient;
  links: LinkSigner;
  auth: AdminAuthGuard;
  temporalUi: { url: string; namespace: string };
  /** Opens Tandem's encrypted payloads for the Temporal UI and CLI (see web/codec.ts). */
  codec: { codec: PayloadCodec; token?: string };
  /** The dev outbox pages exist only where mail goes to the outbox (no Resend key). */
  outboxEnabled: boolean;
  /** The web app's Prometheus series (requests, answers stored). */
  metrics: Metrics;
  /** Resend's webhook, when its signing secret is configured (bounces and complaints after sending). */
  emailWebhook?: { apiKey: string; webhookSecret: string };
  /** The organisation's OpenID provider, when admins sign in through it. */
  sso?: Sso;
}

/** Where the Temporal UI shows one workflow, for the operator's link on a cohort's or a pair's page. */
export const temporalUiLink = ({ url, namespace }: WebDeps['temporalUi'], workflowId: string) =>
  `${url}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
