import { Hono, type Context } from 'hono';
import { accountWithEmail, activateSsoAccount } from '../../db/admin-accounts.js';
import type { MessageKey } from '../../i18n/translator.js';
import type { WebDeps } from '../deps.js';
import type { SsoChecks } from '../sso.js';
import { MessagePage } from '../views/Layout.js';
import { readerOf, safeNext } from './login.js';

/** What the browser must bring back from the provider, for ten minutes, on the callback's path only. */
const CHECKS = 'tandem_sso';
const CHECKS_MS = 10 * 60_000;

/**
 * Single sign-on through the organisation's OpenID provider. An account is found by the verified email the
 * provider gives; a pending invitation is accepted by it; a new account is made only for an allowed domain,
 * with the role the organisation set. A suspended or removed account is refused here as at the password form.
 */
export function createSsoRoutes({ sql, sso, auth }: WebDeps) {
  const refuse = (c: Context, why: MessageKey, values: Record<string, string> = {}) => {
    const text = readerOf(c);
    return c.html(
      <MessagePage text={text} title={text.t('admin.sso.refused.title')}>
        <p>{text.t(why, values)}</p>
        <p>
          <a href="/admin/login">{text.t('admin.login.title')}</a>
        </p>
      </MessagePage>,
      403,
    );
  };

  return new Hono()
    .get('/sso', async (c) => {
      if (!sso) return c.notFound();
      const { url, checks } = await sso.start();
      const kept = JSON.stringify({ ...checks, next: safeNext(c.req.query('next')) });
      // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it.
      await auth.keep(c, CHECKS, kept, '/admin/sso', CHECKS_MS);
      return c.redirect(url.href, 302);
    })

    .get('/sso/callback', async (c) => {
      if (!sso) return c.notFound();
      const kept = await auth.take(c, CHECKS, '/admin/sso');
      if (!kept) return refuse(c, 'admin.sso.refused.expired');
      const checks = JSON.parse(kept) as SsoChecks & { next: string };
      let identity;
      try {
        identity = await sso.finish(new URL(c.req.url).search, checks);
      } catch (error) {
        console.warn(`Single sign-on refused: ${(error as Error).message}`);
        return refuse(c, 'admin.sso.refused.failed', { provider: sso.settings.name });
      }
      if (!identity.email || !identity.emailVerified) return refuse(c, 'admin.sso.refused.unverified', { provider: sso.settings.name });
      const found = await accountWithEmail(sql, identity.email);
      const domain = identity.email.split('@')[1] ?? '';
      const account =
        found?.status === 'invited'
          ? await activateSsoAccount(sql, { ...identity, role: found.role, invitedId: found.id })
          : !found && sso.settings.allowedDomains.includes(domain)
            ? await activateSsoAccount(sql, { ...identity, role: sso.settings.role })
            : found;
      if (!account) return refuse(c, 'admin.sso.refused.noAccount', { email: identity.email });
      if (account.status !== 'active') return refuse(c, 'admin.login.suspended');
      await auth.startSession(c, account);
      return c.redirect(checks.next, 303);
    });
}
