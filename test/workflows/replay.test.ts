import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import { ENCRYPTED_ENCODING } from '../../domain/payload-encryption.js';
import { testDataConverter } from '../helpers/stack.js';

const HISTORIES = path.resolve(import.meta.dirname, '../histories');
// Includes histories recorded by earlier versions of the workflows (survey-only/: before matching existed).
const files = (await readdir(HISTORIES, { recursive: true })).filter((f) => f.endsWith('.json')).sort();

// Histories in the JSON form the Temporal CLI and UI export, recorded by `npm run histories:record`.
describe("replaying recorded histories with today's workflow code", () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  // Workflows started before payload encryption keep their clear payloads in Temporal for good: the codec lets
  // them through, so both kinds must replay.
  it('has histories of both kinds: encrypted payloads, and clear ones from before encryption', async () => {
    const encrypted = await Promise.all(
      files.map(async (f) =>
        (await readFile(path.join(HISTORIES, f), 'utf8')).includes(Buffer.from(ENCRYPTED_ENCODING).toString('base64')),
      ),
    );
    expect(files.filter((_, i) => encrypted[i]).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((_, i) => !encrypted[i]).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f, i) => !encrypted[i] && !f.includes('/'))).toEqual([]); // today's histories, at the top, are encrypted
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(path.join(HISTORIES, file), 'utf8')));
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter },
      history,
      file,
    );
  });
});
