-- A pair the admin paused (a party away for a while): shown on the admin pages until it resumes.
alter table pairs add column paused_since timestamptz;
alter table pairs add column pause_reason text;
