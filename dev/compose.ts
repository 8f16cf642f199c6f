/**
 * Reads docker-compose.yml as compose would run Tandem's own services (setup, worker, web): their commands,
 * environment and start order. The image test and the rehearsal start the processes from this, so neither
 * can drift from what users deploy.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export interface AppService {
  name: string;
  /** The command as compose runs it in the image (exec form). */
  command: string[];
  /** Environment with compose's `${VAR:-default}` interpolation done and service host names replaced. */
  environment: Record<string, string>;
  /** Services that must have completed (one-shot) or started before this one. */
  dependsOn: Record<string, string>;
  /** Host ports it publishes, e.g. 3000 for "3000:3000". */
  ports: number[];
  /** Built from the project (`build: .`), as opposed to a third-party image. */
  built: boolean;
}

interface ComposeService {
  build?: unknown;
  image?: string;
  command?: string | string[];
  environment?: Record<string, string | number | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: string[];
}

/**
 * The services of a compose file. `env` plays the part of the `.env` file; `hosts` maps a service name to the
 * address it has here (`{ postgres: '127.0.0.1:5433' }`), replacing `postgres:5432` in environment values.
 */
export async function readComposeServices(
  file: string,
  options: { env: Record<string, string | undefined>; hosts?: Record<string, string> },
): Promise<Record<string, AppService>> {
  const compose = parse(await readFile(file, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const services: Record<string, AppService> = {};
  for (const [name, service] of Object.entries(compose.services)) {
    const environment: Record<string, string> = {};
    const entries = Array.isArray(service.environment)
      ? service.environment.map((e) => e.split(/=(.*)/s, 2) as [string, string])
      : Object.entries(service.environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)] as [string, string]);
    for (const [key, raw] of entries)
      environment[key] = replaceHosts(interpolate(raw ?? '', options.env, `${name}.${key}`), options.hosts ?? {});
    const command =
      service.command === undefined
        ? []
        : Array.isArray(service.command)
          ? service.command.map((c) => interpolate(c, options.env, name))
          : ['sh', '-c', interpolate(service.command, options.env, name)];
    const dependsOn = Array.isArray(service.depends_on)
      ? Object.fromEntries(service.depends_on.map((d) => [d, 'service_started']))
      : Object.fromEntries(Object.entries(service.depends_on ?? {}).map(([d, v]) => [d, v.condition ?? 'service_started']));
    services[name] = {
      name,
      command,
      environment,
      dependsOn,
      ports: (service.ports ?? []).map((p) => Number(String(p).split(':')[0])),
      built: service.build !== undefined,
    };
  }
  return services;
}

/** The order compose starts them in: each after what it depends on. */
export function startOrder(services: Record<string, AppService>): AppService[] {
  const ordered: AppService[] = [];
  const visit = (name: string, path: string[] = []) => {
    if (ordered.some((s) => s.name === name)) return;
    if (path.includes(name))
      throw new Error(`docker-compose.yml: services depend on each other in a circle: ${[...path, name].join(' → ')}`);
    for (const dependency of Object.keys(services[name]!.dependsOn)) visit(dependency, [...path, name]);
    ordered.push(services[name]!);
  };
  for (const name of Object.keys(services)) visit(name);
  return ordered;
}

/** Compose's variable substitution: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `$$`. */
export function interpolate(text: string, env: Record<string, string | undefined>, where: string): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_]\w*)(?:(:?)([-?])((?:[^}])*))?\}|\$([A-Za-z_]\w*)/g,
    (match, name: string | undefined, colon: string, op: string, arg: string, bare: string | undefined) => {
      if (match === '$$') return '$';
      const key = (name ?? bare)!;
      const value = env[key];
      const missing = value === undefined || (colon === ':' && value === '');
      if (op === '-') return missing ? arg : value!;
      if (op === '?' && missing) throw new Error(`docker-compose.yml (${where}): ${arg || `${key} is required`}`);
      return value ?? '';
    },
  );
}

function replaceHosts(value: string, hosts: Record<string, string>): string {
  let replaced = value;
  for (const [service, address] of Object.entries(hosts))
    replaced = replaced.replace(new RegExp(`(^|[@/])${service}:\\d+`, 'g'), `$1${address}`);
  return replaced;
}
