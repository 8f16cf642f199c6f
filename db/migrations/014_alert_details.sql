-- What an alert says, as data (names, the check-in, the reasons): worded for each reader, in their language.
-- `message` keeps the English words, for alerts from before and for operators reading the table.
alter table alerts add column details jsonb;
