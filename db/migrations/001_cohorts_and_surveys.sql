create table cohorts (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  form_id uuid not null unique,
  name text not null,
  description text not null default '',
  charter text not null,
  schedule jsonb not null,
  stage text not null default 'survey',
  survey_closed_at timestamptz,
  created_at timestamptz not null default now()
);

create table participants (
  id uuid primary key default gen_random_uuid(),
  cohort_id uuid not null references cohorts (id) on delete cascade,
  csv_line integer not null,
  name text not null,
  email text not null,
  role text not null check (role in ('mentor', 'mentee')),
  languages text[] not null default '{}',
  attributes jsonb not null default '{}',
  unique (cohort_id, email)
);

create table survey_answers (
  participant_id uuid primary key references participants (id) on delete cascade,
  cohort_id uuid not null references cohorts (id) on delete cascade,
  submission_id uuid not null,
  answers jsonb not null,
  first_submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index survey_answers_cohort on survey_answers (cohort_id);

-- Our own record of every message sent: Resend forgets idempotency keys after a day, we do not.
create table sent_emails (
  idempotency_key text primary key,
  cohort_id uuid references cohorts (id) on delete cascade,
  participant_id uuid references participants (id) on delete cascade,
  kind text not null,
  to_address text not null,
  subject text not null,
  provider_message_id text,
  sent_at timestamptz not null default now()
);
create index sent_emails_cohort_kind on sent_emails (cohort_id, kind);

-- The dev outbox: where messages go when no Resend key is configured.
create table outbox_messages (
  id bigserial primary key,
  idempotency_key text not null unique,
  from_address text not null,
  to_address text not null,
  subject text not null,
  html text not null,
  text text not null,
  created_at timestamptz not null default now()
);
