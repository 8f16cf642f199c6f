-- The charter in each language a cohort wants (domain/charter.ts): its versions beside the cohort's own, by
-- language. A blank charter is Tandem's default, which each participant reads in their language.
alter table cohorts add column charter_translations jsonb not null default '{}';
