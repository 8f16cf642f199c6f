import { serve } from '@hono/node-server';
import { ensureFirstOwner } from '../db/admin-accounts.js';
import { useMasterKeys } from '../db/data-keys.js';
import { createSql } from '../db/sql.js';
import { loadConfig } from '../domain/config.js';
import { createLinkSigner } from '../domain/link-tokens.js';
import { hashPassword } from '../domain/password-hash.js';
import { EncryptionCodec } from '../domain/payload-encryption.js';
import { logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { serveMetrics } from '../observability/metrics-server.js';
import { startTracing, tracedClient } from '../observability/tracing.js';
import { createApp } from './app.js';
import { createAdminAuth } from './auth.js';
import { createSso } from './sso.js';
import { connectForPages, createWorkflowClient } from './workflow-client.js';

const config = loadConfig(process.env);
logger.level = config.logLevel;
const metrics = createMetrics();
const tracing = startTracing('tandem-web', { otlpUrl: config.otlpUrl });
const sql = createSql(config.databaseUrl);
useMasterKeys(config.payloadKeys);
// Lazy: the web app starts, and its pages say so, while Temporal is still coming up.
const connection = connectForPages(config.temporal.address);
const codec = new EncryptionCodec(config.payloadKeys);
const app = createApp({
  sql,
  workflows: createWorkflowClient({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataConverter: { payloadCodecs: [codec] },
    interceptors: tracedClient(),
  }),
  links: createLinkSigner(config.linkSecret),
  auth: createAdminAuth({
    sessionSecret: config.admin.sessionSecret,
    trustProxy: config.admin.trustProxy,
    secureCookies: config.publicBaseUrl.startsWith('https://'),
    sql,
  }),
  temporalUi: { url: config.temporal.uiUrl, namespace: config.temporal.namespace },
  codec: { codec, ...(config.codecToken ? { token: config.codecToken } : {}) },
  outboxEnabled: !config.email.resend,
  ...(config.email.resend?.webhookSecret
    ? { emailWebhook: { apiKey: config.email.resend.apiKey, webhookSecret: config.email.resend.webhookSecret } }
    : {}),
  metrics,
  ...(config.sso ? { sso: createSso(config.sso, config.publicBaseUrl) } : {}),
});
/**
 * The first start (or the first after accounts came): the configured admin becomes the owner. In the background,
 * tried again until the database answers: the web app serves its pages (saying what is down) meanwhile.
 */
async function firstOwner(): Promise<void> {
  for (;;) {
    try {
      const created = await ensureFirstOwner(sql, {
        login: config.admin.user,
        passwordHash: () => hashPassword(config.admin.password),
        email: config.email.adminAlertsTo,
      });
      if (created) logger.info(`The admin "${config.admin.user}" is the owner of this Tandem: invite others from the Accounts page.`);
      return;
    } catch (error) {
      logger.warn(`Could not check the first owner yet (${(error as Error).message}); trying again in 2 s.`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}
void firstOwner();
const server = serve({ fetch: app.fetch, port: config.port }, () =>
  logger.info(`Web app listening on ${config.publicBaseUrl} (port ${config.port})`),
);
const metricsServer = config.metrics.port ? await serveMetrics(metrics.registry, config.metrics.port) : undefined;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(async () => {
      await Promise.all([sql.end(), connection.close(), metricsServer?.close(), tracing.shutdown()]);
      process.exit(0);
    });
  });
}
