-- The language Tandem writes to a cohort's participants in, and the time zone its dates are shown in,
-- unless a participant has their own.
alter table cohorts add column language text not null default 'en' check (language in ('en', 'fr'));
alter table cohorts add column time_zone text not null default 'UTC';

-- A participant's own language of communication and time zone (from the CSV, or chosen or detected on the
-- survey page); null: the cohort's.
alter table participants add column language text check (language in ('en', 'fr'));
alter table participants add column time_zone text;

-- The time zone the admin's browser reported at login: admin pages show dates in it.
alter table admin_sessions add column time_zone text;
