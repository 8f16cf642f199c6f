import { sortsByName, pairsTable as tableOf, type PairRow, type PairsQuery, type PairsTable } from '../domain/pairs-query.js';
import { charterDeadlineOf } from './matching.js';
import { peopleFound, withNames } from './people-search.js';
import type { Sql } from './sql.js';

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
