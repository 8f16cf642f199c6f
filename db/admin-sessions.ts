import { createHash } from 'node:crypto';
import type { AdminAccount } from '../domain/admin-roles.js';
import type { Sql, Tx } from './sql.js';

/** Admin sessions, one row each (every web instance sees a sign-out at once), and the login throttle. */

export interface NewSession {
  id: string;
  accountId: string;
  expiresAt: Date;
  timeZone: string | null;
  address: string;
  userAgent: string | null;
}

export async function createSession(sql: Sql | Tx, session: NewSession): Promise<void> {
  await sql`
    insert into admin_sessions (id, account_id, expires_at, time_zone, address, user_agent)
    values (${session.id}, ${session.accountId}, ${session.expiresAt}, ${session.timeZone}, ${session.address}, ${session.userAgent})`;
}

export interface LiveSession {
  account: AdminAccount;
  timeZone: string | null;
}

/**
 * The account behind a live session: not ended, not expired, active within `idleMs`, for an account that is
 * active. Using it marks it active (at most once a minute: a page is not a write each time).
 */
export async function liveSession(sql: Sql, id: string, idleMs: number): Promise<LiveSession | undefined> {
  const [row] = await sql<(AdminAccount & { timeZone: string | null; lastSeenAt: Date })[]>`
    select a.id, a.login, a.name, a.email, a.role, a.limited, a.status, a.language, a.totp_secret is not null as second_factor,
      s.time_zone, s.last_seen_at
    from admin_sessions s join admin_accounts a on a.id = s.account_id
    where s.id = ${id} and s.expires_at > now() and s.last_seen_at > now() - ${idleMs} * interval '1 millisecond'
      and a.status = 'active'`;
  if (!row) return undefined;
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) await sql`update admin_sessions set last_seen_at = now() where id = ${id}`;
  const { timeZone, lastSeenAt, ...account } = row;
  return { account, timeZone };
}

/** A session as pages name it: a handle derived from its id, never the id itself (which the cookie carries). */
const handle = (sql: Sql) => sql`left(encode(sha256(convert_to(id, 'UTF8')), 'hex'), 32)`;

export interface SessionListing {
  handle: string;
  createdAt: Date;
  lastSeenAt: Date;
  address: string | null;
  userAgent: string | null;
}

export async function sessionsOf(sql: Sql, accountId: string): Promise<SessionListing[]> {
  return sql<SessionListing[]>`
    select ${handle(sql)} as handle, created_at, last_seen_at, address, user_agent from admin_sessions
    where account_id = ${accountId} and expires_at > now() order by last_seen_at desc`;
}

export async function endSession(sql: Sql, id: string): Promise<void> {
  await sql`delete from admin_sessions where id = ${id} or expires_at < now()`;
}

/** Ends one of the account's sessions by its handle (of this account only). */
export async function endSessionByHandle(sql: Sql, accountId: string, sessionHandle: string): Promise<void> {
  await sql`delete from admin_sessions where account_id = ${accountId} and ${handle(sql)} = ${sessionHandle}`;
}

/** The handle of a session id, as `handle` computes it in SQL. */
export const sessionHandleOf = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32);

export async function endSessionsOf(sql: Sql | Tx, accountId: string, except?: string): Promise<void> {
  await sql`delete from admin_sessions where account_id = ${accountId} and id <> ${except ?? ''}`;
}

export type LockScope = 'pair' | 'address' | 'account';

export interface Lockout {
  scope: LockScope;
  /** When the lock lifts. */
  until: Date;
}

export interface LoginKeys {
  account: string;
  address: string;
}

const pairKey = (keys: LoginKeys) => `${keys.account} ${keys.address}`;

/**
 * Locked out when `limit` failures of a scope fall within `windowMs`: until the window has passed since the
 * oldest of those failures. The scopes: this account from this address, this address, this account from
 * anywhere. `trusted` leaves the last out (a browser or an address the account signed in from before).
 */
export async function lockoutOf(
  sql: Sql | Tx,
  keys: LoginKeys & { trusted: boolean },
  limits: Record<LockScope, number> & { windowMs: number },
): Promise<Lockout | undefined> {
  const rows = await sql<{ scope: LockScope; n: number; oldest: Date }[]>`
    with recent as (
      select scope, at, row_number() over (partition by scope order by at desc) as rank
      from login_failures
      where ((scope = 'pair' and key = ${pairKey(keys)}) or (scope = 'address' and key = ${keys.address})
          or (scope = 'account' and key = ${keys.account} and not ${keys.trusted}))
        and at > now() - ${limits.windowMs} * interval '1 millisecond'
    )
    select scope, count(*)::int as n, min(at) as oldest from recent
    where rank <= case scope when 'pair' then ${limits.pair}::int when 'address' then ${limits.address}::int else ${limits.account}::int end
    group by scope`;
  const locked = rows
    .filter((r) => r.n >= limits[r.scope])
    .map((r) => ({ scope: r.scope, until: new Date(r.oldest.getTime() + limits.windowMs) }));
  return locked.sort((a, b) => b.until.getTime() - a.until.getTime())[0];
}

/**
 * Login attempts for one account, or from one address, take their turn (on every web instance): checking the
 * lockout and recording a failure are one step, so fifty guesses sent at once count as fifty.
 */
export async function takeLoginTurn(tx: Tx, keys: LoginKeys): Promise<void> {
  // Always the account first, then the address: no two attempts can wait for each other.
  await tx`select pg_advisory_xact_lock(hashtext(${`login-account:${keys.account}`}))`;
  await tx`select pg_advisory_xact_lock(hashtext(${`login-address:${keys.address}`}))`;
}

/** Counts an attempt as failed for all three scopes; returns the rows, which a right password removes. */
export async function recordLoginFailure(sql: Sql | Tx, keys: LoginKeys): Promise<number[]> {
  await sql`delete from login_failures where at < now() - interval '1 day'`;
  const rows = await sql<{ id: number }[]>`
    insert into login_failures (scope, key)
    values ('pair', ${pairKey(keys)}), ('address', ${keys.address}), ('account', ${keys.account})
    returning id`;
  return rows.map((r) => r.id);
}

/** A right password whose second factor is still to come: its attempt is not a failure. */
export async function takeBackFailures(sql: Sql | Tx, failures: number[]): Promise<void> {
  await sql`delete from login_failures where id = any(${failures}::bigint[])`;
}

/**
 * A successful login takes back the failure its attempt counted, clears the failures of this account from this
 * address, and remembers the address as one the account signs in from. The address's other failures stay: one
 * good password does not vouch for the rest.
 */
export async function recordLoginSuccess(sql: Sql | Tx, keys: LoginKeys & { accountId: string; failures: number[] }): Promise<void> {
  await sql`delete from login_failures where id = any(${keys.failures}::bigint[]) or (scope = 'pair' and key = ${pairKey(keys)})`;
  await sql`
    insert into login_successes (account_id, address) values (${keys.accountId}, ${keys.address})
    on conflict (account_id, address) do update set at = now()`;
}

/** Whether the account signed in from this address within `withinMs`. */
export async function signedInFrom(sql: Sql | Tx, accountId: string, address: string, withinMs: number): Promise<boolean> {
  const [row] = await sql`
    select 1 from login_successes
    where account_id = ${accountId} and address = ${address} and at > now() - ${withinMs} * interval '1 millisecond'`;
  return row !== undefined;
}
