/**
 * `npm run versions`: the runs a patch's old path may still serve, counted from Temporal's visibility: those that
 * started before the patch came, open or closed within retention; none of those that started after.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { PATCH_REGISTER, patchRuns } from '../../worker/versions.js';
import { temporalClientForFile } from '../helpers/stack.js';

const client = temporalClientForFile();

it('counts, for each patch, the runs started before it came: open, and closed within retention', async () => {
  // Runs of a type of their own (no worker needs to run them), from "the previous release": before tomorrow.
  const workflowType = `versions-test-${randomUUID()}`;
  const start = () => client().workflow.start(workflowType, { taskQueue: `versions-${randomUUID()}`, workflowId: randomUUID(), args: [] });
  const [, ended] = await Promise.all([start(), start(), start()]);
  await ended!.terminate('ended long ago, say');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const register = {
    [workflowType]: [
      { id: 'came-before-these-runs', came: '2026-01-01' },
      { id: 'came-after-these-runs', came: tomorrow },
    ],
  };
  await expect
    .poll(() => patchRuns(client(), register), { timeout: 15_000 })
    .toEqual([
      { workflowType, patch: 'came-before-these-runs', came: '2026-01-01', open: 0, closed: 0 },
      { workflowType, patch: 'came-after-these-runs', came: tomorrow, open: 2, closed: 1 },
    ]);
});

it("registers every workflow's patches, each with the day it came", () => {
  const patches = Object.values(PATCH_REGISTER).flat();
  expect(patches.length).toBeGreaterThanOrEqual(10);
  for (const patch of patches) expect(patch.came).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(new Set(patches.map((p) => p.id)).size).toBe(patches.length);
});
