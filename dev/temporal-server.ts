import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes.js';
import { stopProcess } from './processes.js';

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

/**
 * `temporal server start-dev` with Tandem's search attributes registered. With `dbFile` its state survives
 * restarts; SQLite then runs in WAL mode, far faster than the default journal.
 */
export async function startTemporalDevServer(options: {
  binary: string;
  port: number;
  uiPort?: number;
  /** Where the UI asks to decode payloads (Tandem's /codec endpoint). */
  uiCodecEndpoint?: string;
  dbFile?: string;
  logFile?: string;
  /** In its own process group, so Ctrl-C reaches it only through the launcher, after the worker has stopped. */
  detached?: boolean;
  /** Server knobs, e.g. a low history limit so a test sees continue-as-new suggested early. */
  dynamicConfig?: Record<string, unknown>;
}): Promise<TemporalDevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  if (options.dbFile)
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {}))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);

  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false });
  const output: string[] = [];
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log?.write(chunk);
      if (output.length < 200) output.push(chunk.toString());
    });
  }
  const address = `127.0.0.1:${options.port}`;
  const stop = async () => {
    await stopProcess(child, 20_000);
    log?.end();
  };
  try {
    await waitForServer(address, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('').slice(-2000)}`);
  }
  return { address, ...(options.uiPort ? { uiUrl: `http://localhost:${options.uiPort}` } : {}), stop };
}

async function waitForServer(address: string, child: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`temporal server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`temporal server did not answer on ${address} within 60 s`);
}
