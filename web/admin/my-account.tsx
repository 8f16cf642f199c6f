import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  accountForLogin,
  renameAccount,
  secondFactorSecret,
  setPassword,
  setSecondFactor,
  spendCodeStep,
} from '../../db/admin-accounts.js';
import { endSessionByHandle, sessionHandleOf, sessionsOf } from '../../db/admin-sessions.js';
import { newPasswordSchema } from '../../domain/account-form.js';
import { hashPassword, passwordMatches } from '../../domain/password-hash.js';
import { codeStep, newSecondFactorSecret, secondFactorUri } from '../../domain/second-factor.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { checkForm } from '../form-body.js';
import { inWords } from '../views/form.js';
import { MyAccountPage, type MyAccountPageProps } from './MyAccountPage.js';
import { qrCodeSvg } from './qr-code.js';

const secondFactorFormSchema = z.object({
  action: z.enum(['start', 'confirm', 'remove']),
  secret: z
    .string()
    .regex(/^[A-Z2-7]{32}$/)
    .optional(),
  code: z.string().max(20).optional(),
});

const nameSchema = z.object({ name: z.string().trim().min(1, 'admin.accounts.error.name').max(120, 'admin.accounts.error.name') });

/** Everyone's own account: their name, their password, and the sessions they have open (ending any of them). */
export function createMyAccountRoutes({ sql, auth }: WebDeps) {
  /** The page as its reader has it now, with what this answer adds (a notice, the errors of a form, a key to set up). */
  const page = async (c: Context<AdminEnv>, extra: Pick<MyAccountPageProps, 'notice' | 'errors' | 'setUp'>, status: 200 | 422 = 200) =>
    c.html(
      <MyAccountPage
        admin={c.var.admin}
        account={c.var.account}
        sessions={await sessionsOf(sql, c.var.account.id)}
        current={sessionHandleOf(c.var.sessionId)}
        {...extra}
      />,
      status,
    );

  return (
    new Hono<AdminEnv>()
      .get('/account', (c) => page(c, { notice: c.req.query('notice') }))

      .post('/account/name', async (c) => {
        const form = await checkForm(c, nameSchema);
        if (!form.ok) return page(c, { errors: inWords(form.problems, c.var.admin.text) }, 422);
        await renameAccount(sql, c.var.account.id, form.data.name);
        return c.redirect('/admin/account?notice=renamed', 303);
      })

      /** A new password ends every session of the account, this one too, which starts again at once. */
      .post('/account/password', async (c) => {
        const { account } = c.var;
        const form = await checkForm(c, newPasswordSchema(account));
        const stored = await accountForLogin(sql, account.login);
        const errors = form.ok ? {} : inWords(form.problems, c.var.admin.text);
        if (!stored?.passwordHash || !(await passwordMatches(form.values.current ?? '', stored.passwordHash))) {
          errors.current = c.var.admin.text.t('admin.password.error.current');
        }
        if (!form.ok || errors.current) return page(c, { errors }, 422);
        await setPassword(sql, account.id, await hashPassword(form.data.password));
        await auth.startSession(c, account, c.var.adminTimeZone);
        return c.redirect('/admin/account?notice=password', 303);
      })

      /**
       * The second factor: `start` shows a new key (QR code and text) with the form that confirms it by a code;
       * `confirm` keeps the key once its code is right; `remove` takes it away, with a code of the current key.
       */
      .post('/account/second-factor', async (c) => {
        const { account } = c.var;
        const form = await checkForm(c, secondFactorFormSchema);
        if (!form.ok) return c.redirect('/admin/account', 303);
        const { action, secret, code } = form.data;
        const settingUp = async (setUp: { secret: string } | undefined, error?: string) => {
          const shown = setUp ? { secret: setUp.secret, qrCode: await qrCodeSvg(secondFactorUri(setUp.secret, account.login)) } : undefined;
          return page(c, { setUp: shown, errors: error ? { code: error } : {} }, error ? 422 : 200);
        };
        const wrong = c.var.admin.text.t('admin.login.wrongCode');
        if (action === 'start') return settingUp({ secret: newSecondFactorSecret() });
        if (action === 'confirm') {
          const step = secret ? codeStep(secret, code ?? '') : undefined;
          if (!secret || step === undefined) return settingUp(secret ? { secret } : undefined, wrong);
          await setSecondFactor(sql, account.id, secret);
          await spendCodeStep(sql, account.id, step);
          return c.redirect('/admin/account?notice=secondFactorOn', 303);
        }
        const current = await secondFactorSecret(sql, account.id);
        const step = current ? codeStep(current, code ?? '') : undefined;
        if (step === undefined || !(await spendCodeStep(sql, account.id, step))) return settingUp(undefined, wrong);
        await setSecondFactor(sql, account.id, null);
        return c.redirect('/admin/account?notice=secondFactorOff', 303);
      })

      .post('/account/sessions/:session/end', async (c) => {
        const session = c.req.param('session');
        await endSessionByHandle(sql, c.var.account.id, session);
        if (session === sessionHandleOf(c.var.sessionId)) return c.redirect('/admin/login', 303);
        return c.redirect('/admin/account?notice=ended', 303);
      })
  );
}
