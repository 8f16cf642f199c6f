-- A participant erased at their request (GDPR article 17): the row stays, so the report's figures and the
-- pairs' history keep their shape, but it holds nothing personal any more.
alter table participants add column erased_at timestamptz;

-- What admins did with people's data and pairs: exports, erasures, the actions on a pair. Never personal data
-- itself: who acted, what, on which subject (ids), when.
create table audit_log (
  id bigserial primary key,
  cohort_id uuid not null references cohorts (id) on delete cascade,
  actor text not null,
  action text not null,
  subject_id text not null,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_cohort on audit_log (cohort_id, at);
