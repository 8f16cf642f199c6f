-- A hand-made pair's warnings are data, worded in each reader's language when shown (matching/explanations.ts).
-- Those stored before were English sentences (a must-match one quoted the two's answers): each becomes its data.
create function pg_temp.warning_as_data(warning jsonb) returns jsonb language sql immutable as $$
  select case
    when jsonb_typeof(warning) <> 'string' then warning
    when text !~ '^must match [^:]+:' and text !~ '^(these two|below the minimum|the mentor would have)' then null
    when text = 'these two must not be paired again' then '{"kind": "excluded"}'::jsonb
    when text ~ '^below the minimum score \(\d+ < \d+\)$' then jsonb_build_object(
      'kind', 'below-minimum',
      'score', (regexp_match(text, '\((\d+) <'))[1]::int,
      'minimum', (regexp_match(text, '< (\d+)\)'))[1]::int)
    when text ~ '^the mentor would have \d+ mentees for \d+ places?$' then jsonb_build_object(
      'kind', 'over-capacity',
      'taken', (regexp_match(text, 'have (\d+) mentees'))[1]::int,
      'capacity', (regexp_match(text, 'for (\d+) place'))[1]::int)
    else jsonb_build_object(
      'kind', 'must-match',
      'criterion', case label
        when 'field or industry' then 'field'
        when 'goals vs what the mentor offers' then 'topics'
        when 'shared language' then 'language'
        when 'availability' then 'availability'
        when 'location or remote' then 'meeting'
        else 'attribute:' || label end,
      'label', label)
  end
  from (select warning #>> '{}' as text, (regexp_match(warning #>> '{}', '^must match ([^:]+):'))[1] as label) w
$$;
create function pg_temp.warnings_as_data(warnings jsonb) returns jsonb language sql immutable as $$
  select coalesce(jsonb_agg(d) filter (where d is not null), '[]')
  from jsonb_array_elements(coalesce(warnings, '[]')) w, pg_temp.warning_as_data(w) d
$$;

update match_runs set result = result || jsonb_build_object('pairs',
  (select coalesce(jsonb_agg(p || jsonb_build_object('warnings', pg_temp.warnings_as_data(p -> 'warnings'))), '[]')
   from jsonb_array_elements(coalesce(result -> 'pairs', '[]')) p))
where result -> 'pairs' @? '$[*].warnings[*] ? (@.type() == "string")';

update match_adjustments set warnings = pg_temp.warnings_as_data(warnings)
where warnings @? '$[*] ? (@.type() == "string")';
