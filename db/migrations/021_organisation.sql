-- The association that runs the programmes (domain/organisation.ts): one row, its name, colour and logo on every
-- page and email, its sender and reply-to, whom participants contact. No row: Tandem's own look and EMAIL_FROM.
create table organisation (
  id boolean primary key default true check (id),
  name text not null,
  colour text not null,
  sender_name text not null default '',
  sender_address text not null default '',
  reply_to text not null default '',
  contact_name text not null default '',
  contact_email text not null default '',
  logo bytea,
  logo_type text,
  logo_version text,
  updated_at timestamptz not null default now()
);

-- A message in the dev outbox shows where its replies go, as the mail service would send it.
alter table outbox_messages add column reply_to text;
