-- Named admin accounts instead of one shared login (domain/admin-roles.ts). The row is the person's one home:
-- sessions, the audit log and a cohort's managers name the account by id. A removed account keeps its name and
-- email, so the audit log still says who did what; it can no longer sign in.
create table admin_accounts (
  id uuid primary key default gen_random_uuid(),
  -- What the person types to sign in, lower-cased: their email, or the user name of the admin from before accounts.
  login text not null unique,
  name text not null,
  -- Where invitations, password resets, and the alerts and reports of the cohorts they manage go.
  email text,
  role text not null check (role in ('owner', 'manager', 'viewer')),
  -- A programme manager limited to the cohorts they manage (cohort_managers); otherwise every cohort.
  limited boolean not null default false,
  language text not null default 'en',
  -- scrypt (domain/password-hash.ts); null until an invitation is accepted.
  password_hash text,
  status text not null default 'invited' check (status in ('invited', 'active', 'suspended', 'removed')),
  created_at timestamptz not null default now(),
  password_changed_at timestamptz
);

-- Who manages a cohort: they receive its alerts and report, and a limited manager may run only these.
create table cohort_managers (
  cohort_id uuid not null references cohorts (id) on delete cascade,
  account_id uuid not null references admin_accounts (id) on delete cascade,
  primary key (cohort_id, account_id)
);
create index cohort_managers_account on cohort_managers (account_id);

-- Single-use links for an invitation or a password reset: the link is signed (domain/link-tokens.ts) and names
-- the ticket; using it, or a newer ticket of the same kind, spends it.
create table admin_tickets (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references admin_accounts (id) on delete cascade,
  kind text not null check (kind in ('invitation', 'password-reset')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index admin_tickets_account on admin_tickets (account_id, kind);

-- Sessions belong to an account; each person sees theirs (where from, last active) and ends them. Sessions from
-- before accounts have no account: they end here, and their admin signs in again.
delete from admin_sessions;
alter table admin_sessions
  add column account_id uuid not null references admin_accounts (id) on delete cascade,
  add column last_seen_at timestamptz not null default now(),
  add column address text,
  add column user_agent text;
alter table admin_sessions drop column user_name;
create index admin_sessions_account on admin_sessions (account_id);

-- Addresses an account signed in from: a stranger's failures elsewhere do not slow its owner down here.
create table login_successes (
  account_id uuid not null references admin_accounts (id) on delete cascade,
  address text not null,
  at timestamptz not null default now(),
  primary key (account_id, address)
);

-- Failures count per account and address together, per address, and per account.
alter table login_failures drop constraint login_failures_scope_check;
alter table login_failures add constraint login_failures_scope_check check (scope in ('account', 'address', 'pair'));

-- The audit log names the account that acted (its entries from before name the shared login, in actor); the
-- account actions (an invitation, a suspension) belong to no cohort.
alter table audit_log add column account_id uuid references admin_accounts (id);
alter table audit_log alter column actor drop not null;
alter table audit_log alter column cohort_id drop not null;
create index audit_log_account on audit_log (account_id, at);

-- An attempt counts as a failure while its password is checked; a right one takes its own rows back.
alter table login_failures add column id bigserial primary key;
