-- A participant found by the start of the words of their name without PostgreSQL holding it: blind tokens
-- (domain/personal-encryption.ts), computed for the names already stored by the code step that follows.
alter table participants add column name_tokens text[] not null default '{}';
create index participants_name_tokens on participants using gin (name_tokens);
