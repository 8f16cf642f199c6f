import type { Client } from '@temporalio/client';
import { PATCHES as COHORT_PATCHES } from '../workflows/cohort/patches.js';
import type { Patch } from '../workflows/patch.js';
import { PATCHES as PAIR_PATCHES } from '../workflows/pair/patches.js';

/** Each workflow type and its patches, as its `patches.ts` registers them. */
export const PATCH_REGISTER: Record<string, Patch[]> = {
  cohortWorkflow: Object.values(COHORT_PATCHES),
  pairWorkflow: Object.values(PAIR_PATCHES),
};

/** For one patch, the runs that started before it landed: they may still take its old path. */
export interface PatchRuns {
  workflowType: string;
  patch: string;
  came: string;
  /** Still running: they execute the old path. */
  open: number;
  /** Closed but within the namespace's retention: a query on them replays the old path. */
  closed: number;
}

/**
 * How many runs may still take each patch's old path: those started before the day it came. A patch whose runs
 * are all gone may become `deprecatePatch`; continue-as-new starts a run afresh, on today's code.
 */
export async function patchRuns(client: Client, register = PATCH_REGISTER): Promise<PatchRuns[]> {
  const rows = Object.entries(register).flatMap(([workflowType, patches]) => patches.map((patch) => ({ workflowType, patch })));
  return Promise.all(
    rows.map(async ({ workflowType, patch }) => {
      const before = `WorkflowType = '${workflowType}' AND StartTime < '${patch.came}T00:00:00Z'`;
      const [all, open] = await Promise.all([
        client.workflow.count(before),
        client.workflow.count(`${before} AND ExecutionStatus = 'Running'`),
      ]);
      return { workflowType, patch: patch.id, came: patch.came, open: open.count, closed: all.count - open.count };
    }),
  );
}
