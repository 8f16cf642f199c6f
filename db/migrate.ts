import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sealEveryParticipant } from './migrations/020_a_key_per_participant.js';
import { indexEveryName } from './migrations/025_name_search.js';
import type { Sql, Tx } from './sql.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** What a migration does that SQL cannot (encryption): run after its file, in its transaction. */
const CODE_STEPS: Record<string, (tx: Tx) => Promise<void>> = {
  '020_a_key_per_participant.sql': sealEveryParticipant,
  '025_name_search.sql': indexEveryName,
};

/**
 * Applies the numbered SQL files not yet applied, each in its own transaction. An advisory lock keeps two
 * processes starting at once from applying the same file twice. `until` stops after the file of that number
 * (a database as an earlier release left it, for the tests of a migration).
 */
export async function migrate(sql: Sql, { until }: { until?: string } = {}): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d+_.+\.sql$/.test(f) && (!until || f.split('_')[0]! <= until)).sort();
  const applied: string[] = [];
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`;
  for (const file of files) {
    const body = await readFile(MIGRATIONS_DIR + file, 'utf8');
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(7031)`;
      const [done] = await tx`select 1 from schema_migrations where name = ${file}`;
      if (done) return;
      await tx.unsafe(body);
      await CODE_STEPS[file]?.(tx);
      await tx`insert into schema_migrations (name) values (${file})`;
      applied.push(file);
    });
  }
  return applied;
}
