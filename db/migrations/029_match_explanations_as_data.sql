-- Why someone is unmatched and what a proposal's admin should know are data, worded in each reader's language
-- when shown (matching/explanations.ts). Runs stored since 2026-11-28 kept English words beside the data, and
-- runs from before had only the words (written by the same sentences since the first release): each becomes
-- its data, and the words go.
create function pg_temp.criterion_of(label text) returns text language sql immutable as $$
  select case label
    when 'field or industry' then 'field'
    when 'goals vs what the mentor offers' then 'topics'
    when 'shared language' then 'language'
    when 'availability' then 'availability'
    when 'location or remote' then 'meeting'
    else 'attribute:' || label end
$$;

create function pg_temp.unmatched_why(reason text) returns jsonb language sql immutable as $$
  select case
    when reason = 'no mentor answered the survey' then '{"kind": "no-mentor"}'::jsonb
    when reason = 'no mentor has a free place' then '{"kind": "no-place"}'::jsonb
    when reason = 'every mentor with a free place is excluded (a previous partner)' then '{"kind": "excluded"}'::jsonb
    when reason = 'did not answer the intake survey' then '{"kind": "unanswered"}'::jsonb
    when reason ~ '^waitlist: the \d+ mentors? ' then jsonb_build_object(
      'kind', 'waitlist', 'fitting', (regexp_match(reason, '^waitlist: the (\d+)'))[1]::int)
    when reason ~ '^no mentor reaches the minimum score \(best possible -?\d+, minimum \d+\)$' then jsonb_build_object(
      'kind', 'below-minimum',
      'best', (regexp_match(reason, 'best possible (-?\d+)'))[1]::int,
      'minimum', (regexp_match(reason, 'minimum (\d+)\)$'))[1]::int)
    when reason like 'unpaired by the admin: %' then jsonb_build_object(
      'kind', 'unpaired', 'reason', substr(reason, length('unpaired by the admin: ') + 1))
    when reason like 'no mentor meets every must-match criterion together: %' then jsonb_build_object(
      'kind', 'must-match',
      'failing', (
        select coalesce(jsonb_agg(jsonb_build_object(
          'criterion', pg_temp.criterion_of(m[1]), 'label', m[1], 'meeting', m[2]::int, 'of', m[3]::int)), '[]')
        from regexp_matches(reason, '(?:: |, )([^,(]+) \((\d+) of (\d+) mentors?\)', 'g') m))
  end
$$;

create function pg_temp.notice_of(notice text) returns jsonb language sql immutable as $$
  select case
    when notice like 'No mentee to match:%' then '{"kind": "no-mentee"}'::jsonb
    when notice like 'No mentor answered the survey:%' then '{"kind": "no-mentor"}'::jsonb
    when notice = 'No mentor has a free place.' then '{"kind": "no-place"}'::jsonb
    when notice ~ '^No pair reaches the minimum score of \d+' then jsonb_build_object(
      'kind', 'no-pair', 'minimum', (regexp_match(notice, 'minimum score of (\d+)'))[1]::int)
    when notice ~ '^\d+ participants? did not answer the survey' then jsonb_build_object(
      'kind', 'unanswered', 'count', (regexp_match(notice, '^(\d+)'))[1]::int)
  end
$$;

update match_runs set result = (result - 'noticesWhy') || jsonb_build_object(
  'notices', coalesce(result -> 'noticesWhy', (
    select coalesce(jsonb_agg(pg_temp.notice_of(n #>> '{}') order by i) filter (where pg_temp.notice_of(n #>> '{}') is not null), '[]')
    from jsonb_array_elements(coalesce(result -> 'notices', '[]')) with ordinality as e(n, i))),
  'unmatched', (
    select coalesce(jsonb_agg((u - 'reason') || jsonb_build_object('why', coalesce(u -> 'why', pg_temp.unmatched_why(u ->> 'reason'))) order by i), '[]')
    from jsonb_array_elements(coalesce(result -> 'unmatched', '[]')) with ordinality as e(u, i)))
where result ? 'noticesWhy'
   or result -> 'notices' @? '$[*] ? (@.type() == "string")'
   or result -> 'unmatched' @? '$[*].reason';
