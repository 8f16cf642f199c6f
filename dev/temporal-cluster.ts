/**
 * The real Temporal server (not the CLI's dev server) on PostgreSQL, as a self-hosting association runs it:
 * built once with `go install` into .tools/, its two databases created and migrated with its own schema tool,
 * its configuration rendered from the server module's own PostgreSQL template, one process for all services.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { access, constants, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import YAML from 'yaml';
import { freePort } from './ports.js';
import { stopProcess } from './processes.js';
import { TEMPORAL_CLI, TOOLS_DIR, ensureTool } from './tools.js';

const run = promisify(execFile);

/** The server release rehearsed, and the Go toolchain it builds with. */
export const TEMPORAL_SERVER = { module: 'go.temporal.io/server', version: 'v1.32.2', toolchain: 'go1.27.3' };
const BIN = path.join(TOOLS_DIR, `temporal-server-${TEMPORAL_SERVER.version}`);
const goEnv = { ...process.env, GOTOOLCHAIN: TEMPORAL_SERVER.toolchain, GOFLAGS: '-mod=mod' };

/** The server and its schema tool (built once, a few minutes on 2 cores), and the module's source (schemas, config). */
export async function ensureTemporalServer(log = console.log): Promise<{ server: string; sqlTool: string; source: string }> {
  const server = path.join(BIN, 'server');
  const sqlTool = path.join(BIN, 'sql');
  const built = await Promise.all(
    [server, sqlTool].map((file) =>
      access(file, constants.X_OK).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!built.every(Boolean)) {
    log(`Building the Temporal server ${TEMPORAL_SERVER.version} and its schema tool with go install into ${BIN} (once, a few minutes)...`);
    await mkdir(BIN, { recursive: true });
    for (const command of ['cmd/server', 'cmd/tools/sql']) {
      await run('go', ['install', `${TEMPORAL_SERVER.module}/${command}@${TEMPORAL_SERVER.version}`], {
        env: { ...goEnv, GOBIN: BIN },
        maxBuffer: 1 << 26,
      });
    }
  }
  const { stdout } = await run('go', ['mod', 'download', '-json', `${TEMPORAL_SERVER.module}@${TEMPORAL_SERVER.version}`], {
    env: goEnv,
    cwd: BIN,
    maxBuffer: 1 << 24,
  });
  return { server, sqlTool, source: (JSON.parse(stdout) as { Dir: string }).Dir };
}

export interface TemporalCluster {
  address: string;
  /** Stops the server (SIGTERM, as an orchestrator would) and starts it again on the same databases. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Creates (or upgrades) Temporal's two databases on the given PostgreSQL, renders a configuration with free
 * ports, starts the server and registers the `default` namespace. Logs go to `dir/temporal-server.log`.
 */
export async function startTemporalCluster(options: {
  postgresUrl: string;
  dir: string;
  log?: (line: string) => void;
}): Promise<TemporalCluster> {
  const log = options.log ?? console.log;
  const { server, sqlTool, source } = await ensureTemporalServer(log);
  const pg = new URL(options.postgresUrl);
  const connect = [
    '--ep',
    pg.hostname,
    '-p',
    pg.port,
    '-u',
    decodeURIComponent(pg.username),
    '--pw',
    decodeURIComponent(pg.password),
    '--pl',
    'postgres12',
  ];
  for (const [database, schema] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ] as const) {
    await run(sqlTool, [...connect, '--db', database, 'create-database']).catch((error: Error) => {
      if (!/already exists/.test(String((error as { stderr?: string }).stderr ?? error.message))) throw error;
    });
    await run(sqlTool, [...connect, '--db', database, 'setup-schema', '-v', '0.0']);
    await run(sqlTool, [
      ...connect,
      '--db',
      database,
      'update-schema',
      '-d',
      path.join(source, 'schema/postgresql/v12', schema, 'versioned'),
    ]);
  }

  const config = YAML.parse(await readFile(path.join(source, 'config/development-postgres12.yaml'), 'utf8'));
  for (const store of Object.values(config.persistence.datastores) as { sql: Record<string, unknown> }[]) {
    Object.assign(store.sql, {
      connectAddr: `${pg.hostname}:${pg.port}`,
      user: decodeURIComponent(pg.username),
      password: decodeURIComponent(pg.password),
    });
  }
  const frontend = await freePort();
  for (const [name, service] of Object.entries(config.services) as [string, { rpc: Record<string, number> }][]) {
    service.rpc.grpcPort = name === 'frontend' ? frontend : await freePort();
    service.rpc.membershipPort = await freeMembershipPort();
    if (service.rpc.httpPort) service.rpc.httpPort = await freePort();
  }
  config.global.pprof.port = 0; // off
  config.global.metrics.prometheus.listenAddress = `127.0.0.1:${await freePort()}`;
  config.clusterMetadata.clusterInformation.active.rpcAddress = `127.0.0.1:${frontend}`;
  delete config.archival;
  delete config.namespaceDefaults;
  config.dynamicConfigClient.filepath = path.join(source, 'config/dynamicconfig/development-sql.yaml');
  const configFile = path.join(options.dir, 'temporal-server.yaml');
  await writeFile(configFile, YAML.stringify(config));

  const address = `127.0.0.1:${frontend}`;
  let child: ChildProcess;
  const start = async () => {
    const logFile = openSync(path.join(options.dir, 'temporal-server.log'), 'a');
    child = spawn(server, ['--config-file', configFile, '--allow-no-auth', 'start'], { stdio: ['ignore', logFile, logFile] });
    await waitForFrontend(address, child);
  };
  await start();
  await registerDefaultNamespace(address);
  log(`Temporal server ${TEMPORAL_SERVER.version} on PostgreSQL at ${address}`);
  return {
    address,
    async restart() {
      await stopProcess(child, 30_000);
      await start();
    },
    stop: () => stopProcess(child, 30_000),
  };
}

/** Membership ports are stored in a smallint column: a free one below 32768, where the OS never picks ours. */
async function freeMembershipPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

async function waitForFrontend(address: string, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Temporal server exited with ${child.exitCode}; see temporal-server.log`);
    const connection = await Connection.connect({ address, connectTimeout: 1_000 }).catch(() => undefined);
    if (connection) {
      const healthy = await connection.healthService.check({}).then(
        () => true,
        () => false,
      );
      await connection.close();
      if (healthy) return;
    }
    if (Date.now() > deadline) throw new Error(`the Temporal server did not answer at ${address} within 2 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** As an operator registers it once, with the CLI; already there is fine. */
async function registerDefaultNamespace(address: string) {
  const cli = await ensureTool(TEMPORAL_CLI);
  await run(cli, ['operator', 'namespace', 'create', '--namespace', 'default', '--retention', '24h', '--address', address]).catch(
    (error: { stderr?: string }) => {
      if (!/already exists|AlreadyExists/i.test(String(error.stderr))) throw error;
    },
  );
  // Each service's namespace cache picks it up within a few seconds.
  const connection = await Connection.connect({ address });
  try {
    const deadline = Date.now() + 60_000;
    while (
      !(await connection.workflowService.describeNamespace({ namespace: 'default' }).then(
        () => true,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('the default namespace did not appear');
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await connection.close();
  }
}
