-- The cohort page asks, for each participant, whether they were invited, reminded or bounced: by participant,
-- not by scanning every email of the database.
create index if not exists sent_emails_participant on sent_emails (participant_id, kind);
