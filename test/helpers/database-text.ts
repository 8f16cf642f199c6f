import type { Sql } from '../../db/sql.js';

/**
 * Every row of every table of the database as text: what a dump's data holds (the machine's pg_dump is older
 * than the server, which it refuses to dump). A test looks in it for what must be nowhere. `except` leaves
 * tables out; `without` leaves out columns, named `table.column`.
 */
export async function databaseText(sql: Sql, { except = [] as string[], without = [] as string[] } = {}): Promise<string> {
  const tables = (
    await sql<
      { name: string }[]
    >`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
  ).filter((t) => !except.includes(t.name));
  const parts: string[] = [];
  for (const { name } of tables) {
    const left = without.filter((c) => c.startsWith(`${name}.`)).map((c) => c.slice(name.length + 1));
    const rows = left.length
      ? await sql<{ row: string }[]>`select (to_jsonb(t) - ${left}::text[])::text as row from ${sql(name)} t order by 1`
      : await sql<{ row: string }[]>`select t::text as row from ${sql(name)} t order by 1`;
    parts.push(`-- ${name}`, ...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
