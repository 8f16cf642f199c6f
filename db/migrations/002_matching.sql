alter table cohorts add column match_settings jsonb;
alter table cohorts add column programme_ends_at timestamptz;

-- Every match run, reproducible and auditable: its inputs, settings, algorithm and result.
create table match_runs (
  id uuid primary key default gen_random_uuid(),
  cohort_id uuid not null references cohorts (id) on delete cascade,
  kind text not null check (kind in ('initial', 'rematch')),
  algorithm text not null,
  settings jsonb not null,
  inputs jsonb not null,
  result jsonb not null,
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'superseded')),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create index match_runs_cohort on match_runs (cohort_id, created_at);

-- The admin's changes to a proposal, each with its reason.
create table match_adjustments (
  id bigserial primary key,
  match_run_id uuid not null references match_runs (id) on delete cascade,
  request_id text not null unique,
  action text not null check (action in ('pair', 'unpair', 'swap')),
  details jsonb not null,
  reason text not null,
  warnings jsonb not null default '[]',
  created_at timestamptz not null default now()
);

create table pairs (
  id uuid primary key default gen_random_uuid(),
  cohort_id uuid not null references cohorts (id) on delete cascade,
  match_run_id uuid not null references match_runs (id),
  mentee_id uuid not null references participants (id),
  mentor_id uuid not null references participants (id),
  workflow_id text not null unique,
  score integer not null,
  criteria jsonb not null,
  status text not null default 'active' check (status in ('active', 'ended')),
  ended_reason text,
  created_at timestamptz not null default now(),
  unique (match_run_id, mentee_id)
);
create unique index pairs_one_active_per_mentee on pairs (mentee_id) where status = 'active';

-- People who must not be paired again, e.g. after a pair was dissolved.
create table match_exclusions (
  cohort_id uuid not null references cohorts (id) on delete cascade,
  mentee_id uuid not null references participants (id),
  mentor_id uuid not null references participants (id),
  reason text not null,
  created_at timestamptz not null default now(),
  primary key (mentee_id, mentor_id)
);

-- Who is waiting for a (new) partner: unmatched mentees, rematch requests, late joiners.
alter table participants add column joined_late boolean not null default false;
alter table participants add column left_at timestamptz;
-- A late joiner's own survey window, when they join after the cohort's survey opened.
alter table participants add column survey_deadline timestamptz;
