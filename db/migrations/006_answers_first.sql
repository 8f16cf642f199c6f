-- A participant's answer is stored by the web app, in the window the workflow opened for it: the workflow
-- opens, moves and closes windows; the web checks the window in the same transaction that stores the answer.
-- So "is this form still open?" has one home, and an answer never waits on Temporal.
create table answer_windows (
  form text not null check (form in ('survey', 'charter', 'check-in', 'final-survey')),
  -- The cohort (its survey), a late joiner (their own survey window), the pair, or "pair#round" (a check-in).
  subject_id text not null,
  cohort_id uuid not null references cohorts (id) on delete cascade,
  pair_id uuid references pairs (id) on delete cascade,
  closes_at timestamptz not null,
  -- Set by the workflow when it closes the window (deadline passed, or everyone answered): nothing more is accepted.
  closed_at timestamptz,
  primary key (form, subject_id)
);

-- The windows open when this release came: surveys (the cohorts' and late joiners') and charters. Check-ins
-- and final surveys opened before it are answered through their pair's workflow, as they were.
insert into answer_windows (form, subject_id, cohort_id, closes_at, closed_at)
  select 'survey', c.id::text, c.id, (c.schedule ->> 'surveyDeadline')::timestamptz, c.survey_closed_at from cohorts c;
insert into answer_windows (form, subject_id, cohort_id, closes_at)
  select 'survey', p.id::text, p.cohort_id, p.survey_deadline from participants p where p.survey_deadline is not null;
insert into answer_windows (form, subject_id, cohort_id, pair_id, closes_at)
  select 'charter', x.id::text, x.cohort_id, x.id, x.charter_deadline from pairs x
  where x.charter_deadline is not null and x.status = 'active' and x.stage in ('introduction', 'charter');

-- Signals owed to workflows, written in the transaction that stores an answer and delivered by the worker
-- (a transactional outbox): an answer stored while Temporal is away reaches its workflow when it is back.
create table workflow_signals (
  id bigserial primary key,
  workflow_id text not null,
  signal text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  last_error text
);

-- The form a stored answer came from: sent again after an error page (the same form), it replaces the first.
alter table charter_signatures add column request_id uuid;
alter table check_in_answers add column request_id uuid;
alter table final_survey_answers add column request_id uuid;
