-- A rematch proposal still in review when the programme ends is withdrawn, so the cohort can close.
alter table match_runs drop constraint match_runs_status_check;
alter table match_runs add constraint match_runs_status_check check (status in ('proposed', 'approved', 'superseded', 'withdrawn'));
