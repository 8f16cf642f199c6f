/**
 * One real Temporal dev server (in memory, same binary as `npm start`), one real PostgreSQL and one workflow
 * bundle for the whole run. Test files isolate themselves with their own database and task queue.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../dev/embedded-postgres.js';
import { startTemporalDevServer } from '../../dev/temporal-server.js';
import { TEMPORAL_CLI, TEMPORAL_TEST_SERVER, TOOLS_DIR, ensureTool } from '../../dev/tools.js';
import { missingPrerequisites } from './prerequisites.js';
import { WORKFLOWS_PATH, WORKFLOW_INTERCEPTORS } from '../../worker/create-worker.js';
import { freePort } from '../../dev/ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalBinary: string;
    postgresUrl: string;
    workflowBundlePath: string;
  }
}

export default async function setup(project: TestProject) {
  // Said first, all at once, rather than as one failing test after minutes.
  const missing = missingPrerequisites(process.env, TOOLS_DIR);
  if (missing.length) throw new Error(`The tests need what this machine lacks:\n${missing.map((m) => `- ${m}`).join('\n')}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-test-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach its data folder
  // Both binaries once, here: test files that start the time-skipping server at once would each install it, over one another.
  const [temporalBinary] = await Promise.all([ensureTool(TEMPORAL_CLI), ensureTool(TEMPORAL_TEST_SERVER)]);
  const started = await Promise.allSettled([
    freePort().then((port) => startTemporalDevServer({ binary: temporalBinary, port })),
    freePort().then((port) => startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port, persistent: false })),
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTORS, logger: quietLogger }),
  ] as const);
  const [temporalStart, postgresStart, bundleStart] = started;
  if (temporalStart.status === 'rejected' || postgresStart.status === 'rejected' || bundleStart.status === 'rejected') {
    // Stop whatever did start, so a failed setup leaves no server behind.
    if (temporalStart.status === 'fulfilled') await temporalStart.value.stop();
    if (postgresStart.status === 'fulfilled') await postgresStart.value.stop();
    throw started.map((s) => (s.status === 'rejected' ? s.reason : undefined)).find(Boolean);
  }
  const [temporal, postgres, bundle] = [temporalStart.value, postgresStart.value, bundleStart.value];
  const workflowBundlePath = path.join(dir, 'workflow-bundle.js');
  await writeFile(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', temporal.address);
  project.provide('temporalBinary', temporalBinary);
  project.provide('postgresUrl', postgres.url('postgres'));
  project.provide('workflowBundlePath', workflowBundlePath);

  return async () => {
    await Promise.allSettled([temporal.stop(), postgres.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
}

const quiet = () => {};
const quietLogger = { trace: quiet, debug: quiet, info: quiet, warn: console.warn, error: console.error, log: quiet };
