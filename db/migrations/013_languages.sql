-- The language Tandem writes to a cohort's participants in, unless a participant has their own.
alter table cohorts add column language text not null default 'en' check (language in ('en', 'fr'));

-- A participant's own language of communication (from the CSV, or chosen on the survey page); null: the cohort's.
alter table participants add column language text check (language in ('en', 'fr'));
