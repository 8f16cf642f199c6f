-- A message the mail service refused for its address (a bounce at sending): recorded like a sent one, so it
-- is not tried again, and shown on the admin pages against the participant.
alter table sent_emails add column status text not null default 'sent' check (status in ('sent', 'bounced'));
alter table sent_emails add column error text;

-- What needs the operator rather than a cohort's admin: the mail account refused, a step failing again and
-- again. Shown as a banner on every admin page until it resolves itself (the next success).
create table system_alerts (
  alert_key text primary key,
  message text not null,
  first_at timestamptz not null default now(),
  last_at timestamptz not null default now(),
  resolved_at timestamptz
);
