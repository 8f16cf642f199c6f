-- An admin marks an alert as dealt with: it leaves the cohort's "needs your attention" list (the pair's page
-- keeps its history).
alter table alerts add column acknowledged_at timestamptz;
