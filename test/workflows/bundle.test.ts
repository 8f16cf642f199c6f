import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject, it, expect } from 'vitest';

/** The packages @temporalio/workflow brings with it, read from their package.json files as Node resolves them. */
function workflowApiPackages(): Set<string> {
  const found = new Set<string>();
  const manifestOf = (name: string, fromDir: string): string => {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name, 'package.json');
      if (existsSync(candidate)) return candidate;
      if (dir === path.dirname(dir)) throw new Error(`${name} is not installed`);
    }
  };
  const visit = (name: string, fromDir: string) => {
    if (found.has(name)) return;
    found.add(name);
    const manifest = manifestOf(name, fromDir);
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(dependencies)) visit(dependency, path.dirname(manifest));
  };
  visit('@temporalio/workflow', process.cwd());
  return found;
}

it('the workflow bundle holds no library but the workflow API: each is evaluated again for every workflow loaded', async () => {
  const bundle = await readFile(inject('workflowBundlePath'), 'utf8');
  const packages = new Set([...bundle.matchAll(/"\.\/node_modules\/((?:@[^/"]+\/)?[^/"]+)\//g)].map((m) => m[1]!));
  const allowed = workflowApiPackages();
  expect(packages.size).toBeGreaterThan(0); // the pattern does find the API's own modules
  expect([...packages].filter((name) => !allowed.has(name)).map((name) => path.join('node_modules', name))).toEqual([]);
});
