-- What the intake survey tells participants about their data (what, why, who sees it, how long); blank for
-- cohorts created before it, which show Tandem's default text.
alter table cohorts add column privacy_notice text not null default '';

-- When the cohort's personal data was erased at the end of its retention (the report stays).
alter table cohorts add column personal_data_erased_at timestamptz;
