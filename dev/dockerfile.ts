import { readFile } from 'node:fs/promises';

/**
 * The Dockerfile read as Docker reads it: instructions with their arguments (continued lines joined,
 * comments left out). The image test assembles the image from it; the benchmarks take the image's
 * environment from it, so what they measure runs as the image runs (NODE_ENV=production, among others).
 */
export function parseDockerfile(text: string): { instruction: string; args: string }[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [, instruction, args] = /^(\w+)\s+(.*)$/.exec(l) ?? [];
      if (!instruction) throw new Error(`Dockerfile: cannot read "${l}"`);
      return { instruction: instruction.toUpperCase(), args: args!.trim() };
    });
}

/** The variables of one ENV instruction (`KEY=value KEY2="a value"`). */
export const envOf = (args: string): Record<string, string> =>
  Object.fromEntries([...args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, key, value]) => [key!, value!.replace(/^"|"$/g, '')]));

/** The environment the image's processes start with: the ENV instructions of its last stage. */
export async function readImageEnv(dockerfile: string): Promise<Record<string, string>> {
  let env: Record<string, string> = {};
  for (const { instruction, args } of parseDockerfile(await readFile(dockerfile, 'utf8'))) {
    if (instruction === 'FROM') env = {};
    if (instruction === 'ENV') env = { ...env, ...envOf(args) };
  }
  return env;
}
