import { Hono } from 'hono';
import { z } from 'zod';
import { accountForLogin, renameAccount, setPassword } from '../../db/admin-accounts.js';
import { endSessionByHandle, sessionHandleOf, sessionsOf } from '../../db/admin-sessions.js';
import { newPasswordSchema } from '../../domain/account-form.js';
import { fieldProblems } from '../../domain/form-problems.js';
import { hashPassword, passwordMatches } from '../../domain/password-hash.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { inWords } from '../views/form.js';
import { MyAccountPage } from './MyAccountPage.js';

const nameSchema = z.object({ name: z.string().trim().min(1, 'admin.accounts.error.name').max(120, 'admin.accounts.error.name') });

/** Everyone's own account: their name, their password, and the sessions they have open (ending any of them). */
export function createMyAccountRoutes({ sql, auth }: WebDeps) {
  return (
    new Hono<AdminEnv>()
      .get('/account', async (c) =>
        c.html(
          <MyAccountPage
            admin={c.var.admin}
            account={c.var.account}
            sessions={await sessionsOf(sql, c.var.account.id)}
            current={sessionHandleOf(c.var.sessionId)}
            notice={c.req.query('notice')}
          />,
        ),
      )

      .post('/account/name', async (c) => {
        const parsed = nameSchema.safeParse(await c.req.parseBody());
        if (!parsed.success) {
          const errors = inWords(fieldProblems(parsed.error.issues), c.var.admin.text);
          const sessions = await sessionsOf(sql, c.var.account.id);
          return c.html(
            <MyAccountPage
              admin={c.var.admin}
              account={c.var.account}
              sessions={sessions}
              current={sessionHandleOf(c.var.sessionId)}
              errors={errors}
            />,
            422,
          );
        }
        await renameAccount(sql, c.var.account.id, parsed.data.name);
        return c.redirect('/admin/account?notice=renamed', 303);
      })

      /** A new password ends every session of the account, this one too, which starts again at once. */
      .post('/account/password', async (c) => {
        const { account } = c.var;
        const body = await c.req.parseBody();
        const stored = await accountForLogin(sql, account.login);
        const current = typeof body.current === 'string' ? body.current : '';
        const parsed = newPasswordSchema(account).safeParse(body);
        const errors = parsed.success ? {} : inWords(fieldProblems(parsed.error.issues), c.var.admin.text);
        if (!stored?.passwordHash || !(await passwordMatches(current, stored.passwordHash))) {
          errors.current = c.var.admin.text.t('admin.password.error.current');
        }
        if (!parsed.success || errors.current) {
          const sessions = await sessionsOf(sql, account.id);
          return c.html(
            <MyAccountPage
              admin={c.var.admin}
              account={account}
              sessions={sessions}
              current={sessionHandleOf(c.var.sessionId)}
              errors={errors}
            />,
            422,
          );
        }
        await setPassword(sql, account.id, await hashPassword(parsed.data.password));
        await auth.startSession(c, account, c.var.adminTimeZone);
        return c.redirect('/admin/account?notice=password', 303);
      })

      .post('/account/sessions/:session/end', async (c) => {
        const session = c.req.param('session');
        await endSessionByHandle(sql, c.var.account.id, session);
        if (session === sessionHandleOf(c.var.sessionId)) return c.redirect('/admin/login', 303);
        return c.redirect('/admin/account?notice=ended', 303);
      })
  );
}
