import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createOutboxSender } from '../activities/email/outbox-sender.js';
import { createResendSender } from '../activities/email/resend-sender.js';
import { rewrapDataKeys, useMasterKeys } from '../db/data-keys.js';
import { createSql } from '../db/sql.js';
import { TEMPORAL_CHANNEL_ARGS, loadConfig } from '../domain/config.js';
import { createLinkSigner } from '../domain/link-tokens.js';
import { encryptedDataConverter } from '../domain/payload-encryption.js';
import { readRelayBacklog } from '../db/relay-backlog.js';
import { logger } from '../observability/logger.js';
import { addStateGauges, createMetrics } from '../observability/metrics.js';
import { serveMetrics } from '../observability/metrics-server.js';
import { startTracing, tracedClient } from '../observability/tracing.js';
import { emailTaskQueue } from '../domain/mailing.js';
import { createWorkers, workflowSource } from './create-worker.js';
import { cacheProblem } from './memory.js';
import { countOpenWorkflows } from './open-workflows.js';
import { installRuntime } from './runtime.js';
import { runsLeftBehind } from './versions.js';
import { startSignalRelay } from './signal-relay.js';

const config = loadConfig(process.env);
logger.level = config.logLevel;
const tooBig = cacheProblem(config.workerCachedWorkflows);
if (tooBig) {
  logger.fatal(tooBig);
  process.exit(1);
}
installRuntime(config);
const tracing = startTracing('tandem-worker', { otlpUrl: config.otlpUrl });
const sql = createSql(config.databaseUrl);
const metrics = createMetrics();
useMasterKeys(config.payloadKeys);
// After a key rotation, participants' data keys are wrapped again by the new master key, in the background.
void rewrapDataKeys(sql).then(
  (n) => n > 0 && logger.info(`Wrapped ${n} participants' data keys with master key "${config.payloadKeys[0]!.id}"`),
  (error: Error) => logger.error(`Wrapping data keys with the new master key failed: ${error.message}`),
);
const { address, namespace, taskQueue } = config.temporal;
const dataConverter = encryptedDataConverter(config.payloadKeys);
const connection = await NativeConnection.connect({ address });
// Activities start and signal pair workflows through a client of their own.
const clientConnection = await Connection.connect({ address, channelArgs: TEMPORAL_CHANNEL_ARGS });
const client = new Client({ connection: clientConnection, namespace, dataConverter, interceptors: tracedClient() });
const leftBehind = await runsLeftBehind(client);
if (leftBehind) {
  logger.fatal(leftBehind);
  process.exit(1);
}
const workers = await createWorkers({
  connection,
  namespace,
  taskQueue,
  dataConverter,
  maxCachedWorkflows: config.workerCachedWorkflows,
  emailRequestsPerSecond: config.email.requestsPerSecond,
  sql,
  sender: config.email.resend ? createResendSender(config.email.resend) : createOutboxSender(sql),
  from: config.email.from,
  links: createLinkSigner(config.linkSecret),
  publicBaseUrl: config.publicBaseUrl,
  temporal: { client, taskQueue },
  metrics,
  ...(config.email.adminAlertsTo ? { adminAlertsTo: config.email.adminAlertsTo } : {}),
});
// Answers stored by the web app reach their workflows through this worker.
const relay = startSignalRelay({ sql, client, metrics });
addStateGauges(metrics, { relay: () => readRelayBacklog(sql), workflows: () => countOpenWorkflows(client) }, (error) =>
  logger.warn(`Metrics: a gauge's source did not answer (${error.message})`),
);
const metricsServer = config.metrics.port ? await serveMetrics(metrics.registry, config.metrics.port) : undefined;
logger.info(
  `Worker polling task queues "${taskQueue}" and "${emailTaskQueue(taskQueue)}" (${config.email.requestsPerSecond} email requests a second) on ${address}; workflows from ${workflowSource({})}`,
);
await Promise.all(workers.map((worker) => worker.run())); // returns after SIGINT/SIGTERM, once in-flight tasks have finished
await relay.stop();
await Promise.all([connection.close(), clientConnection.close(), sql.end(), metricsServer?.close(), tracing.shutdown()]);
