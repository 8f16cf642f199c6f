/**
 * Every file or folder the guide and the documents name exists: a link to a document or an image, or a path
 * written as code (`db/answers.ts`, `workflows/cohort/`). Paths made at run time (`.data/`, `.tools/`, `dist/`,
 * `test-results/`) are what they say they are, not files of the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCUMENTS = [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const MADE_AT_RUN_TIME = ['.data/', '.tools/', 'dist/', 'test-results/', 'node_modules/'];

/** The paths a document names: its relative links, and code spans that look like a path of the repository. */
function pathsIn(document: string): string[] {
  const text = readFileSync(path.join(ROOT, document), 'utf8');
  const links = [...text.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
  const code = [...text.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1]!)
    // A path of the repository starts with one of its top-level entries or folders (not `Europe/Paris`, not an image name), or is a file named alone.
    .filter(
      (c) =>
        (/^[\w.-]+\/[\w./-]*$/.test(c) &&
          (TOP_LEVEL.has(c.split('/')[0]!) || FOLDERS.some((f) => existsSync(path.join(ROOT, f, c.split('/')[0]!))))) ||
        /^[\w.-]+\.(ts|tsx|sql|md|json|ya?ml|js|css|svg)$/.test(c),
    )
    .filter((c) => !MADE_AT_RUN_TIME.some((prefix) => c.startsWith(prefix)));
  const base = path.dirname(document);
  return [...links.map((l) => path.join(base, l)), ...code.map((c) => c)];
}

const TOP_LEVEL = new Set(readdirSync(ROOT));
/** Every file of the repository, for a file named alone (`contract.ts`: each workflow's folder has one). */
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT }).toString().split('\n');
const FOLDERS = ['activities', 'db', 'domain', 'web', 'workflows', 'matching', 'i18n', 'dev', 'bench', 'worker', 'test', 'emails', 'docs'];

/** Whether a named path exists: from the repository's root, in one of its folders (`notifications/` of `activities/`), or, a file named alone, anywhere. */
function found(named: string): boolean {
  if (!named.includes('/')) return FILES.some((file) => path.basename(file) === named) || existsSync(path.join(ROOT, named));
  return existsSync(path.join(ROOT, named)) || FOLDERS.some((folder) => existsSync(path.join(ROOT, folder, named)));
}

it('names only files and folders that exist', () => {
  const missing = DOCUMENTS.flatMap((document) =>
    pathsIn(document)
      .filter((named) => !found(named))
      .map((named) => `${document}: ${named}`),
  );
  expect(missing).toEqual([]);
  expect(DOCUMENTS.reduce((n, d) => n + pathsIn(d).length, 0)).toBeGreaterThan(50); // it reads what it should
});
