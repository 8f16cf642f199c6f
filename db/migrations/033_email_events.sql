-- What the mail provider says about an email after it accepted it (a bounce or a complaint that comes later, a
-- delay), through its signed webhook: each event once, by the provider's id for it, tied to the email it is
-- about (and through it to the person). Ids and kinds only.
create table email_events (
  id text primary key,
  type text not null,
  provider_message_id text not null,
  received_at timestamptz not null default now()
);
create index email_events_message on email_events (provider_message_id);
create index sent_emails_provider_message on sent_emails (provider_message_id);
