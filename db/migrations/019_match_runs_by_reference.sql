-- Match runs name their people by id: names, survey answers and CSV values stay in the people's own rows and
-- are read back with the run (db/match-run-people.ts). Runs stored before drop their copies here.
create function pg_temp.without_keys(items jsonb, variadic keys text[]) returns jsonb language sql immutable as $$
  select coalesce(jsonb_agg(item - keys), '[]') from jsonb_array_elements(coalesce(items, '[]')) item
$$;
create function pg_temp.ids_of(items jsonb, variadic keep text[]) returns jsonb language sql immutable as $$
  select coalesce(jsonb_agg((select coalesce(jsonb_object_agg(k, item -> k), '{}') from unnest(keep) k where item ? k)), '[]')
  from jsonb_array_elements(coalesce(items, '[]')) item
$$;

update match_runs set
  inputs = inputs || jsonb_build_object(
    'mentees', pg_temp.ids_of(inputs -> 'mentees', 'id'),
    'mentors', pg_temp.ids_of(inputs -> 'mentors', 'id'),
    'unanswered', pg_temp.ids_of(inputs -> 'unanswered', 'id', 'role')),
  result = result || jsonb_build_object(
    'pairs', (select coalesce(jsonb_agg((p - 'menteeName' - 'mentorName') || jsonb_build_object('criteria', pg_temp.without_keys(p -> 'criteria', 'reason'))), '[]')
              from jsonb_array_elements(coalesce(result -> 'pairs', '[]')) p),
    'unmatched', pg_temp.without_keys(result -> 'unmatched', 'name'),
    'freeMentors', pg_temp.without_keys(result -> 'freeMentors', 'name'));

-- A pair's criteria keep their kinds and scores; their reasons quoted the two's answers.
update pairs set criteria = pg_temp.without_keys(criteria, 'reason');
