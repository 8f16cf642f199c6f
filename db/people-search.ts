import { searchAlternatives } from '../domain/paging.js';
import { isSealed, unseal } from '../domain/personal-encryption.js';
import { dataKeysOf, emailIndexesOf, searchTokensOf } from './data-keys.js';
import type { Fragment, Sql } from './sql.js';

/**
 * The people of the cohort a search may name, found in PostgreSQL without opening a name: by the blind tokens
 * of its words (every word of two letters or more at the start of a word of their name), or by their whole
 * address. Each part of the search between commas is searched on its own (domain/paging.ts).
 */
export async function peopleFound(sql: Sql, cohortId: string, q: string): Promise<{ byName: Set<string>; byAddress: Set<string> }> {
  const ids = async (where: Fragment) =>
    new Set((await sql<{ id: string }[]>`select id from participants where cohort_id = ${cohortId} and (${where})`).map((p) => p.id));
  const alternatives = searchAlternatives(q);
  // Under each master key a rotation has not yet rewritten, the tokens every word of one part gives.
  const tokenSets = alternatives.flatMap(searchTokensOf);
  const byName = tokenSets.some((tokens) => tokens.length === 0)
    ? await ids(sql`true`)
    : await ids(sql`${tokenSets.map((t, i) => sql`${i ? sql`or ` : sql``}name_tokens @> ${t}::text[]`)}`);
  const addresses = alternatives.filter((part) => part.includes('@')).flatMap(emailIndexesOf);
  const byAddress = addresses.length > 0 ? await ids(sql`email_index = any(${addresses}::text[])`) : new Set<string>();
  return { byName, byAddress };
}

/** Rows naming a mentee and a mentor, with their names opened: one query for the names, one for their keys. */
export async function withNames<T extends { menteeId: string; mentorId: string }>(
  sql: Sql,
  rows: T[],
): Promise<(T & { menteeName: string; mentorName: string })[]> {
  const names = await namesOf(
    sql,
    rows.flatMap((p) => [p.menteeId, p.mentorId]),
  );
  return rows.map((p) => ({ ...p, menteeName: names.get(p.menteeId) ?? '', mentorName: names.get(p.mentorId) ?? '' }));
}

/**
 * The names of these people, opened; someone erased has none. Each name is opened with its owner's key directly:
 * an order by name opens a national cohort's 28,000 at each view.
 */
export async function namesOf(sql: Sql, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [people, keys] = await Promise.all([
    sql<{ id: string; name: string }[]>`select id, name from participants where id = any(${unique}::uuid[])`,
    dataKeysOf(sql, unique),
  ]);
  return new Map(
    people.map(({ id, name }) => {
      const key = keys.get(id);
      return [id, !isSealed(name) ? name : ((key && unseal(name, key)) ?? '')];
    }),
  );
}
