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
  // Whom the search names, by blind tokens: the lists keep only them, then check the names' very words.
  const found = query.q ? await peopleFound(sql, cohortId, query.q) : undefined;
  const foundIds = found && new Set([...found.byName, ...found.byAddress]);
  const kept = (id: string) => !foundIds || foundIds.has(id);
  const cut = pagesOf(sql, query.q, found);

  const pairs = await pairsShown(
    sql,
    runId,
    rows.filter((p) => kept(p.menteeId) || kept(p.mentorId)),
    query,
    found,
  );
  const free = await cut(
    freeRows.filter((f) => kept(f.mentorId)).sort((a, b) => b.freePlaces - a.freePlaces),
    (f) => f.mentorId,
    1,
  );
  return {
    pairs,
    profiles: await profilesOf(sql, pairs.rows),
    unmatched: await cut(
      unmatchedRows.map((r) => r.entry).filter((u) => kept(u.participantId)),
      (u) => u.participantId,
      query.others,
      (a, b) => a.role.localeCompare(b.role) || compareNames(a.name, b.name),
    ),
    freeMentors: { shown: free.rows, matching: free.matching },
    inRound: await cut(
      inRoundRows.filter((p) => kept(p.id)),
      (p) => p.id,
      1,
    ),
    freePlaces: new Map(freeRows.map((f) => [f.mentorId, f.freePlaces])),
  };
}

type Found = Awaited<ReturnType<typeof peopleFound>>;

/** The page of pairs: every candidate's names opened when the search or the order needs them, else the page's only; then its pairs read whole. */
async function pairsShown(
  sql: Sql,
  runId: string,
  candidates: ProposalRow[],
  query: ProposalQuery,
  found: Found | undefined,
): Promise<Page<ProposedPair & { n: number }>> {
  let page: Page<ProposalRow>;
  if (found || proposalSortsByName(query)) page = proposalPage(await withNames(sql, candidates), query, found?.byAddress);
  else {
    const cut = proposalPage(candidates, query);
    page = { ...cut, rows: await withNames(sql, cut.rows) };
  }
  const whole = new Map(
    (
      await sql<{ n: number; pair: Omit<ProposedPair, 'menteeName' | 'mentorName'> }[]>`
        select x.n::int as n, x.e as pair from ${elementsOf(sql, runId, 'pairs', sql`and x.n = any(${page.rows.map((r) => r.n)}::int[])`)}`
    ).map((r) => [r.n, r.pair]),
  );
  return {
    ...page,
    rows: page.rows.map(({ n, menteeName, mentorName }) => {
      const pair = whole.get(n)!;
      return { ...pair, n, menteeName, mentorName, criteria: pair.criteria.map((c) => ({ ...c, reason: c.reason ?? '' })) };
    }),
  };
}

/** The profiles of the pairs' people, from which their reasons are worded. */
async function profilesOf(sql: Sql, pairs: ProposedPair[]): Promise<ProposalView['profiles']> {
  const people = await peopleById(
    sql,
    pairs.flatMap((p) => [p.menteeId, p.mentorId]),
  );
  return {
    mentees: new Map(pairs.flatMap((p) => profileOf<Mentee>(people.get(p.menteeId)) ?? []).map((m) => [m.id, m])),
    mentors: new Map(pairs.flatMap((p) => profileOf<Mentor>(people.get(p.mentorId)) ?? []).map((m) => [m.id, m])),
  };
}

/**
 * Cuts a list of people into pages, each with their name: every name opened when a search must check them or
 * an order needs them, else the page's only.
 */
function pagesOf(sql: Sql, q: string, found: Found | undefined) {
  const matchesName = searchFor(q);
  return async <T>(
    list: T[],
    idOf: (item: T) => string,
    pageNumber: number,
    order?: (a: T & { name: string }, b: T & { name: string }) => number,
  ) => {
    if (!found && !order) {
      const shown = pageOf(list, pageNumber);
      return { ...shown, rows: await named(sql, shown.rows, idOf) };
    }
    const all = await named(sql, list, idOf);
    const kept = found ? all.filter((item) => matchesName(item.name) || found.byAddress.has(idOf(item))) : all;
    return pageOf(order ? kept.sort(order) : kept, pageNumber);
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
