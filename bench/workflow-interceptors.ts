/**
 * `npm run bench:interceptors`: what workflow interceptors cost every workflow a worker loads. Replays the recorded
 * histories (test/histories/*.json), five times, with the workflows bundled three ways: no interceptor, Tandem's
 * trace-header copy (workflows/trace-propagation.ts), and the OpenTelemetry package's own workflow interceptors
 * (with their sink). Prints one JSON line per round.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { EncryptionCodec, parsePayloadKeys } from '../domain/payload-encryption.js';
import { PAYLOAD_KEYS } from '../test/helpers/keys.js';
import { WORKFLOWS_PATH, WORKFLOW_INTERCEPTORS } from '../worker/create-worker.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const HISTORIES = path.resolve(import.meta.dirname, '../test/histories');
const ROUNDS = 5;
const quiet = { trace() {}, debug() {}, info() {}, log() {}, warn() {}, error: console.error };
const dataConverter = { payloadCodecs: [new EncryptionCodec(parsePayloadKeys(PAYLOAD_KEYS))] };
const files = (await readdir(HISTORIES)).filter((f) => f.endsWith('.json'));
const histories = await Promise.all(files.map(async (f) => historyFromJSON(JSON.parse(await readFile(path.join(HISTORIES, f), 'utf8')))));
const otelModules = [createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];
const ways = {
  none: { modules: [], plugins: [] },
  'trace-header copy': { modules: WORKFLOW_INTERCEPTORS, plugins: [] },
  'OpenTelemetry workflow interceptors': {
    modules: otelModules,
    plugins: [new OpenTelemetryPlugin({ resource: new Resource({}), spanProcessor: new NoopSpanProcessor() })],
  },
};

for (let round = 1; round <= 2; round++)
  for (const [way, { modules, plugins }] of Object.entries(ways)) {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: modules, logger: quiet });
    const started = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      const replays = Worker.runReplayHistories(
        { workflowBundle: { code }, dataConverter, plugins },
        histories.map((history, n) => ({ history, workflowId: `replay-${n}` })),
      );
      for await (const result of replays) if (result.error) throw result.error;
    }
    const ms = Math.round(performance.now() - started);
    console.log(JSON.stringify({ round, way, bundleKB: Math.round(code.length / 1024), replays: histories.length * ROUNDS, ms }));
  }
