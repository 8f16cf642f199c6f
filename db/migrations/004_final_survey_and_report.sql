create table final_survey_answers (
  pair_id uuid not null references pairs (id) on delete cascade,
  participant_id uuid not null references participants (id),
  answers jsonb not null,
  submitted_at timestamptz not null default now(),
  primary key (pair_id, participant_id)
);

-- What a pair came to, stored when it completes; and the cohort's report when the last pair has ended.
alter table pairs add column summary jsonb;
alter table cohorts add column report jsonb;
