import type { AccountStatus, AdminAccount, Role } from '../domain/admin-roles.js';
import type { Invitation } from '../domain/account-form.js';
import type { Sql, Tx } from './sql.js';

/** Admin accounts, the cohorts each manages, and their single-use links (invitation, password reset). */

const ACCOUNT = (sql: Sql | Tx) => sql`id, login, name, email, role, limited, status, language, totp_secret is not null as second_factor`;

/**
 * At the first start (or the first after the upgrade to accounts), the admin configured by ADMIN_USER and
 * ADMIN_PASSWORD becomes the owner, and the audit entries that named that login name this account. Any later
 * start finds accounts and changes nothing: the owner renames themselves and changes the password on their page.
 */
export async function ensureFirstOwner(
  sql: Sql,
  owner: { login: string; passwordHash: () => Promise<string>; email?: string | undefined },
): Promise<boolean> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(7032)`;
    const [any] = await tx`select 1 from admin_accounts limit 1`;
    if (any) return false;
    const login = owner.login.trim().toLowerCase();
    const [created] = await tx<{ id: string }[]>`
      insert into admin_accounts (login, name, email, role, status, password_hash, password_changed_at)
      values (${login}, ${owner.login}, ${owner.email ?? null}, 'owner', 'active', ${await owner.passwordHash()}, now())
      returning id`;
    await tx`update audit_log set account_id = ${created!.id} where account_id is null and lower(actor) = ${login}`;
    return true;
  });
}

export type AccountWithSecrets = AdminAccount & { passwordHash: string | null; totpSecret: string | null };

export async function accountForLogin(sql: Sql | Tx, login: string): Promise<AccountWithSecrets | undefined> {
  const [row] = await sql<AccountWithSecrets[]>`
    select ${ACCOUNT(sql)}, password_hash, totp_secret from admin_accounts where login = ${login.trim().toLowerCase()}`;
  return row;
}

/** An account's second factor: its authenticator's secret, set (once confirmed with a code) or removed. */
export async function setSecondFactor(sql: Sql, accountId: string, secret: string | null): Promise<void> {
  await sql`update admin_accounts set totp_secret = ${secret}, totp_last_step = null where id = ${accountId}`;
}

export async function secondFactorSecret(sql: Sql, accountId: string): Promise<string | null> {
  const [row] = await sql<{ totpSecret: string | null }[]>`select totp_secret from admin_accounts where id = ${accountId}`;
  return row?.totpSecret ?? null;
}

/** Spends a code's time step: false if this step, or a later one, was spent already (a code works once). */
export async function spendCodeStep(sql: Sql, accountId: string, step: number): Promise<boolean> {
  const rows = await sql`
    update admin_accounts set totp_last_step = ${step}
    where id = ${accountId} and (totp_last_step is null or totp_last_step < ${step})
    returning id`;
  return rows.length === 1;
}

export interface AccountPolicy {
  ownersNeedSecondFactor: boolean;
}

export async function accountPolicy(sql: Sql): Promise<AccountPolicy> {
  const [row] = await sql<AccountPolicy[]>`select owners_need_second_factor from account_policy`;
  return row ?? { ownersNeedSecondFactor: false };
}

export async function saveAccountPolicy(sql: Sql, policy: AccountPolicy): Promise<void> {
  await sql`
    insert into account_policy (owners_need_second_factor) values (${policy.ownersNeedSecondFactor})
    on conflict (id) do update set owners_need_second_factor = excluded.owners_need_second_factor`;
}

/** The active account that receives email at this address, for a password reset. */
export async function activeAccountWithEmail(sql: Sql, email: string): Promise<AdminAccount | undefined> {
  const [row] = await sql<AdminAccount[]>`
    select ${ACCOUNT(sql)} from admin_accounts where lower(email) = ${email.trim().toLowerCase()} and status = 'active' limit 1`;
  return row;
}

/** The account whose email (or login) this is, in whatever state, for a single sign-on. */
export async function accountWithEmail(sql: Sql | Tx, email: string): Promise<AdminAccount | undefined> {
  const [row] = await sql<AdminAccount[]>`
    select ${ACCOUNT(sql)} from admin_accounts where lower(email) = ${email} or login = ${email}
    order by case status when 'active' then 0 when 'invited' then 1 else 2 end limit 1`;
  return row;
}

/**
 * An admin signing in through the organisation's provider for the first time: a new account (their domain is
 * allowed), or their pending invitation, accepted. Either way active, with no password of Tandem's.
 */
export async function activateSsoAccount(
  sql: Sql,
  person: { email: string; name: string; role: Role; invitedId?: string },
): Promise<AdminAccount> {
  return sql.begin(async (tx) => {
    if (person.invitedId) {
      await tx`update admin_tickets set used_at = now() where account_id = ${person.invitedId} and used_at is null`;
      await tx`update admin_accounts set status = 'active' where id = ${person.invitedId} and status = 'invited'`;
      return (await accountById(tx, person.invitedId))!;
    }
    const [created] = await tx<AdminAccount[]>`
      insert into admin_accounts (login, name, email, role, status)
      values (${person.email}, ${person.name}, ${person.email}, ${person.role}, 'active')
      on conflict (login) do nothing
      returning ${ACCOUNT(tx)}`;
    // Created meanwhile by another sign-in: that account, as it is.
    return created ?? (await accountWithEmail(tx, person.email))!;
  });
}

export async function accountById(sql: Sql | Tx, id: string): Promise<AdminAccount | undefined> {
  const [row] = await sql<AdminAccount[]>`select ${ACCOUNT(sql)} from admin_accounts where id = ${id}`;
  return row;
}

export interface AccountListing extends AdminAccount {
  cohorts: { id: string; name: string; slug: string }[];
  lastSeenAt: Date | null;
}

/** Every account (but the removed ones, unless asked), owners first, with the cohorts each manages and when they were last active. */
export async function listAccounts(sql: Sql, { withRemoved = false } = {}): Promise<AccountListing[]> {
  return sql<AccountListing[]>`
    select ${ACCOUNT(sql)},
      coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'slug', c.slug) order by c.created_at desc)
        from cohort_managers m join cohorts c on c.id = m.cohort_id where m.account_id = a.id), '[]') as cohorts,
      (select max(last_seen_at) from admin_sessions s where s.account_id = a.id) as last_seen_at
    from admin_accounts a
    where ${withRemoved} or status <> 'removed'
    order by case role when 'owner' then 0 when 'manager' then 1 else 2 end, lower(name)`;
}

export type InviteOutcome = { ok: true; accountId: string; ticketId: string } | { ok: false; reason: 'exists' };

/** A new account, waiting for its invitation to be accepted; an address that already has an account is refused. */
export async function inviteAccount(sql: Sql, invitation: Invitation, expiresAt: Date): Promise<InviteOutcome> {
  return sql.begin(async (tx): Promise<InviteOutcome> => {
    const [created] = await tx<{ id: string }[]>`
      insert into admin_accounts (login, name, email, role, limited, language)
      values (${invitation.email}, ${invitation.name}, ${invitation.email}, ${invitation.role}, ${invitation.limited === 'on'}, ${invitation.language})
      on conflict (login) do nothing
      returning id`;
    if (!created) return { ok: false, reason: 'exists' };
    const ticketId = await createTicket(tx, created.id, 'invitation', expiresAt);
    return { ok: true, accountId: created.id, ticketId };
  });
}

export type TicketKind = 'invitation' | 'password-reset';

export async function createTicket(sql: Sql | Tx, accountId: string, kind: TicketKind, expiresAt: Date): Promise<string> {
  const [ticket] = await sql<{ id: string }[]>`
    insert into admin_tickets (account_id, kind, expires_at) values (${accountId}, ${kind}, ${expiresAt}) returning id`;
  return ticket!.id;
}

export async function hasRecentTicket(sql: Sql, accountId: string, kind: TicketKind, withinMs: number): Promise<boolean> {
  const [recent] = await sql`
    select 1 from admin_tickets where account_id = ${accountId} and kind = ${kind}
      and created_at > now() - ${withinMs} * interval '1 millisecond'`;
  return recent !== undefined;
}

export type TicketCheck = { ok: true; account: AdminAccount; expiresAt: Date } | { ok: false; reason: 'used' | 'expired' | 'account' };

/**
 * Whether a ticket may still be used: not used, not expired, the newest of its kind for its account (a new
 * invitation or reset spends the older ones), for an account that may sign in.
 */
export async function checkTicket(sql: Sql | Tx, ticketId: string, kind: TicketKind): Promise<TicketCheck> {
  const [row] = await sql<{ usedAt: Date | null; expiresAt: Date; newest: boolean; accountId: string }[]>`
    select used_at, expires_at, account_id,
      not exists (select 1 from admin_tickets n where n.account_id = t.account_id and n.kind = t.kind and n.created_at > t.created_at) as newest
    from admin_tickets t where id = ${ticketId} and kind = ${kind}`;
  if (!row || row.usedAt || !row.newest) return { ok: false, reason: 'used' };
  if (row.expiresAt.getTime() < Date.now()) return { ok: false, reason: 'expired' };
  const account = await accountById(sql, row.accountId);
  const allowed = kind === 'invitation' ? account?.status === 'invited' : account?.status === 'active';
  return allowed && account ? { ok: true, account, expiresAt: row.expiresAt } : { ok: false, reason: 'account' };
}

/**
 * Sets an account's password from one of its tickets, in one step: the ticket is spent, the account becomes
 * active, its sessions end (whoever reset a password wants everyone else out). Refused if the ticket was
 * spent meanwhile (the link opened twice, sent twice).
 */
export async function setPasswordWithTicket(
  sql: Sql,
  ticketId: string,
  kind: TicketKind,
  change: { passwordHash: string; name?: string },
): Promise<TicketCheck> {
  return sql.begin(async (tx) => {
    await tx`select 1 from admin_tickets where id = ${ticketId} for update`;
    const check = await checkTicket(tx, ticketId, kind);
    if (!check.ok) return check;
    await tx`update admin_tickets set used_at = now() where id = ${ticketId}`;
    await setPassword(tx, check.account.id, change.passwordHash);
    if (change.name) await tx`update admin_accounts set name = ${change.name} where id = ${check.account.id}`;
    return { ...check, account: { ...check.account, status: 'active', ...(change.name ? { name: change.name } : {}) } };
  });
}

/** A new password: the account is active with it, and every session it had ends. */
export async function setPassword(sql: Sql | Tx, accountId: string, passwordHash: string): Promise<void> {
  await sql`
    update admin_accounts set password_hash = ${passwordHash}, password_changed_at = now(),
      status = case status when 'invited' then 'active' else status end
    where id = ${accountId}`;
  await sql`delete from admin_sessions where account_id = ${accountId}`;
}

export async function renameAccount(sql: Sql, accountId: string, name: string): Promise<void> {
  await sql`update admin_accounts set name = ${name} where id = ${accountId}`;
}

/** An owner sets an account's role, its limit, and the cohorts it manages. */
export async function updateAccountSettings(
  sql: Sql,
  accountId: string,
  settings: { role: Role; limited: boolean; cohorts: readonly string[] },
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`update admin_accounts set role = ${settings.role}, limited = ${settings.limited} where id = ${accountId}`;
    await tx`delete from cohort_managers where account_id = ${accountId} and not (cohort_id = any(${settings.cohorts}::uuid[]))`;
    await tx`
      insert into cohort_managers (cohort_id, account_id)
      select id, ${accountId} from cohorts where id = any(${settings.cohorts}::uuid[])
      on conflict do nothing`;
  });
}

/** Suspending or removing an account ends its sessions at once, on every web instance. */
export async function setAccountStatus(sql: Sql, accountId: string, status: Exclude<AccountStatus, 'invited'>): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`update admin_accounts set status = ${status} where id = ${accountId}`;
    if (status !== 'active') {
      await tx`delete from admin_sessions where account_id = ${accountId}`;
      await tx`update admin_tickets set used_at = now() where account_id = ${accountId} and used_at is null`;
    }
    if (status === 'removed') await tx`delete from cohort_managers where account_id = ${accountId}`;
  });
}

/** How many active owners are left: the last one cannot be suspended, removed or made something else. */
export async function activeOwnerCount(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from admin_accounts where role = 'owner' and status = 'active'`;
  return row!.n;
}

export async function addCohortManager(sql: Sql | Tx, cohortId: string, accountId: string): Promise<void> {
  await sql`insert into cohort_managers (cohort_id, account_id) values (${cohortId}, ${accountId}) on conflict do nothing`;
}

export async function managesCohort(sql: Sql, accountId: string, slug: string): Promise<boolean> {
  const [row] = await sql`
    select 1 from cohort_managers m join cohorts c on c.id = m.cohort_id where m.account_id = ${accountId} and c.slug = ${slug}`;
  return row !== undefined;
}

export async function managedCohortIds(sql: Sql, accountId: string): Promise<string[]> {
  const rows = await sql<{ cohortId: string }[]>`select cohort_id from cohort_managers where account_id = ${accountId}`;
  return rows.map((r) => r.cohortId);
}

/** Whom a cohort's alerts and report go to: its managers whose accounts are active and have an email. */
export async function cohortManagerRecipients(
  sql: Sql,
  cohortId: string,
): Promise<{ id: string; name: string; email: string; language: string }[]> {
  return sql<{ id: string; name: string; email: string; language: string }[]>`
    select a.id, a.name, a.email, a.language from cohort_managers m join admin_accounts a on a.id = m.account_id
    where m.cohort_id = ${cohortId} and a.status = 'active' and a.email is not null
    order by a.created_at`;
}
