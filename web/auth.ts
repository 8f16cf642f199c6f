import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import {
  clearAccountFailures,
  createSession,
  endSession,
  lockoutOf,
  recordLoginFailure,
  sessionUser,
  takeLoginTurn,
  type Lockout,
} from '../db/admin-sessions.js';
import type { Sql } from '../db/sql.js';
import { DEFAULT_TIME_ZONE } from '../i18n/time-zones.js';
import { Refused } from './guards.js';
import type { AdminFrame } from './views/Layout.js';

/**
 * Admin sessions: a random id in a signed, HttpOnly cookie, and a row in PostgreSQL that logging out removes
 * (on every web instance at once). Forms carry a CSRF token derived from the session, checked on every admin
 * POST (on top of the origin check). Failed logins lock an account (but not in the browsers it logged in from
 * before), and an address, out for a while.
 */
const COOKIE = 'tandem_admin';
const SESSION_MS = 12 * 3_600_000;
/**
 * A browser the account has logged in from before carries this (signed, for a year): the account's lock does
 * not apply to it, so that a stranger's wrong passwords cannot keep an admin out of their own browser.
 */
const KNOWN_BROWSER = 'tandem_known';
const KNOWN_BROWSER_MS = 365 * 86_400_000;
/** Five wrong passwords for the account, or twenty from one address, within fifteen minutes: locked until they age out. */
export const LOGIN_LIMITS = { account: 5, address: 20, windowMs: 15 * 60_000 };

export interface AdminAuth {
  user: string;
  password: string;
  sessionSecret: string;
  secureCookies: boolean;
  sql: Sql;
  /** Behind a reverse proxy, the client's address is the last of X-Forwarded-For (the one the proxy added). */
  trustProxy?: boolean;
}

export type AdminEnv = { Variables: { csrfToken: string; adminUser: string; adminTimeZone: string; admin: AdminFrame } };

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export type LoginOutcome = { ok: true } | { ok: false; locked?: Lockout };

export function createAdminAuth(auth: AdminAuth) {
  const csrfFor = (session: string) => createHmac('sha256', auth.sessionSecret).update(`csrf:${session}`).digest('base64url');

  async function currentSession(c: Context): Promise<{ id: string; user: string; timeZone: string } | undefined> {
    const id = await getSignedCookie(c, auth.sessionSecret, COOKIE);
    const session = id ? await sessionUser(auth.sql, id) : undefined;
    return id && session ? { id, user: session.userName, timeZone: session.timeZone ?? DEFAULT_TIME_ZONE } : undefined;
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

  return {
    addressOf,

    /**
     * Checks a login, unless the address is locked out, or the account is and this browser has not logged in to
     * it before; a failure counts against both.
     */
    async logIn(c: Context, user: string, password: string, timeZone?: string): Promise<LoginOutcome> {
      const keys = { account: user.toLowerCase(), address: addressOf(c) };
      const known = (await getSignedCookie(c, auth.sessionSecret, KNOWN_BROWSER)) === keys.account;
      const session = randomBytes(24).toString('base64url');
      const outcome = await auth.sql.begin(async (tx): Promise<LoginOutcome> => {
        await takeLoginTurn(tx, keys);
        const locked = await lockoutOf(tx, known ? { address: keys.address } : keys, LOGIN_LIMITS);
        if (locked) return { ok: false, locked };
        if (!(sameSecret(user, auth.user) && sameSecret(password, auth.password))) {
          await recordLoginFailure(tx, keys);
          return { ok: false };
        }
        await clearAccountFailures(tx, keys.account);
        await createSession(tx, { id: session, userName: user, expiresAt: new Date(Date.now() + SESSION_MS), timeZone: timeZone ?? null });
        return { ok: true };
      });
      if (!outcome.ok) return outcome;
      await setSignedCookie(c, COOKIE, session, auth.sessionSecret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: auth.secureCookies,
        path: '/',
        maxAge: SESSION_MS / 1000,
      });
      await setSignedCookie(c, KNOWN_BROWSER, keys.account, auth.sessionSecret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: auth.secureCookies,
        path: '/admin/login',
        maxAge: KNOWN_BROWSER_MS / 1000,
      });
      return { ok: true };
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
      c.set('adminUser', session.user);
      c.set('adminTimeZone', session.timeZone);
      await next();
    }) as MiddlewareHandler<AdminEnv>,
  };
}

export type AdminAuthGuard = ReturnType<typeof createAdminAuth>;

/** The page's admin frame, for handlers whose context type does not carry AdminEnv (validator hooks). */
export const adminOf = (c: Context): AdminFrame => (c as Context<AdminEnv>).var.admin;
