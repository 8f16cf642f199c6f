import type { Sql } from '../../db/sql.js';

/**
 * Every row of every table of the database as text: what a dump's data holds (the machine's pg_dump is older
 * than the server, which it refuses to dump). A test looks in it for what must be nowhere.
 */
export async function databaseText(sql: Sql, { except = [] as string[] } = {}): Promise<string> {
  const tables = (
    await sql<
      { name: string }[]
    >`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
  ).filter((t) => !except.includes(t.name));
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await sql<{ row: string }[]>`select t::text as row from ${sql(name)} t order by 1`;
    parts.push(`-- ${name}`, ...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
