import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_TIME_ZONE, parseTimeZone } from '../../i18n/time-zones.js';
import { translator } from '../../i18n/translator.js';
import { ASSETS } from '../assets.js';
import type { WebDeps } from '../deps.js';
import { Layout } from '../views/Layout.js';

function LoginPage(props: { next: string; error?: string; user?: string }) {
  return (
    <Layout title="Log in">
      <div class="card narrow">
        <h1>Admin log in</h1>
        {props.error && <div class="banner bad" role="alert" id="login-error">{props.error}</div>}
        <form method="post" action="/admin/login">
          <input type="hidden" name="next" value={props.next} />
          <input type="hidden" name="timeZone" value="" data-detect-time-zone />
          <label for="user">User</label>
          <input type="text" id="user" name="user" autocomplete="username" value={props.user ?? ''} required />
          <label for="password">Password</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required />
          <p><button type="submit">Log in</button></p>
        </form>
      </div>
      <script src={ASSETS.timeZone} defer />
    </Layout>
  );
}

/** Only our own admin paths: the login form must not become an open redirect. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(admin|dev\/outbox)(\/[\w\-/]*)?$/.test(next) ? next : '/admin');

export function createLoginRoutes({ auth }: WebDeps) {
  return new Hono()
    .get('/login', (c) => c.html(<LoginPage next={safeNext(c.req.query('next'))} />))
    .post('/login', async (c) => {
      const form = await c.req.parseBody();
      const { user, password } = form;
      // Not the login form (JSON, nothing): not a login attempt either.
      if (typeof user !== 'string' || typeof password !== 'string') throw new HTTPException(400, { message: 'This request did not carry the login form.' });
      // The admin's pages show dates in the time zone of the browser they log in from.
      const timeZone = typeof form.timeZone === 'string' ? parseTimeZone(form.timeZone) : undefined;
      const outcome = await auth.logIn(c, user, password, timeZone);
      if (outcome.ok) return c.redirect(safeNext(form.next), 303);
      if (outcome.locked) {
        const who = outcome.locked.scope === 'account' ? 'this account' : 'your network address';
        const error = `Too many wrong passwords for ${who}: logging in is blocked until ${translator('en', timeZone ?? DEFAULT_TIME_ZONE).instant(outcome.locked.until)}. Ask another admin, or wait.`;
        return c.html(<LoginPage next={safeNext(form.next)} user={user} error={error} />, 429);
      }
      return c.html(<LoginPage next={safeNext(form.next)} user={user} error="Wrong user or password." />, 401);
    });
}
