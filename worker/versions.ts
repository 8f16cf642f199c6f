import type { Client } from '@temporalio/client';
import { PATCHES as COHORT_PATCHES } from '../workflows/cohort/patches.js';
import type { Patch } from '../workflows/patch.js';
import { PATCHES as PAIR_PATCHES } from '../workflows/pair/patches.js';

/** Each workflow type and its patches, as its `patches.ts` registers them. */
export const PATCH_REGISTER: Record<string, Patch[]> = {
  cohortWorkflow: Object.values(COHORT_PATCHES),
  pairWorkflow: Object.values(PAIR_PATCHES),
};

/**
 * The first instant at which every run started certainly took a change: the day after it landed (runs of that
 * day may have started before the deployment).
 */
const certainFrom = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

const startedBefore = (workflowType: string, day: string) => `WorkflowType = '${workflowType}' AND StartTime < '${certainFrom(day)}'`;

/** For one patch, the runs it must still serve. */
export interface PatchRuns {
  workflowType: string;
  patch: string;
  came: string;
  deprecated?: string;
  /**
   * Still running: for a live patch, those that may take its old path (started before it came); for a
   * deprecated one, those whose history may lack its `deprecatePatch` call (started before the deprecation).
   */
  open: number;
  /** The same, closed but within the namespace's retention: a query on them replays their history. */
  closed: number;
}

/**
 * How many runs each patch still serves. A live patch with none left may become `deprecatePatch`; a deprecated
 * one with none left may go. Continue-as-new starts a run afresh, on today's code.
 */
export async function patchRuns(client: Client, register = PATCH_REGISTER): Promise<PatchRuns[]> {
  const rows = Object.entries(register).flatMap(([workflowType, patches]) => patches.map((patch) => ({ workflowType, patch })));
  return Promise.all(
    rows.map(async ({ workflowType, patch }) => {
      const before = startedBefore(workflowType, patch.deprecated ?? patch.came);
      const [all, open] = await Promise.all([
        client.workflow.count(before),
        client.workflow.count(`${before} AND ExecutionStatus = 'Running'`),
      ]);
      const deprecated = patch.deprecated ? { deprecated: patch.deprecated } : {};
      return { workflowType, patch: patch.id, came: patch.came, ...deprecated, open: open.count, closed: all.count - open.count };
    }),
  );
}

/**
 * Why this worker must not start, if it must not: open runs that started before the last deprecated patch of
 * their workflow came took an old path this code no longer has, and would fail as soon as it replayed them.
 */
export async function runsLeftBehind(client: Client, register = PATCH_REGISTER): Promise<string | undefined> {
  const left = await Promise.all(
    Object.entries(register).map(async ([workflowType, patches]) => {
      const retired = patches.filter((p) => p.deprecated).map((p) => p.came);
      if (retired.length === 0) return undefined;
      const day = retired.sort().at(-1)!;
      const { count } = await client.workflow.count(`${startedBefore(workflowType, day)} AND ExecutionStatus = 'Running'`);
      return count > 0 ? `${count} ${workflowType} run(s) started before ${certainFrom(day).slice(0, 10)}` : undefined;
    }),
  );
  const found = left.filter((l) => l !== undefined);
  if (found.length === 0) return undefined;
  return (
    `This release can no longer run ${found.join(' and ')}: they took a path it has retired. ` +
    `Let them finish on the previous release, or end them, then start this one (docs/versions.md).`
  );
}

/** Open runs by the build of the worker code that ran them: Temporal's own record (`BuildIds`), tallied. */
export async function openRunsByBuild(client: Client, workflowTypes = Object.keys(PATCH_REGISTER)): Promise<Record<string, number>> {
  const types = workflowTypes.map((t) => `'${t}'`).join(', ');
  const byBuild: Record<string, number> = {};
  for await (const run of client.workflow.list({ query: `WorkflowType IN (${types}) AND ExecutionStatus = 'Running'` })) {
    const builds = (run.searchAttributes.BuildIds ?? []) as string[];
    // "unversioned:<SDK version>+<hash of the workflow bundle>": the worker's build when it runs unversioned.
    for (const build of builds.filter((b) => b.includes(':')).map((b) => b.slice(b.indexOf(':') + 1)))
      byBuild[build] = (byBuild[build] ?? 0) + 1;
  }
  return byBuild;
}
