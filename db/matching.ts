import type { MatchInput, MatchResult } from '../matching/match-cohort.js';
import type { MatchSettings } from '../matching/settings.js';
import type { HealthReason } from '../domain/pair-health.js';
import { byReference, withPeople } from './match-run-people.js';
import { opened } from './data-keys.js';
import type { Fragment, Sql } from './sql.js';

export interface MatchRun {
  id: string;
  cohortId: string;
  kind: 'initial' | 'rematch';
  algorithm: string;
  settings: MatchSettings;
  inputs: MatchInput;
  result: MatchResult;
  status: 'proposed' | 'approved' | 'superseded' | 'withdrawn';
  createdAt: Date;
  decidedAt: Date | null;
}

export interface Pair {
  id: string;
  cohortId: string;
  matchRunId: string;
  menteeId: string;
  mentorId: string;
  workflowId: string;
  score: number;
  criteria: MatchResult['pairs'][number]['criteria'];
  status: 'active' | 'ended';
  /** The pair's stage as last recorded by its workflow (introduction, charter, active, dissolved). */
  stage: string;
  /** Read from the charter's answer window, its one record (`pairColumns`). */
  charterDeadline: Date | null;
  /** Set while the admin has the pair paused. */
  pausedSince: Date | null;
  pauseReason: string | null;
  /** After each check-in: on-track, needs-attention or at-risk, with the reasons, as data. */
  health: string | null;
  healthReasons: HealthReason[];
  endedReason: string | null;
  /** Of an ended pair, the parties given their place back: the next matching round may give them a new partner. */
  rematchIds: string[];
  createdAt: Date;
}

/** Stores a run once under the id its workflow chose: a retried activity finds it there. */
export async function insertMatchRun(
  sql: Sql,
  run: Pick<MatchRun, 'id' | 'cohortId' | 'kind' | 'algorithm' | 'settings' | 'inputs' | 'result'>,
): Promise<void> {
  const { inputs, result } = byReference(run);
  await sql.begin(async (tx) => {
    const [inserted] = await tx`
      insert into match_runs (id, cohort_id, kind, algorithm, settings, inputs, result)
      values (${run.id}, ${run.cohortId}, ${run.kind}, ${run.algorithm}, ${tx.json(run.settings as never)}, ${tx.json(inputs as never)}, ${tx.json(result as never)})
      on conflict (id) do nothing returning id`;
    if (inserted)
      await tx`update match_runs set status = 'superseded' where cohort_id = ${run.cohortId} and status = 'proposed' and id <> ${run.id}`;
  });
}

/** A run with its people's names and profiles as they are now (see match-run-people.ts). */
export async function getMatchRun(sql: Sql, id: string): Promise<MatchRun | undefined> {
  const [run] = await sql<MatchRun[]>`select * from match_runs where id = ${id}`;
  return run && withPeople(sql, run);
}

/** The latest run in figures, for the cohort's page: nothing of its people is read or opened. */
export async function latestMatchRunSummary(
  sql: Sql,
  cohortId: string,
): Promise<{ id: string; status: string; kind: string; pairs: number; mentees: number } | undefined> {
  const [run] = await sql<{ id: string; status: string; kind: string; pairs: number; mentees: number }[]>`
    select id, status, kind, coalesce(jsonb_array_length(result -> 'pairs'), 0) as pairs, coalesce((result -> 'summary' ->> 'mentees')::int, 0) as mentees
    from match_runs where cohort_id = ${cohortId} order by created_at desc limit 1`;
  return run;
}

/** A pair's charter deadline (the row aliased `p`), whose one record is the charter's answer window (the web checks a signature against it). */
export const charterDeadlineOf = (sql: Sql) =>
  sql`(select w.closes_at from answer_windows w where w.form = 'charter' and w.subject_id = p.id::text) as charter_deadline`;
const pairColumns = (sql: Sql) => sql`p.*, ${charterDeadlineOf(sql)}`;

/** Pairs with their people's names, opened (the names are sealed in the database, so they are sorted here). */
async function namedPairs(sql: Sql, where: Fragment): Promise<NamedPair[]> {
  return opened(
    sql,
    await sql<NamedPair[]>`
      select ${pairColumns(sql)}, e.name as mentee_name, o.name as mentor_name
      from pairs p join participants e on e.id = p.mentee_id join participants o on o.id = p.mentor_id
      ${where}
      order by p.created_at`,
  );
}

type NamedPair = Pair & { menteeName: string; mentorName: string };
const byMentee = (a: NamedPair, b: NamedPair) => a.menteeName.localeCompare(b.menteeName);

/** Every pair of the cohort, those still running first: ended ones stay visible with their outcome. */
export async function listPairs(sql: Sql, cohortId: string): Promise<NamedPair[]> {
  const pairs = await namedPairs(sql, sql`where p.cohort_id = ${cohortId}`);
  return pairs.sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active') || byMentee(a, b));
}

export async function listActivePairs(sql: Sql, cohortId: string): Promise<NamedPair[]> {
  return (await namedPairs(sql, sql`where p.cohort_id = ${cohortId} and p.status = 'active'`)).sort(byMentee);
}

export async function listPairsOfRun(sql: Sql, runId: string): Promise<Pair[]> {
  return sql<Pair[]>`select ${pairColumns(sql)} from pairs p where match_run_id = ${runId} order by mentee_id`;
}

export async function activePairOf(sql: Sql, participantId: string): Promise<Pair | undefined> {
  const [pair] = await sql<
    Pair[]
  >`select ${pairColumns(sql)} from pairs p where status = 'active' and (mentee_id = ${participantId} or mentor_id = ${participantId}) limit 1`;
  return pair;
}

/** The partners someone has in their other active pairs (a mentor of several), by name. */
export async function otherActivePartners(sql: Sql, participantId: string, exceptPairId: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select partner.name from pairs x
    join participants partner on partner.id = case when x.mentee_id = ${participantId} then x.mentor_id else x.mentee_id end
    where x.status = 'active' and x.id <> ${exceptPairId} and (x.mentee_id = ${participantId} or x.mentor_id = ${participantId})`;
  return (await opened(sql, rows)).map((r) => r.name).sort((a, b) => a.localeCompare(b));
}

export async function getPair(sql: Sql, id: string): Promise<Pair | undefined> {
  const [pair] = await sql<Pair[]>`select ${pairColumns(sql)} from pairs p where id = ${id}`;
  return pair;
}

export async function listExclusions(sql: Sql, cohortId: string): Promise<{ menteeId: string; mentorId: string }[]> {
  return sql`select mentee_id, mentor_id from match_exclusions where cohort_id = ${cohortId} order by mentee_id, mentor_id`;
}

export async function saveMatchSettings(sql: Sql, cohortId: string, settings: MatchSettings): Promise<void> {
  await sql`update cohorts set match_settings = ${sql.json(settings as never)} where id = ${cohortId}`;
}

export interface PoolMember {
  id: string;
  name: string;
  role: 'mentor' | 'mentee';
  attributes: Record<string, string>;
  answers: MatchInput['mentees'][number]['answers'] | MatchInput['mentors'][number]['answers'] | null;
  /** Places this person holds: active pairs, and ended ones whose place is not offered again (see 009_places.sql). */
  placesHeld: number;
  /** Why the latest pair that gave this person a place back ended, if one did. */
  freedBy: string | null;
}

/** Everyone still in the programme, with their answers (or null) and the places they hold. */
export async function loadMatchPool(sql: Sql, cohortId: string): Promise<PoolMember[]> {
  return opened(
    sql,
    await sql<PoolMember[]>`
    select p.id, p.name, p.role, p.attributes, a.answers,
      (select count(*)::int from pairs x where (x.mentee_id = p.id or x.mentor_id = p.id) and (x.status = 'active' or not p.id = any(x.rematch_ids))) as places_held,
      (select x.ended_reason from pairs x where x.status = 'ended' and p.id = any(x.rematch_ids) order by x.created_at desc limit 1) as freed_by
    from participants p left join survey_answers a on a.participant_id = p.id
    where p.cohort_id = ${cohortId} and p.left_at is null
    order by p.id`,
  );
}

/**
 * Approves a proposal once: its pairs become active (a mentee already in an active pair is skipped), and
 * the programme's end is fixed at the first approval. A retried activity finds it done. Undefined when the run
 * is not in the database.
 */
export async function approveMatchRun(
  sql: Sql,
  runId: string,
  pairWorkflowId: (menteeId: string, mentorId: string) => string,
  programmeDurationMs: number,
): Promise<{ pairs: number; programmeEndsAt: Date } | undefined> {
  return sql.begin(async (tx) => {
    const [run] = await tx<MatchRun[]>`select * from match_runs where id = ${runId} for update`;
    if (!run) return undefined;
    if (run.status === 'proposed') {
      for (const p of run.result.pairs) {
        await tx`
          insert into pairs (cohort_id, match_run_id, mentee_id, mentor_id, workflow_id, score, criteria)
          select ${run.cohortId}, ${run.id}, ${p.menteeId}, ${p.mentorId}, ${pairWorkflowId(p.menteeId, p.mentorId)}, ${p.score}, ${tx.json(p.criteria as never)}
          where not exists (select 1 from pairs where status = 'active' and mentee_id = ${p.menteeId})
            -- Someone erased while the proposal was in review is not paired.
            and not exists (select 1 from participants where id in (${p.menteeId}, ${p.mentorId}) and erased_at is not null)
          on conflict do nothing`;
      }
      await tx`update match_runs set status = 'approved', decided_at = now() where id = ${runId}`;
      await tx`update cohorts set programme_ends_at = coalesce(programme_ends_at, now() + ${programmeDurationMs} * interval '1 millisecond') where id = ${run.cohortId}`;
    }
    const [count] = await tx<{ n: number }[]>`select count(*)::int as n from pairs where match_run_id = ${runId}`;
    const [cohort] = await tx<{ programmeEndsAt: Date }[]>`select programme_ends_at from cohorts where id = ${run.cohortId}`;
    return { pairs: count!.n, programmeEndsAt: cohort!.programmeEndsAt };
  });
}

/** A proposal the programme's end overtook: withdrawn (again on a retry, unchanged); how many mentees it proposed for. */
export async function withdrawMatchRun(sql: Sql, runId: string): Promise<{ mentees: number } | undefined> {
  const [run] = await sql<{ mentees: number }[]>`
    update match_runs set status = 'withdrawn', decided_at = coalesce(decided_at, now()) where id = ${runId} and status in ('proposed', 'withdrawn')
    returning (result -> 'summary' ->> 'mentees')::int as mentees`;
  return run;
}

/**
 * Gives one party of an ended pair their place back (an early end gives nobody theirs); returns who has it back.
 */
export async function returnPlace(sql: Sql, pairId: string, participantId: string): Promise<string[]> {
  const [pair] = await sql<{ rematchIds: string[] }[]>`
    update pairs set rematch_ids = case when ${participantId}::uuid = any(rematch_ids) then rematch_ids else array_append(rematch_ids, ${participantId}::uuid) end
    where id = ${pairId} and status = 'ended' returning rematch_ids`;
  return pair?.rematchIds ?? [];
}

/**
 * Ends a pair for good and keeps its two people apart in later matching. `rematchIds` are the parties offered a
 * new partner for the place they held; for anyone else the place stays taken. The first end is the one kept.
 */
export async function endPair(sql: Sql, pairId: string, reason: string, rematchIds: string[] = []): Promise<Pair | undefined> {
  return sql.begin(async (tx) => {
    const [pair] = await tx<
      Pair[]
    >`update pairs set status = 'ended', ended_reason = ${reason}, rematch_ids = ${rematchIds}::uuid[] where id = ${pairId} and status = 'active' returning *`;
    if (pair) {
      await tx`insert into match_exclusions (cohort_id, mentee_id, mentor_id, reason) values (${pair.cohortId}, ${pair.menteeId}, ${pair.mentorId}, ${reason}) on conflict do nothing`;
    }
    return pair;
  });
}
