import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createOutboxSender } from '../activities/email/outbox-sender.js';
import { createResendSender } from '../activities/email/resend-sender.js';
import { rewrapDataKeys, useMasterKeys } from '../db/data-keys.js';
import { createSql } from '../db/sql.js';
import { TEMPORAL_CHANNEL_ARGS, loadConfig } from '../domain/config.js';
import { createLinkSigner } from '../domain/link-tokens.js';
import { encryptedDataConverter } from '../domain/payload-encryption.js';
import { createWorker, workflowSource } from './create-worker.js';
import { cacheProblem } from './memory.js';
import { runsLeftBehind } from './versions.js';
import { startSignalRelay } from './signal-relay.js';

const config = loadConfig(process.env);
const tooBig = cacheProblem(config.workerCachedWorkflows);
if (tooBig) {
  console.error(tooBig);
  process.exit(1);
}
Runtime.install({ logger: new DefaultLogger('WARN') }); // routine worker chatter stays out of the console
const sql = createSql(config.databaseUrl);
useMasterKeys(config.payloadKeys);
// After a key rotation, participants' data keys are wrapped again by the new master key, in the background.
void rewrapDataKeys(sql).then(
  (n) => n > 0 && console.log(`Wrapped ${n} participants' data keys with master key "${config.payloadKeys[0]!.id}"`),
  (error: Error) => console.error(`Wrapping data keys with the new master key failed: ${error.message}`),
);
const { address, namespace, taskQueue } = config.temporal;
const dataConverter = encryptedDataConverter(config.payloadKeys);
const connection = await NativeConnection.connect({ address });
// Activities start and signal pair workflows through a client of their own.
const clientConnection = await Connection.connect({ address, channelArgs: TEMPORAL_CHANNEL_ARGS });
const client = new Client({ connection: clientConnection, namespace, dataConverter });
const leftBehind = await runsLeftBehind(client);
if (leftBehind) {
  console.error(leftBehind);
  process.exit(1);
}
const worker = await createWorker({
  connection,
  namespace,
  taskQueue,
  dataConverter,
  maxCachedWorkflows: config.workerCachedWorkflows,
  sql,
  sender: config.email.resend ? createResendSender(config.email.resend) : createOutboxSender(sql),
  from: config.email.from,
  links: createLinkSigner(config.linkSecret),
  publicBaseUrl: config.publicBaseUrl,
  temporal: { client, taskQueue },
  ...(config.email.adminAlertsTo ? { adminAlertsTo: config.email.adminAlertsTo } : {}),
});
// Answers stored by the web app reach their workflows through this worker.
const relay = startSignalRelay({ sql, client });
console.log(`Worker polling task queue "${taskQueue}" on ${address}; workflows from ${workflowSource({})}`);
await worker.run(); // returns after SIGINT/SIGTERM, once in-flight tasks have finished
await relay.stop();
await Promise.all([connection.close(), clientConnection.close(), sql.end()]);
