-- A key per participant (crypto-shredding): their identifying fields and free text are sealed under a data key
-- of their own, stored here wrapped by the master key. Erasing them deletes this row. Their address is found
-- and kept unique in a cohort by a blind index. What a previous release stored in clear is sealed by the code
-- step of this migration (db/migrations/020_a_key_per_participant.ts), in the same transaction.
create table participant_keys (
  -- Deferred: a new participant's key is made before their row, whose fields it seals.
  participant_id uuid primary key references participants (id) on delete cascade deferrable initially deferred,
  master_key_id text not null,
  wrapped bytea not null
);
create index participant_keys_master on participant_keys (master_key_id);

alter table participants add column email_index text;
alter table participants drop constraint participants_cohort_id_email_key;
