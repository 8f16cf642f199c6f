-- Objectives: a cohort that asks them has each party write two or three on the charter page; the check-in
-- at mid-programme rates each (its answers carry `progress`, one value per objective, in order).
-- Cohorts from before do not ask: their running pairs go on as they started.
alter table cohorts add column objectives boolean not null default false;
alter table charter_signatures add column objectives jsonb not null default '[]';
