/**
 * `npm run build`: what production runs. The TypeScript compiled to `dist/` (no tsx at run time), the SQL
 * migrations beside the code that applies them, and the workflow bundle prebuilt, so a worker starts without
 * running webpack over the workflow code.
 */
import { execFileSync } from 'node:child_process';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ASSET_FILES } from '../web/assets.js';
import { WORKFLOW_BUNDLE_FILE } from '../worker/create-worker.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');

await rm(DIST, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
await cp(path.join(ROOT, 'db/migrations'), path.join(DIST, 'db/migrations'), { recursive: true });
for (const asset of ASSET_FILES) await cp(path.join(ROOT, 'web/views', asset), path.join(DIST, 'web/views', asset));
const { code } = await bundleWorkflowCode({
  workflowsPath: path.join(DIST, 'workflows/index.js'),
  workflowInterceptorModules: [path.join(DIST, 'workflows/trace-propagation.js')],
  logger: { trace() {}, debug() {}, info() {}, log() {}, warn: console.warn, error: console.error },
});
await writeFile(path.join(DIST, WORKFLOW_BUNDLE_FILE), code);
console.log(`Built ${path.relative(process.cwd(), DIST) || DIST}/ (workflow bundle ${Math.round(code.length / 1024)} KB)`);
