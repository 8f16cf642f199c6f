-- Who signed their pair's charter, when, and the name they typed as signature.
create table charter_signatures (
  pair_id uuid not null references pairs (id) on delete cascade,
  participant_id uuid not null references participants (id),
  typed_name text not null,
  signed_at timestamptz not null default now(),
  primary key (pair_id, participant_id)
);

alter table pairs add column stage text not null default 'introduction';
alter table pairs add column charter_deadline timestamptz;

-- What needs the admin's attention: shown on the admin pages, emailed when ADMIN_EMAIL is set.
create table alerts (
  id bigserial primary key,
  alert_key text not null unique,
  cohort_id uuid not null references cohorts (id) on delete cascade,
  pair_id uuid references pairs (id) on delete cascade,
  message text not null,
  created_at timestamptz not null default now()
);
create index alerts_cohort on alerts (cohort_id, created_at);

-- Check-ins: each party's answers per round, and the pair's health after each.
create table check_in_answers (
  pair_id uuid not null references pairs (id) on delete cascade,
  round integer not null,
  participant_id uuid not null references participants (id),
  answers jsonb not null,
  submitted_at timestamptz not null default now(),
  primary key (pair_id, round, participant_id)
);
alter table pairs add column health text;
alter table pairs add column health_reasons jsonb not null default '[]';
