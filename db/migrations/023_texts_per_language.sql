-- Every text a cohort writes for its participants in each language it wants (domain/cohort-texts.ts): the
-- description, the charter and the privacy notice, by text and language. The charter's versions move in.
alter table cohorts add column translations jsonb not null default '{}';
update cohorts set translations = jsonb_build_object('charter', charter_translations) where charter_translations <> '{}';
alter table cohorts drop column charter_translations;
