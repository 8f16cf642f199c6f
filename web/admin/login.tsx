import { Hono } from 'hono';
import type { WebDeps } from '../deps.js';
import { Layout } from '../views/Layout.js';

function LoginPage(props: { next: string; error?: string; user?: string }) {
  return (
    <Layout title="Log in">
      <div class="card" style="max-width: 420px; margin: 40px auto;">
        <h1>Admin log in</h1>
        {props.error && <div class="banner bad" role="alert">{props.error}</div>}
        <form method="post" action="/admin/login">
          <input type="hidden" name="next" value={props.next} />
          <label for="user">User</label>
          <input type="text" id="user" name="user" autocomplete="username" value={props.user ?? ''} required />
          <label for="password">Password</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required />
          <p><button type="submit">Log in</button></p>
        </form>
      </div>
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
      const user = String(form.user ?? '');
      if (!auth.checkCredentials(user, String(form.password ?? ''))) {
        return c.html(<LoginPage next={safeNext(form.next)} user={user} error="Wrong user or password." />, 401);
      }
      await auth.logIn(c);
      return c.redirect(safeNext(form.next), 303);
    });
}
