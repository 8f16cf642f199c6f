import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';

const HISTORIES = path.resolve(import.meta.dirname, '../histories');
// Includes histories recorded by earlier versions of the workflows (survey-only/: before matching existed).
const files = (await readdir(HISTORIES, { recursive: true })).filter((f) => f.endsWith('.json')).sort();

// Histories in the JSON form the Temporal CLI and UI export, recorded by `npm run histories:record`.
describe("replaying recorded histories with today's workflow code", () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(path.join(HISTORIES, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, file);
  });
});
