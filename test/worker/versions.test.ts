/**
 * `npm run versions`: the runs a patch's old path may still serve, counted from Temporal's visibility: those that
 * started before the patch came, open or closed within retention; none of those that started after.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { PATCH_REGISTER, openRunsByBuild, patchRuns, runsLeftBehind } from '../../worker/versions.js';
import { pairWorkflowKit, recording } from '../helpers/pair-workflow.js';
import { startTestWorker, temporalClientForFile } from '../helpers/stack.js';

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
      // Deprecated since: the runs count until none from before the deprecation is left, then it may go.
      { id: 'deprecated-before-these-runs', came: '2026-01-01', deprecated: '2026-01-02' },
      { id: 'deprecated-after-these-runs', came: '2026-01-01', deprecated: tomorrow },
    ],
  };
  await expect
    .poll(() => patchRuns(client(), register), { timeout: 15_000 })
    .toEqual([
      { workflowType, patch: 'came-before-these-runs', came: '2026-01-01', open: 0, closed: 0 },
      { workflowType, patch: 'came-after-these-runs', came: tomorrow, open: 2, closed: 1 },
      { workflowType, patch: 'deprecated-before-these-runs', came: '2026-01-01', deprecated: '2026-01-02', open: 0, closed: 0 },
      { workflowType, patch: 'deprecated-after-these-runs', came: '2026-01-01', deprecated: tomorrow, open: 2, closed: 1 },
    ]);
});

it('refuses to run a release whose retired paths open runs still take, and names them', async () => {
  const workflowType = `versions-left-${randomUUID()}`;
  const start = () => client().workflow.start(workflowType, { taskQueue: `versions-${randomUUID()}`, workflowId: randomUUID(), args: [] });
  const [open, ended] = await Promise.all([start(), start()]);
  await ended.terminate('ended: a closed run replays only when queried');
  const today = new Date().toISOString().slice(0, 10);
  // The runs started today, before a deprecated patch's old path could be sure to be gone: one is open.
  const retiredToday = { [workflowType]: [{ id: 'retired', came: today, deprecated: today }] };
  await expect
    .poll(() => runsLeftBehind(client(), retiredToday), { timeout: 15_000 })
    .toBe(
      `This release can no longer run 1 ${workflowType} run(s) started before ${new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10)}: ` +
        'they took a path it has retired. Let them finish on the previous release, or end them, then start this one (docs/versions.md).',
    );
  // A patch retired before these runs started, or one still live, leaves nothing behind.
  expect(await runsLeftBehind(client(), { [workflowType]: [{ id: 'retired', came: '2026-01-01', deprecated: '2026-01-02' }] })).toBe(
    undefined,
  );
  expect(await runsLeftBehind(client(), { [workflowType]: [{ id: 'live', came: today }] })).toBe(undefined);
  await open.terminate('test done');
  await expect.poll(() => runsLeftBehind(client(), retiredToday), { timeout: 15_000 }).toBe(undefined);
});

it('runs none of its own workflows from before a retired path: this worker may start', async () => {
  expect(await runsLeftBehind(client())).toBe(undefined);
});

it("registers every workflow's patches, each with the day it came", () => {
  const patches = Object.values(PATCH_REGISTER).flat();
  expect(patches.length).toBeGreaterThanOrEqual(10);
  for (const patch of patches) expect(patch.came).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(new Set(patches.map((p) => p.id)).size).toBe(patches.length);
});

it('tells which builds of the worker code ran the open runs, from what Temporal records of each', async () => {
  const worker = await startTestWorker(recording().activities);
  const { input, start } = pairWorkflowKit(() => client(), { now: async () => Date.now() });
  const pair = await start(worker.taskQueue, await input(86_400_000, 10 * 86_400_000));
  try {
    // The worker's build: the SDK's version and a hash of the workflow code it bundled.
    await expect
      .poll(async () => (await pair.describe()).searchAttributes.BuildIds as string[] | undefined, { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^unversioned:@temporalio\/worker@[\d.]+\+[0-9a-f]{64}$/));
    const ran = ((await pair.describe()).searchAttributes.BuildIds as string[]).find((b) => b.startsWith('unversioned:'))!.slice(12);
    await expect.poll(async () => (await openRunsByBuild(client()))[ran], { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  } finally {
    await pair.terminate('test done');
    await worker.stop();
  }
});
