import type { Role } from '../domain/types.js';
import { compareNames, pageOf, searchFor, type Page } from '../domain/paging.js';
import { proposalPage, proposalSortsByName, type ProposalQuery, type ProposalRow } from '../domain/proposal-query.js';
import type { Notice } from '../matching/explanations.js';
import type { MatchSummary, ProposedPair, Unmatched } from '../matching/match-cohort.js';
import type { Mentee, Mentor } from '../matching/profiles.js';
import type { MatchRun } from './matching.js';
import { peopleById, profileOf } from './match-run-people.js';
import { namesOf, peopleFound, withNames } from './people-search.js';
import type { Fragment, Sql } from './sql.js';

/**
 * A match proposal as its review page reads it, at any size: its figures here, its lists (pairs, unmatched,
 * mentors with free places) searched and cut into pages in proposalView. Only the people of the page shown
 * are opened, unless a search or an order by name needs every name.
 */
export interface ProposalHead extends Omit<MatchRun, 'inputs' | 'result'> {
  summary: MatchSummary;
  notices: Notice[];
  unmatchedCount: number;
}

export async function proposalHead(sql: Sql, which: { runId: string } | { cohortId: string }): Promise<ProposalHead | undefined> {
  const where = 'runId' in which ? sql`id = ${which.runId}` : sql`cohort_id = ${which.cohortId}`;
  const [run] = await sql<ProposalHead[]>`
    select id, cohort_id, kind, algorithm, settings, status, created_at, decided_at, result -> 'summary' as summary,
      coalesce(result -> 'notices', '[]') as notices,
      coalesce(jsonb_array_length(result -> 'unmatched'), 0) as unmatched_count
    from match_runs where ${where} order by created_at desc limit 1`;
  return run;
}

export interface ProposalView {
  /** The page of pairs shown, with their names and criteria; `matching` counts all the search and filter kept. */
  pairs: Page<ProposedPair & { n: number }>;
  /** The profiles of the people of the pairs shown, from which their reasons are worded. */
  profiles: { mentees: Map<string, Mentee>; mentors: Map<string, Mentor> };
  unmatched: Page<Unmatched>;
  /** Mentors with places left that the search kept, most places first: the first page of them, and how many in all. */
  freeMentors: { shown: { mentorId: string; name: string; freePlaces: number }[]; matching: number };
  /** Of a rematch round: whom it considered, and why (written in English when the round was put together). */
  inRound: Page<{ id: string; name: string; role: Role; because: string }>;
  /** Places left of every mentor of the run (none: no place left). */
  freePlaces: Map<string, number>;
}

export async function proposalView(
  sql: Sql,
  cohortId: string,
  { id: runId, kind }: Pick<ProposalHead, 'id' | 'kind'>,
  query: ProposalQuery,
): Promise<ProposalView> {
  const [rows, unmatchedRows, freeRows, inRoundRows] = await Promise.all([
    sql<ProposalRow[]>`
      select x.n::int as n, x.e ->> 'menteeId' as mentee_id, x.e ->> 'mentorId' as mentor_id, (x.e ->> 'score')::float8 as score,
        coalesce(jsonb_array_length(x.e -> 'warnings'), 0) as warnings, '' as mentee_name, '' as mentor_name
      from ${elementsOf(sql, runId, 'pairs')}`,
    sql<{ entry: Omit<Unmatched, 'name'> }[]>`select x.e as entry from ${elementsOf(sql, runId, 'unmatched')} order by x.n`,
    sql<{ mentorId: string; freePlaces: number }[]>`
      select x.e ->> 'mentorId' as mentor_id, (x.e ->> 'freePlaces')::int as free_places from ${elementsOf(sql, runId, 'freeMentors')}`,
    // Every run records why each person was in it; the page shows it of a rematch round, whose reasons differ.
    kind === 'rematch'
      ? sql<{ id: string; role: Role; because: string }[]>`
          select p.id, p.role, b.value as because from match_runs r cross join lateral jsonb_each_text(r.inputs -> 'inRoundBecause') b
          join participants p on p.id = b.key::uuid where r.id = ${runId} order by p.role, p.csv_line`
      : [],
  ]);
  const found = query.q ? await peopleFound(sql, cohortId, query.q) : undefined;
  const foundIds = found && new Set([...found.byName, ...found.byAddress]);
  const kept = (id: string) => !foundIds || foundIds.has(id);

  // Pairs: the names of every candidate when the search or the order needs them, else of the page only.
  const candidates = rows.filter((p) => kept(p.menteeId) || kept(p.mentorId));
  const page =
    found || proposalSortsByName(query)
      ? proposalPage(await withNames(sql, candidates), query, found?.byAddress)
      : await (async () => {
          const cut = proposalPage(candidates, query);
          return { ...cut, rows: await withNames(sql, cut.rows) };
        })();
  const full = new Map(
    (
      await sql<{ n: number; pair: Omit<ProposedPair, 'menteeName' | 'mentorName'> }[]>`
        select x.n::int as n, x.e as pair from ${elementsOf(sql, runId, 'pairs', sql`and x.n = any(${page.rows.map((r) => r.n)}::int[])`)}`
    ).map((r) => [r.n, r.pair]),
  );
  const pairs = page.rows.map((row) => {
    const pair = full.get(row.n)!;
    return {
      ...pair,
      n: row.n,
      menteeName: row.menteeName,
      mentorName: row.mentorName,
      criteria: pair.criteria.map((c) => ({ ...c, reason: c.reason ?? '' })),
    };
  });
  const people = await peopleById(
    sql,
    pairs.flatMap((p) => [p.menteeId, p.mentorId]),
  );
  const profiles = {
    mentees: new Map(pairs.flatMap((p) => profileOf<Mentee>(people.get(p.menteeId)) ?? []).map((m) => [m.id, m])),
    mentors: new Map(pairs.flatMap((p) => profileOf<Mentor>(people.get(p.mentorId)) ?? []).map((m) => [m.id, m])),
  };

  // Unmatched and free mentors: those the blind tokens found, their names opened to check the search's very words.
  const matchesName = searchFor(query.q);
  const searched = async <T>(list: T[], idOf: (item: T) => string) =>
    (await named(sql, list, idOf)).filter((item) => matchesName(item.name) || !!found?.byAddress.has(idOf(item)));
  /** A list's page: every name opened when the search or the order needs them, else the page's only. */
  const cut = async <T>(
    list: T[],
    idOf: (item: T) => string,
    pageNumber: number,
    order?: (a: T & { name: string }, b: T & { name: string }) => number,
  ) => {
    if (found || order) {
      const all = found ? await searched(list, idOf) : await named(sql, list, idOf);
      return pageOf(order ? all.sort(order) : all, pageNumber);
    }
    const shown = pageOf(list, pageNumber);
    return { ...shown, rows: await named(sql, shown.rows, idOf) };
  };
  const personOf = (u: Omit<Unmatched, 'name'>) => u.participantId;
  const byMentor = (f: { mentorId: string }) => f.mentorId;
  const free = freeRows.filter((f) => kept(f.mentorId)).sort((a, b) => b.freePlaces - a.freePlaces);
  const freeShown = await cut(free, byMentor, 1);
  return {
    pairs: { ...page, rows: pairs },
    profiles,
    unmatched: await cut(
      unmatchedRows.map((r) => r.entry).filter((u) => kept(u.participantId)),
      personOf,
      query.others,
      (a, b) => a.role.localeCompare(b.role) || compareNames(a.name, b.name),
    ),
    freeMentors: { shown: freeShown.rows, matching: freeShown.matching },
    inRound: await cut(
      inRoundRows.filter((p) => kept(p.id)),
      (p) => p.id,
      1,
    ),
    freePlaces: new Map(freeRows.map((f) => [f.mentorId, f.freePlaces])),
  };
}

/** The elements of one of a run's result lists, with their place in it (`x.n`, from 1) and the element (`x.e`). */
const elementsOf = (sql: Sql, runId: string, list: 'pairs' | 'unmatched' | 'freeMentors', and: Fragment = sql``) =>
  sql`match_runs r cross join lateral jsonb_array_elements(coalesce(r.result -> ${list}, '[]')) with ordinality as x(e, n)
    where r.id = ${runId} ${and}`;

/** Each item with the name of the person it names, opened. */
async function named<T>(sql: Sql, list: T[], idOf: (item: T) => string): Promise<(T & { name: string })[]> {
  const names = await namesOf(sql, list.map(idOf));
  return list.map((item) => ({ ...item, name: names.get(idOf(item)) ?? '' }));
}
