-- An optional second factor for admins (domain/second-factor.ts): the authenticator's secret, and the last time
-- step a code was accepted for, so that a code works once.
alter table admin_accounts add column totp_secret text, add column totp_last_step bigint;

-- What the owners decide for every account: one row, absent until they change it.
create table account_policy (
  id boolean primary key default true check (id),
  -- Owners sign in with a second factor; one who has none sets it up before anything else.
  owners_need_second_factor boolean not null default false
);
