-- What the intake survey tells participants about their data (what, why, who sees it, how long); blank for
-- cohorts created before it, which show Tandem's default text.
alter table cohorts add column privacy_notice text not null default '';
