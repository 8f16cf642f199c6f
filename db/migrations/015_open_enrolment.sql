-- Open enrolment: a cohort's public sign-up link (its key is the unguessable part), whether it is open, and
-- how many may sign up through it.
alter table cohorts add column enrolment_key text unique;
alter table cohorts add column enrolment_open boolean not null default false;
alter table cohorts add column enrolment_cap integer;

-- A person who asked to join through the link; a participant once they confirm their address (double opt-in).
create table enrolment_requests (
  id uuid primary key default gen_random_uuid(),
  cohort_id uuid not null references cohorts (id) on delete cascade,
  name text not null,
  email text not null,
  role text not null check (role in ('mentor', 'mentee')),
  language text,
  requested_at timestamptz not null default now(),
  confirmed_at timestamptz,
  participant_id uuid references participants (id) on delete set null
);
create index enrolment_requests_cohort on enrolment_requests (cohort_id, email);

-- Sign-up attempts per network address, shared by every web instance: too many in an hour are refused.
create table enrolment_attempts (
  address text not null,
  at timestamptz not null default now()
);
create index enrolment_attempts_lookup on enrolment_attempts (address, at);
