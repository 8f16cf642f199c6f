import { needsFrom, type NeedTally, type Needs, type UnmetTally } from '../domain/needs.js';
import type { Sql } from './sql.js';

/**
 * A cohort's needs from the answers stored so far, counted by PostgreSQL: three queries whatever the cohort's
 * size, cheap enough for a page that refreshes while the survey runs.
 */
export async function cohortNeeds(sql: Sql, cohortId: string): Promise<Needs> {
  const [tallies, unmet, [totals]] = await Promise.all([
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
    // Mentees none of whose topics any mentor offers, and none of whose languages any mentor speaks, per option they ticked.
    sql<UnmetTally[]>`
      with answered as (
        select p.role, a.answers from survey_answers a join participants p on p.id = a.participant_id where a.cohort_id = ${cohortId}
      ),
      offered as (select distinct jsonb_array_elements_text(answers->'offers') as value from answered where role = 'mentor'),
      spoken as (select distinct jsonb_array_elements_text(answers->'languages') as value from answered where role = 'mentor'),
      mentees as (select answers from answered where role = 'mentee')
      select 'topic' as dimension, t.value, count(*)::int as mentees
      from mentees m cross join lateral jsonb_array_elements_text(m.answers->'helpWith') t(value)
      where not exists (select 1 from jsonb_array_elements_text(m.answers->'helpWith') h(value) join offered o using (value))
      group by t.value
      union all
      select 'language', l.value, count(*)::int
      from mentees m cross join lateral jsonb_array_elements_text(m.answers->'languages') l(value)
      where not exists (select 1 from jsonb_array_elements_text(m.answers->'languages') x(value) join spoken s using (value))
      group by l.value`,
    sql<{ mentees: number; mentors: number; places: number }[]>`
      select count(*) filter (where p.role = 'mentee')::int as mentees,
             count(*) filter (where p.role = 'mentor')::int as mentors,
             coalesce(sum((a.answers->>'capacity')::int) filter (where p.role = 'mentor'), 0)::int as places
      from survey_answers a join participants p on p.id = a.participant_id
      where a.cohort_id = ${cohortId}`,
  ]);
  return needsFrom(tallies, unmet, totals!);
}
