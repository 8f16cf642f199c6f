import type { Sql, Tx } from './sql.js';

export async function createSession(
  sql: Sql | Tx,
  session: { id: string; userName: string; expiresAt: Date; timeZone: string | null },
): Promise<void> {
  await sql`insert into admin_sessions (id, user_name, expires_at, time_zone) values (${session.id}, ${session.userName}, ${session.expiresAt}, ${session.timeZone})`;
}

/** Who the session is, if it is live (created here, not logged out, not expired), and the time zone of their browser. */
export async function sessionUser(sql: Sql, id: string): Promise<{ userName: string; timeZone: string | null } | undefined> {
  const [row] = await sql<
    { userName: string; timeZone: string | null }[]
  >`select user_name, time_zone from admin_sessions where id = ${id} and expires_at > now()`;
  return row;
}

export async function endSession(sql: Sql, id: string): Promise<void> {
  await sql`delete from admin_sessions where id = ${id} or expires_at < now()`;
}

export interface Lockout {
  scope: 'account' | 'address';
  /** When the lock lifts. */
  until: Date;
}

/**
 * Locked out when `limit` failures of an account (or from an address) fall within `windowMs`: until the
 * window has passed since the oldest of those failures. Without an account, only the address counts.
 */
export async function lockoutOf(
  sql: Sql | Tx,
  keys: { account?: string; address: string },
  limits: { account: number; address: number; windowMs: number },
): Promise<Lockout | undefined> {
  const rows = await sql<{ scope: 'account' | 'address'; n: number; oldest: Date }[]>`
    with recent as (
      select scope, at, row_number() over (partition by scope order by at desc) as rank
      from login_failures
      where ((scope = 'account' and key = ${keys.account ?? null}) or (scope = 'address' and key = ${keys.address}))
        and at > now() - ${limits.windowMs} * interval '1 millisecond'
    )
    select scope, count(*)::int as n, min(at) as oldest from recent
    where rank <= case scope when 'account' then ${limits.account}::int else ${limits.address}::int end
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
export async function takeLoginTurn(tx: Tx, keys: { account: string; address: string }): Promise<void> {
  // Always the account first, then the address: no two attempts can wait for each other.
  await tx`select pg_advisory_xact_lock(hashtext(${`login-account:${keys.account}`}))`;
  await tx`select pg_advisory_xact_lock(hashtext(${`login-address:${keys.address}`}))`;
}

export async function recordLoginFailure(sql: Sql | Tx, keys: { account: string; address: string }): Promise<void> {
  await sql`insert into login_failures (scope, key) values ('account', ${keys.account}), ('address', ${keys.address})`;
  await sql`delete from login_failures where at < now() - interval '1 day'`;
}

/** A successful login clears the account's failures (not the address's: one good password does not vouch for the rest). */
export async function clearAccountFailures(sql: Sql | Tx, account: string): Promise<void> {
  await sql`delete from login_failures where scope = 'account' and key = ${account}`;
}
