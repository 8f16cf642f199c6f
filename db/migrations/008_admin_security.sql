-- Admin sessions live here, not only in a signed cookie: logging out ends the session on every web instance,
-- and a copied cookie stops working with it.
create table admin_sessions (
  id text primary key,
  user_name text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index admin_sessions_expiry on admin_sessions (expires_at);

-- Failed logins, per account and per address, shared by every web instance: too many in a while locks out.
create table login_failures (
  scope text not null check (scope in ('account', 'address')),
  key text not null,
  at timestamptz not null default now()
);
create index login_failures_lookup on login_failures (scope, key, at);
