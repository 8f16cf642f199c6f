import { sortsByName, pairsTable as tableOf, type PairRow, type PairsQuery, type PairsTable } from '../domain/pairs-query.js';
import { emailIndexesOf, opened, searchTokensOf } from './data-keys.js';
import { charterDeadlineOf } from './matching.js';
import type { Fragment, Sql } from './sql.js';

/**
 * A cohort's pairs table as its page asks for it (domain/pairs-query.ts). Names are sealed, so PostgreSQL finds
 * whom a search names by the blind tokens of their names, or of their address; only the names of the pairs it
 * found, or of the 50 shown, are opened (every pair's, to order by name). Criteria and answers stay in the database.
 */
export async function pairsTable(sql: Sql, cohortId: string, query: PairsQuery): Promise<PairsTable> {
  const rows = await sql<PairRow[]>`
    select id, status, stage, health, health_reasons, score, ${charterDeadlineOf(sql)}, paused_since, created_at, mentee_id, mentor_id,
      '' as mentee_name, '' as mentor_name
    from pairs p where cohort_id = ${cohortId}`;
  const found = query.q ? await peopleFound(sql, cohortId, query.q) : undefined;
  const candidates = found
    ? rows.filter(
        (p) =>
          found.byName.has(p.menteeId) ||
          found.byName.has(p.mentorId) ||
          found.byAddress.has(p.menteeId) ||
          found.byAddress.has(p.mentorId),
      )
    : rows;
  if (found || sortsByName(query)) {
    const table = tableOf(await withNames(sql, candidates), query, found?.byAddress);
    return { ...table, running: rows.filter((p) => p.status === 'active').length, ended: rows.filter((p) => p.status !== 'active').length };
  }
  const table = tableOf(rows, query);
  return { ...table, page: { ...table.page, rows: await withNames(sql, table.page.rows) } };
}

/**
 * The people of the cohort a search may name: by the tokens of its words (every word of two letters or more at
 * the start of a word of their name), or by their whole address.
 */
async function peopleFound(sql: Sql, cohortId: string, q: string): Promise<{ byName: Set<string>; byAddress: Set<string> }> {
  const ids = async (where: Fragment) =>
    new Set((await sql<{ id: string }[]>`select id from participants where cohort_id = ${cohortId} and ${where}`).map((p) => p.id));
  const tokens = searchTokensOf(q);
  const byName =
    tokens[0]!.length === 0
      ? await ids(sql`true`)
      : await ids(sql`(${tokens.map((t, i) => sql`${i ? sql`or ` : sql``}name_tokens @> ${t}::text[]`)})`);
  const byAddress = q.includes('@') ? await ids(sql`email_index = any(${emailIndexesOf(q)}::text[])`) : new Set<string>();
  return { byName, byAddress };
}

/** The pairs with their people's names, opened: one query for the names, one for their keys. */
async function withNames(sql: Sql, pairs: PairRow[]): Promise<PairRow[]> {
  const ids = [...new Set(pairs.flatMap((p) => [p.menteeId, p.mentorId]))];
  if (ids.length === 0) return pairs;
  const people = await opened(
    sql,
    await sql<{ id: string; name: string }[]>`select id, name from participants where id = any(${ids}::uuid[])`,
  );
  const names = new Map(people.map((p) => [p.id, p.name]));
  return pairs.map((p) => ({ ...p, menteeName: names.get(p.menteeId) ?? '', mentorName: names.get(p.mentorId) ?? '' }));
}
