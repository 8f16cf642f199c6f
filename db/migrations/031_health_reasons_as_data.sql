-- Why a pair needs attention is data, worded for each reader (domain/alerts.ts). Pairs and alerts assessed
-- before 2026-11-28 kept English sentences, the first release's quoting what a party typed ("the mentor is
-- blocked: “…”"): each becomes its data, and the words go.
create function pg_temp.health_reason(reason jsonb) returns jsonb language sql immutable as $$
  select case
    when jsonb_typeof(reason) <> 'string' then reason
    when text ~ '^the (mentee|mentor) has been silent at two check-ins in a row$' then jsonb_build_object('kind', 'silent-twice', 'role', role)
    when text ~ '^the (mentee|mentor) did not answer the check-in$' then jsonb_build_object('kind', 'silent', 'role', role)
    when text ~ '^the (mentee|mentor) wants to stop$' then jsonb_build_object('kind', 'wants-to-stop', 'role', role)
    when text ~ '^the (mentee|mentor) rates it \d+/5$' then jsonb_build_object(
      'kind', 'low-rating', 'role', role, 'rating', (regexp_match(text, 'rates it (\d+)/5'))[1]::int)
    when text ~ '^the (mentee|mentor) (says something is in the way$|is blocked: )' then jsonb_build_object('kind', 'blocked', 'role', role)
    when text = 'no contact since the last check-in' then '{"kind": "no-contact"}'::jsonb
    when text = 'their answers disagree on whether they met' then '{"kind": "met-disagree"}'::jsonb
    when text ~ '^their ratings disagree \(\d+/5 and \d+/5\)$' then jsonb_build_object(
      'kind', 'ratings-disagree',
      'mentee', (regexp_match(text, '\((\d+)/5'))[1]::int,
      'mentor', (regexp_match(text, 'and (\d+)/5\)'))[1]::int)
  end
  from (select reason #>> '{}' as text, (regexp_match(reason #>> '{}', '^the (mentee|mentor) '))[1] as role) r
$$;

create function pg_temp.health_reasons(reasons jsonb) returns jsonb language sql immutable as $$
  select coalesce(jsonb_agg(d order by i) filter (where d is not null), '[]')
  from jsonb_array_elements(coalesce(reasons, '[]')) with ordinality as e(r, i), pg_temp.health_reason(r) d
$$;

update pairs set health_reasons = pg_temp.health_reasons(health_reasons)
where health_reasons @? '$[*] ? (@.type() == "string")';

update alerts set details = jsonb_set(details, '{reasons}', pg_temp.health_reasons(details -> 'reasons'))
where details ->> 'kind' = 'health' and details -> 'reasons' @? '$[*] ? (@.type() == "string")';
