import { needsFrom, type NeedTally, type Needs } from '../domain/needs.js';
import type { Sql } from './sql.js';

/**
 * A cohort's needs from the answers stored so far, counted by PostgreSQL: two queries whatever the cohort's
 * size, cheap enough for a page that refreshes while the survey runs.
 */
export async function cohortNeeds(sql: Sql, cohortId: string): Promise<Needs> {
  const [tallies, [totals]] = await Promise.all([
    sql<NeedTally[]>`
      select o.dimension, o.value, p.role, count(*)::int as people, coalesce(sum((a.answers->>'capacity')::int), 0)::int as places
      from survey_answers a
      join participants p on p.id = a.participant_id
      cross join lateral (
        select 'field' as dimension, a.answers->>'field' as value
        union all
        select 'topic', jsonb_array_elements_text(case p.role when 'mentee' then a.answers->'helpWith' else a.answers->'offers' end)
        union all
        select 'language', jsonb_array_elements_text(a.answers->'languages')
      ) o
      where a.cohort_id = ${cohortId}
      group by o.dimension, o.value, p.role`,
    sql<{ mentees: number; mentors: number; places: number }[]>`
      select count(*) filter (where p.role = 'mentee')::int as mentees,
             count(*) filter (where p.role = 'mentor')::int as mentors,
             coalesce(sum((a.answers->>'capacity')::int) filter (where p.role = 'mentor'), 0)::int as places
      from survey_answers a join participants p on p.id = a.participant_id
      where a.cohort_id = ${cohortId}`,
  ]);
  return needsFrom(tallies, totals!);
}
