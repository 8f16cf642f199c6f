/** `npm test` names every missing tool first, with how to install it; on this machine nothing is missing. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { missingPrerequisites } from '../setup/prerequisites.js';

it('names each missing tool, and how to install it on Debian/Ubuntu and macOS', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'no-tools-'));
  const missing = missingPrerequisites({ PATH: empty, CHROMIUM_PATH: path.join(empty, 'chromium') }, empty);
  expect(missing.map((m) => m.split(',')[0])).toEqual(expect.arrayContaining(['docker-compose', 'promtool', 'Python 3 with pip (or Go)']));
  for (const line of missing) expect(line).toMatch(/apt-get install .*brew install/);
  expect(missingPrerequisites()).toEqual([]);
});
