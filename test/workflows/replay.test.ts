import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_ENCODING } from '../../domain/payload-encryption.js';
import { PATCH_REGISTER } from '../../worker/versions.js';
import { testDataConverter, testWorkflows } from '../helpers/stack.js';

const HISTORIES = path.resolve(import.meta.dirname, '../histories');
/** The folder holding the histories of the version before each live patch came. */
const HISTORIES_OF: Record<string, string> = {
  'rematch-deadline': 'before-introduction-with-charter', // both came on 2026-12-06
  'introduction-with-charter': 'before-introduction-with-charter',
  'fresh-run-each-stage': 'before-fresh-runs',
  'fresh-run-each-round': 'before-fresh-runs',
  'cohort-told-by-workflow': 'before-workflows-tell-each-other',
  'pair-told-by-workflow': 'before-workflows-tell-each-other',
  'paced-mailings': 'before-paced-mailings',
};
const SUPPORTED_VERSIONS = [
  'before-fresh-runs',
  'before-introduction-with-charter',
  'before-paced-mailings',
  'before-workflows-tell-each-other',
];
// Today's histories, and those recorded by the earlier versions still supported, in their folders.
const files = (await readdir(HISTORIES, { recursive: true })).filter((f) => f.endsWith('.json')).sort();

// Histories in the JSON form the Temporal CLI and UI export, recorded by `npm run histories:record`.
describe("replaying recorded histories with today's workflow code", () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  // Every version still supported started after payload encryption: its histories hold no clear payload.
  it('has only encrypted histories', async () => {
    const clear = [];
    for (const f of files)
      if (!(await readFile(path.join(HISTORIES, f), 'utf8')).includes(Buffer.from(ENCRYPTED_ENCODING).toString('base64'))) clear.push(f);
    expect(clear).toEqual([]);
  });

  // Exactly the versions still supported: today's, at the top, and one folder for each live patch's old path.
  it('keeps the histories of the versions the patch register still supports, and only those', async () => {
    const folders = (await readdir(HISTORIES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    const live = Object.values(PATCH_REGISTER)
      .flat()
      .filter((p) => !p.deprecated);
    expect(folders.sort()).toEqual(SUPPORTED_VERSIONS);
    // Each folder is the version before a live patch (or two that came the same day).
    expect(new Set(live.map((p) => HISTORIES_OF[p.id]))).toEqual(new Set(SUPPORTED_VERSIONS));
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(path.join(HISTORIES, file), 'utf8')));
    await Worker.runReplayHistory({ ...testWorkflows(), dataConverter: testDataConverter }, history, file);
  });
});
