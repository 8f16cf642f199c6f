import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';

/**
 * Admin sessions: a signed, HttpOnly cookie holding when it was issued and a random nonce. Forms carry a
 * CSRF token derived from the session, checked on every admin POST (on top of the origin check).
 */
const COOKIE = 'tandem_admin';
const SESSION_MS = 12 * 3_600_000;

export interface AdminAuth {
  user: string;
  password: string;
  sessionSecret: string;
  secureCookies: boolean;
}

export type AdminEnv = { Variables: { csrfToken: string } };

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function createAdminAuth(auth: AdminAuth) {
  const csrfFor = (session: string) => createHmac('sha256', auth.sessionSecret).update(`csrf:${session}`).digest('base64url');

  async function currentSession(c: Context): Promise<string | undefined> {
    const session = await getSignedCookie(c, auth.sessionSecret, COOKIE);
    if (!session) return undefined;
    const issuedAt = Number(session.split('.')[0]);
    return Number.isFinite(issuedAt) && Date.now() - issuedAt < SESSION_MS ? session : undefined;
  }

  return {
    checkCredentials: (user: string, password: string) => sameSecret(user, auth.user) && sameSecret(password, auth.password),

    async logIn(c: Context) {
      const session = `${Date.now()}.${randomBytes(16).toString('base64url')}`;
      await setSignedCookie(c, COOKIE, session, auth.sessionSecret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: auth.secureCookies,
        path: '/',
        maxAge: SESSION_MS / 1000,
      });
    },

    logOut: (c: Context) => deleteCookie(c, COOKIE, { path: '/' }),

    /** Lets a signed-in admin through (with a CSRF token for the page's forms); sends anyone else to log in. */
    requireAdmin: (async (c, next) => {
      const session = await currentSession(c);
      if (!session) {
        if (c.req.method !== 'GET') throw new HTTPException(401, { message: 'Your session has ended. Log in again.' });
        return c.redirect(`/admin/login?next=${encodeURIComponent(c.req.path)}`);
      }
      const token = csrfFor(session);
      if (c.req.method === 'POST') {
        const form = await c.req.formData();
        const given = form.get('_csrf');
        if (typeof given !== 'string' || !sameSecret(given, token)) {
          throw new HTTPException(403, { message: 'This form has expired or did not come from Tandem. Reload the page and try again.' });
        }
      }
      c.set('csrfToken', token);
      await next();
    }) as MiddlewareHandler<AdminEnv>,
  };
}

export type AdminAuthGuard = ReturnType<typeof createAdminAuth>;

/** The page's CSRF token, for handlers whose context type does not carry AdminEnv (validator hooks). */
export const csrfTokenOf = (c: Context): string => (c as Context<AdminEnv>).var.csrfToken;
