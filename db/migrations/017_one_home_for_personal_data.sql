-- One home for each person's data: rows shared by several people (alerts, the report, email records) refer to
-- participants by id and get their words when read; nothing copies a name, an address or someone's text.

-- Alerts name people by id. Their English message was a copy of names and words: alerts that have details
-- are worded from them, so the copy goes; older alerts (before details) keep theirs.
alter table alerts alter column message drop not null;

update alerts a set details = jsonb_build_object(
    'kind', 'health', 'menteeId', x.mentee_id, 'mentorId', x.mentor_id,
    'atRisk', a.details -> 'atRisk', 'checkIn', a.details -> 'checkIn', 'reasons', a.details -> 'reasons',
    'blockedIds', coalesce((
      select jsonb_agg(p.id) from jsonb_array_elements(a.details -> 'blocking') b
      join participants p on p.id in (x.mentee_id, x.mentor_id) and p.name = b ->> 'name'), '[]'))
  from pairs x where x.id = a.pair_id and a.details ->> 'kind' = 'health' and a.details ? 'mentee';

update alerts a set details = jsonb_build_object(
    'kind', 'charter-unsigned', 'menteeId', x.mentee_id, 'mentorId', x.mentor_id, 'deadline', a.details -> 'deadline',
    'missingIds', coalesce((
      select jsonb_agg(p.id) from jsonb_array_elements_text(a.details -> 'missing') m
      join participants p on p.id in (x.mentee_id, x.mentor_id) and p.name = m), '[]'))
  from pairs x where x.id = a.pair_id and a.details ->> 'kind' = 'charter-unsigned' and a.details ? 'mentee';

update alerts a set details = jsonb_build_object('kind', 'pair-dissolved', 'menteeId', x.mentee_id, 'mentorId', x.mentor_id)
  from pairs x where x.id = a.pair_id and a.details ->> 'kind' = 'pair-dissolved' and a.details ? 'mentee';

-- A bounce's key named the address (`bounce:<participant>:<email>`); the participant is enough.
update alerts set
    details = jsonb_build_object('kind', 'bounce', 'participantId', split_part(alert_key, ':', 2), 'reason', details -> 'reason'),
    alert_key = 'bounce:' || split_part(alert_key, ':', 2) || ':' || id
  where details ->> 'kind' = 'bounce' and details ? 'email';

update alerts set message = null where details is not null;

-- The report's comments point to the final-survey answers they come from, mentees' first, in the pairs' order.
update cohorts c set report = jsonb_set(c.report, '{comments}', coalesce((
    select jsonb_agg(jsonb_build_object('pairId', f.pair_id, 'participantId', f.participant_id, 'role', p.role)
      order by p.role = 'mentor', x.created_at, x.id)
    from final_survey_answers f join pairs x on x.id = f.pair_id join participants p on p.id = f.participant_id
    where x.cohort_id = c.id and coalesce(f.answers ->> 'improve', '') <> ''), '[]'))
  where c.report is not null;

-- An email's subject named the partner: the record keeps its kind, its recipient and when.
alter table sent_emails drop column subject;

-- A sign-up to a cohort already full is told so by email, never on the page: the request is kept until then.
alter table enrolment_requests add column cohort_full boolean not null default false;
