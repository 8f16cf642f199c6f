import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { accountById, accountForLogin, secondFactorSecret, spendCodeStep } from '../db/admin-accounts.js';
import {
  createSession,
  endSession,
  liveSession,
  lockoutOf,
  recordLoginFailure,
  recordLoginSuccess,
  signedInFrom,
  takeBackFailures,
  takeLoginTurn,
  type Lockout,
} from '../db/admin-sessions.js';
import type { Sql } from '../db/sql.js';
import type { AdminAccount, May } from '../domain/admin-roles.js';
import { NO_ACCOUNT_HASH, passwordMatches } from '../domain/password-hash.js';
import { codeStep } from '../domain/second-factor.js';
import { DEFAULT_TIME_ZONE } from '../i18n/time-zones.js';
import { Refused } from './guards.js';
import type { AdminFrame } from './views/Layout.js';

/**
 * Admin sessions: a random id in a signed, HttpOnly cookie, and a row in PostgreSQL that signing out removes
 * (on every web instance at once). Forms carry a CSRF token derived from the session, checked on every admin
 * POST (on top of the origin check). A session ends after 12 hours, or 2 idle ones.
 */
const COOKIE = 'tandem_admin';
const SESSION_MS = 12 * 3_600_000;
export const SESSION_IDLE_MS = 2 * 3_600_000;
/**
 * A browser the account signed in from before carries this (signed, for a year), and an address it signed in
 * from within 90 days is remembered: there, the account's own limit does not apply, so that a stranger's wrong
 * passwords elsewhere cannot keep its owner out.
 */
const KNOWN_BROWSER = 'tandem_known';
const KNOWN_BROWSER_MS = 365 * 86_400_000;
const KNOWN_ADDRESS_MS = 90 * 86_400_000;
/**
 * Within fifteen minutes: five wrong passwords for an account from one address stop that address for that
 * account; twenty from one address stop the address; twenty for one account stop it everywhere it is not known.
 */
export const LOGIN_LIMITS = { pair: 5, address: 20, account: 20, windowMs: 15 * 60_000 };

export interface AdminAuth {
  sessionSecret: string;
  secureCookies: boolean;
  sql: Sql;
  /** Behind a reverse proxy, the client's address is the last of X-Forwarded-For (the one the proxy added). */
  trustProxy?: boolean;
}

export type AdminEnv = {
  Variables: { csrfToken: string; sessionId: string; account: AdminAccount; may: May; adminTimeZone: string; admin: AdminFrame };
};

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export type LoginOutcome =
  | { ok: true; next?: string }
  /** The password was right; the account's second factor is asked for next. */
  | { ok: false; locked?: Lockout; suspended?: boolean; secondFactor?: boolean; expired?: boolean };

/** Between a right password and its code: whose, where to go after, for five minutes, on the login's paths only. */
const PENDING = 'tandem_pending';
const PENDING_MS = 5 * 60_000;
interface Pending {
  accountId: string;
  login: string;
  next: string;
  timeZone?: string | undefined;
  until: number;
}

export function createAdminAuth(auth: AdminAuth) {
  const csrfFor = (session: string) => createHmac('sha256', auth.sessionSecret).update(`csrf:${session}`).digest('base64url');
  const cookie = (path: string, maxAgeMs: number) =>
    ({ httpOnly: true, sameSite: 'Lax', secure: auth.secureCookies, path, maxAge: maxAgeMs / 1000 }) as const;

  async function currentSession(c: Context) {
    const id = await getSignedCookie(c, auth.sessionSecret, COOKIE);
    const session = id ? await liveSession(auth.sql, id, SESSION_IDLE_MS) : undefined;
    return id && session ? { id, ...session } : undefined;
  }

  /**
   * Who is asking: the proxy's word for it when configured to trust one, else the connection's. The proxy
   * appends the address it saw to X-Forwarded-For, after whatever the client wrote there: the last entry is
   * the only one a client cannot choose.
   */
  function addressOf(c: Context): string {
    const forwarded = auth.trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
    if (forwarded) return forwarded;
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown'; // no socket: a request made in process (tests)
    }
  }

  /** Opens a session for the account in this browser (after a login, an accepted invitation, a new password). */
  async function startSession(c: Context, account: AdminAccount, timeZone?: string): Promise<void> {
    const id = randomBytes(24).toString('base64url');
    await createSession(auth.sql, {
      id,
      accountId: account.id,
      expiresAt: new Date(Date.now() + SESSION_MS),
      timeZone: timeZone ?? null,
      address: addressOf(c),
      userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
    });
    await setSignedCookie(c, COOKIE, id, auth.sessionSecret, cookie('/', SESSION_MS));
    await setSignedCookie(c, KNOWN_BROWSER, account.login, auth.sessionSecret, cookie('/admin/login', KNOWN_BROWSER_MS));
  }

  return {
    addressOf,
    startSession,

    /** A short-lived signed cookie of the admin pages' own, on one path (what a single sign-on must bring back). */
    keep: (c: Context, name: string, value: string, path: string, maxAgeMs: number) =>
      setSignedCookie(c, name, value, auth.sessionSecret, cookie(path, maxAgeMs)),
    /** Reads such a cookie once: it is gone after. */
    async take(c: Context, name: string, path: string): Promise<string | undefined> {
      const value = await getSignedCookie(c, auth.sessionSecret, name);
      deleteCookie(c, name, { path });
      return value || undefined;
    },

    /**
     * Checks a login, unless this account from this address, the address, or the account (where it is not
     * known) is locked out; a failure counts against all three. Takes as long for an unknown login as for a
     * wrong password.
     */
    async logIn(
      c: Context,
      login: string,
      password: string,
      options: { timeZone?: string | undefined; next: string },
    ): Promise<LoginOutcome> {
      const keys = { account: login.trim().toLowerCase(), address: addressOf(c) };
      const knownBrowser = (await getSignedCookie(c, auth.sessionSecret, KNOWN_BROWSER)) === keys.account;
      // The turn is short: the attempt counts as a failure before its password is checked (a fifth of a second),
      // so the attempts queued behind it, a stranger's or the owner's, do not wait for the hash. An account with a
      // second factor is not slowed down as a whole: a right password alone does not let anyone in.
      const attempt = await auth.sql.begin(async (tx) => {
        await takeLoginTurn(tx, keys);
        const account = await accountForLogin(tx, keys.account);
        const trusted =
          knownBrowser ||
          account?.totpSecret != null ||
          (account !== undefined && (await signedInFrom(tx, account.id, keys.address, KNOWN_ADDRESS_MS)));
        const locked = await lockoutOf(tx, { ...keys, trusted }, LOGIN_LIMITS);
        return locked ? { locked } : { account, failures: await recordLoginFailure(tx, keys) };
      });
      if ('locked' in attempt) return { ok: false, locked: attempt.locked };
      const { account, failures } = attempt;
      const right = await passwordMatches(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
      if (!account || !right || account.passwordHash === null) return { ok: false };
      if (account.status !== 'active') return { ok: false, suspended: true };
      const { passwordHash, totpSecret, ...signedIn } = account;
      if (totpSecret) {
        await takeBackFailures(auth.sql, failures);
        const pending: Pending = {
          accountId: account.id,
          login: keys.account,
          next: options.next,
          timeZone: options.timeZone,
          until: Date.now() + PENDING_MS,
        };
        await setSignedCookie(c, PENDING, JSON.stringify(pending), auth.sessionSecret, cookie('/admin/login', PENDING_MS));
        return { ok: false, secondFactor: true };
      }
      await recordLoginSuccess(auth.sql, { ...keys, accountId: account.id, failures });
      await startSession(c, signedIn, options.timeZone);
      return { ok: true, next: options.next };
    },

    /**
     * The code of the account whose password was right in this browser (within five minutes). Wrong codes count
     * as failed logins of the account from this address; a code works once.
     */
    async completeSecondFactor(c: Context, code: string): Promise<LoginOutcome> {
      const kept = await getSignedCookie(c, auth.sessionSecret, PENDING);
      const pending = kept ? (JSON.parse(kept) as Pending) : undefined;
      if (!pending || pending.until < Date.now()) return { ok: false, expired: true };
      const keys = { account: pending.login, address: addressOf(c) };
      const attempt = await auth.sql.begin(async (tx) => {
        await takeLoginTurn(tx, keys);
        const locked = await lockoutOf(tx, { ...keys, trusted: true }, LOGIN_LIMITS);
        return locked ? { locked } : { failures: await recordLoginFailure(tx, keys) };
      });
      if ('locked' in attempt) return { ok: false, locked: attempt.locked, secondFactor: true };
      const secret = await secondFactorSecret(auth.sql, pending.accountId);
      const step = secret ? codeStep(secret, code) : undefined;
      if (step === undefined || !(await spendCodeStep(auth.sql, pending.accountId, step))) return { ok: false, secondFactor: true };
      const account = await accountById(auth.sql, pending.accountId);
      if (account?.status !== 'active') return { ok: false, suspended: true };
      await recordLoginSuccess(auth.sql, { ...keys, accountId: account.id, failures: attempt.failures });
      deleteCookie(c, PENDING, { path: '/admin/login' });
      await startSession(c, account, pending.timeZone);
      return { ok: true, next: pending.next };
    },

    /** Ends the session here and everywhere: the same cookie, copied, no longer works. */
    async logOut(c: Context) {
      const session = await getSignedCookie(c, auth.sessionSecret, COOKIE);
      if (session) await endSession(auth.sql, session);
      deleteCookie(c, COOKIE, { path: '/' });
    },

    /** Whether the request carries a live admin session (for endpoints that answer 401 instead of the login page). */
    isSignedIn: async (c: Context) => (await currentSession(c)) !== undefined,

    /** Lets a signed-in admin through (with a CSRF token for the page's forms); sends anyone else to log in. */
    requireAdmin: (async (c, next) => {
      const session = await currentSession(c);
      if (!session) {
        if (c.req.method !== 'GET') throw new Refused(401, 'error.page.sessionEnded');
        return c.redirect(`/admin/login?next=${encodeURIComponent(c.req.path)}`);
      }
      const token = csrfFor(session.id);
      if (c.req.method === 'POST') {
        const form = await c.req.formData().catch(() => {
          throw new Refused(400, 'error.page.unreadableForm');
        });
        const given = form.get('_csrf');
        if (typeof given !== 'string' || !sameSecret(given, token)) {
          throw new Refused(403, 'error.page.formExpired');
        }
      }
      c.set('csrfToken', token);
      c.set('sessionId', session.id);
      c.set('account', session.account);
      c.set('adminTimeZone', session.timeZone ?? DEFAULT_TIME_ZONE);
      await next();
    }) as MiddlewareHandler<AdminEnv>,
  };
}

export type AdminAuthGuard = ReturnType<typeof createAdminAuth>;

/** The page's admin frame, for handlers whose context type does not carry AdminEnv (validator hooks). */
export const adminOf = (c: Context): AdminFrame => (c as Context<AdminEnv>).var.admin;
