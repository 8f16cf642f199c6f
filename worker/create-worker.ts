import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { tracedActivities } from '../observability/tracing.js';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { reportFailingActivities } from './failing-activities.js';

export interface WorkerDeps extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** Encrypts what the worker gives Temporal (domain/payload-encryption.ts). */
  dataConverter: DataConverter;
  /** A prebuilt bundle (tests build one for all files); otherwise the build's own, or the workflows bundled from source. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Workflows kept in memory between tasks. */
  maxCachedWorkflows?: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The workflows' entry, as source under tsx or compiled under `dist/`. */
const EXTENSION = path.extname(fileURLToPath(import.meta.url));
export const WORKFLOWS_PATH = path.resolve(HERE, `../workflows/index${EXTENSION}`);
/** The workflows' interceptors, bundled with them: the trace header carried on to activities. */
export const WORKFLOW_INTERCEPTORS = [path.resolve(HERE, `../workflows/trace-propagation${EXTENSION}`)];
/** Written by `npm run build` at the root of `dist/`. */
export const WORKFLOW_BUNDLE_FILE = 'workflow-bundle.js';
const builtBundle = path.resolve(HERE, '..', WORKFLOW_BUNDLE_FILE);

/** Where the worker's workflow code comes from, as its start-up line says. */
export const workflowSource = (deps: Pick<WorkerDeps, 'workflowBundle'>) =>
  deps.workflowBundle
    ? 'a prebuilt bundle'
    : existsSync(builtBundle)
      ? `the prebuilt ${WORKFLOW_BUNDLE_FILE}`
      : 'the sources, bundled at start';

export function createWorker(deps: WorkerDeps): Promise<Worker> {
  const workflowBundle = deps.workflowBundle ?? (existsSync(builtBundle) ? { codePath: builtBundle } : undefined);
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    dataConverter: deps.dataConverter,
    ...(deps.maxCachedWorkflows ? { maxCachedWorkflows: deps.maxCachedWorkflows } : {}),
    // A prebuilt bundle holds the workflow interceptors already (dev/build.ts).
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(deps),
    interceptors: {
      activity: [tracedActivities, reportFailingActivities(deps.sql)],
      ...(workflowBundle ? {} : { workflowModules: WORKFLOW_INTERCEPTORS }),
    },
  });
}
