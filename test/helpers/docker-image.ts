/**
 * Assembles what the Dockerfile puts in the image, without a Docker engine: each stage is a folder, COPY
 * takes from the build context (filtered by .dockerignore) or from an earlier stage, RUN runs in the stage's
 * folder with its ENV. An instruction it does not know stops it, so the Dockerfile cannot outgrow the test.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { envOf, parseDockerfile } from '../../dev/dockerfile.js';

export interface AssembledImage {
  /** The final stage's working directory: the image's /app. */
  dir: string;
  env: Record<string, string>;
  cmd: string[];
  user?: string;
}

interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
}

export async function assembleImage(
  context: string,
  into: string,
  options: { runEnv?: Record<string, string> } = {},
): Promise<AssembledImage> {
  const ignore = await dockerignore(context);
  const stages: Stage[] = [];
  let cmd: string[] = [];
  let user: string | undefined;
  const current = () => {
    const stage = stages.at(-1);
    if (!stage) throw new Error('Dockerfile: an instruction before FROM');
    return stage;
  };
  const inStage = (stage: Stage, target: string) =>
    path.join(stage.root, path.posix.isAbsolute(target) ? target : path.posix.join(stage.workdir, target));

  for (const { instruction, args } of parseDockerfile(await readFile(path.join(context, 'Dockerfile'), 'utf8'))) {
    switch (instruction) {
      case 'FROM': {
        const [, name = String(stages.length)] = /^\S+(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
        const root = path.join(into, `stage-${stages.length}`);
        await mkdir(root, { recursive: true });
        stages.push({ name, root, workdir: '/', env: {} });
        break;
      }
      case 'WORKDIR':
        current().workdir = path.posix.resolve(current().workdir, args);
        await mkdir(inStage(current(), '.'), { recursive: true });
        break;
      case 'ENV':
        Object.assign(current().env, envOf(args));
        break;
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words[0]!.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
        const dest = words.pop()!;
        const source = from ? stages.find((s) => s.name === from) : undefined;
        if (from && !source) throw new Error(`Dockerfile: COPY --from=${from} names no earlier stage`);
        for (const src of words) {
          const target = inStage(current(), dest);
          if (source) await cp(inStage(source, src), target, { recursive: true });
          else await copyContext(context, src, target, dest.endsWith('/') || words.length > 1, ignore);
        }
        break;
      }
      case 'RUN':
        execFileSync('sh', ['-c', args], {
          cwd: inStage(current(), '.'),
          env: { ...process.env, ...options.runEnv, ...current().env },
          stdio: 'pipe',
          maxBuffer: 1 << 26,
        });
        break;
      case 'CMD':
        cmd = JSON.parse(args) as string[];
        break;
      case 'USER':
        user = args;
        break;
      case 'EXPOSE':
        break;
      default:
        throw new Error(`Dockerfile: ${instruction} is not understood by the image test; teach test/helpers/docker-image.ts`);
    }
  }
  const last = current();
  return { dir: inStage(last, '.'), env: last.env, cmd, ...(user ? { user } : {}) };
}

type Ignore = (relative: string) => boolean;

/** .dockerignore as Docker reads it: a path is left out if its last matching rule (or its folder's) says so. */
async function dockerignore(context: string): Promise<Ignore> {
  const text = await readFile(path.join(context, '.dockerignore'), 'utf8').catch(() => '');
  const rules = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = path.posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, ''));
      const regex = new RegExp(
        `^${pattern
          .split('**')
          .map((part) =>
            part
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
          )
          .join('.*')}$`,
      );
      return { negate, regex };
    });
  return (relative) => {
    let ignored = false;
    const parts = relative.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const prefix = parts.slice(0, depth).join('/');
      for (const rule of rules) if (rule.regex.test(prefix)) ignored = !rule.negate;
    }
    return ignored;
  };
}

async function copyContext(context: string, src: string, target: string, intoFolder: boolean, ignore: Ignore): Promise<void> {
  const from = path.join(context, src);
  const relative = path.relative(context, from).split(path.sep).join('/');
  if (relative && ignore(relative)) throw new Error(`Dockerfile: COPY ${src}: excluded by .dockerignore`);
  if ((await stat(from)).isDirectory()) {
    await mkdir(target, { recursive: true });
    for (const entry of await readdir(from)) {
      const child = relative ? `${relative}/${entry}` : entry;
      if (!ignore(child)) await copyContext(context, child, path.join(target, entry), false, ignore);
    }
  } else {
    const file = intoFolder ? path.join(target, path.basename(from)) : target;
    await mkdir(path.dirname(file), { recursive: true });
    await cp(from, file);
  }
}
