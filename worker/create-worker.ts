import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { tracedActivities } from '../observability/tracing.js';
import {
  EMAIL_QUEUE_ACTIVITIES,
  createActivities,
  type Activities,
  type ActivityDeps,
  type EmailQueueActivity,
} from '../activities/index.js';
import { emailTaskQueue } from '../domain/mailing.js';
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
  /** The mail provider's rate: the email task queue's, held by Temporal across every worker. */
  emailRequestsPerSecond: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The workflows' entry, as source under tsx or compiled under `dist/`. */
const EXTENSION = path.extname(fileURLToPath(import.meta.url));
export const WORKFLOWS_PATH = path.resolve(HERE, `../workflows/index${EXTENSION}`);
/** The workflows' interceptors, bundled with them: the trace header carried on to activities. */
export const WORKFLOW_INTERCEPTORS = [path.resolve(HERE, `../workflows/trace-propagation${EXTENSION}`)];
/** How often at most an activity's heartbeat details reach Temporal. */
export const HEARTBEAT_THROTTLE = '2 seconds';
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

/**
 * The worker's two pollers: workflows and their activities on the task queue; on the email task queue, the
 * requests of mailings to a whole cohort, handed out at the provider's rate.
 */
export async function createWorkers(deps: WorkerDeps): Promise<Worker[]> {
  const workflowBundle = deps.workflowBundle ?? (existsSync(builtBundle) ? { codePath: builtBundle } : undefined);
  const activities = createActivities(deps);
  const common = {
    connection: deps.connection,
    namespace: deps.namespace,
    dataConverter: deps.dataConverter,
    interceptors: { activity: [tracedActivities, reportFailingActivities(deps.sql)] },
  };
  return Promise.all([
    Worker.create({
      ...common,
      taskQueue: deps.taskQueue,
      ...(deps.maxCachedWorkflows ? { maxCachedWorkflows: deps.maxCachedWorkflows } : {}),
      // A prebuilt bundle holds the workflow interceptors already (dev/build.ts).
      ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
      activities,
      // A heartbeat's details reach Temporal within seconds: the cohort page shows a match's progress from them.
      maxHeartbeatThrottleInterval: HEARTBEAT_THROTTLE,
      interceptors: { ...common.interceptors, ...(workflowBundle ? {} : { workflowModules: WORKFLOW_INTERCEPTORS }) },
    }),
    createEmailWorker({ ...common, taskQueue: deps.taskQueue, activities, requestsPerSecond: deps.emailRequestsPerSecond }),
  ]);
}

/** The email task queue's poller: only the requests of mailings, at the provider's rate. */
export function createEmailWorker(options: {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  dataConverter: DataConverter;
  activities: Pick<Activities, EmailQueueActivity>;
  requestsPerSecond: number;
  interceptors?: WorkerOptions['interceptors'];
}): Promise<Worker> {
  const { activities, requestsPerSecond, taskQueue, ...rest } = options;
  return Worker.create({
    ...rest,
    taskQueue: emailTaskQueue(taskQueue),
    activities: Object.fromEntries(EMAIL_QUEUE_ACTIVITIES.map((name) => [name, activities[name]])),
    maxTaskQueueActivitiesPerSecond: requestsPerSecond,
  });
}
