/**
 * Single sign-on against a real OpenID provider (oidc-provider, started here), in the browser: an invited
 * manager accepts by signing in with the organisation's account, a colleague of an allowed domain gets an
 * account with the organisation's role, a stranger's domain and an unverified address are refused, a
 * suspended account is refused, and signing out ends the session.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROVIDER_CLIENT, startOpenIdProvider } from '../helpers/openid-provider.js';
import { SHOTS, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';

let env: BrowserStack;
let provider: Awaited<ReturnType<typeof startOpenIdProvider>> | undefined;

beforeAll(async () => {
  env = await startBrowserStack({
    sso: async (base) => {
      provider = await startOpenIdProvider(`${base}/admin/sso/callback`, {
        'claire@alumni-lyon.example.org': { name: 'Claire Martin' },
        'noor@alumni-lyon.example.org': { name: 'Noor Haddad' },
        'sam@gmail.example': { name: 'Sam' },
        'unverified@alumni-lyon.example.org': { name: 'Una', verified: false },
      });
      return {
        issuer: provider.issuer,
        clientId: PROVIDER_CLIENT.id,
        clientSecret: PROVIDER_CLIENT.secret,
        name: 'Alumni Lyon',
        allowedDomains: ['alumni-lyon.example.org'],
        role: 'viewer',
      };
    },
  });
}, 60_000);
afterAll(async () => {
  await env?.stop();
  await provider?.stop();
});

/** Signs in through the provider as `email`, in a browser of its own (no provider session yet); returns its page. */
async function signInWithProvider(email: string): Promise<Page> {
  const page = await (await env.browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await page.goto(`${env.base}/admin/login`);
  await page.click('text=Sign in with Alumni Lyon');
  await page.fill('input[name=login]', email); // the provider's own login page
  await page.fill('input[name=password]', 'any password the provider accepts');
  await page.click('button[type=submit]');
  await page.click('button:has-text("Continue")'); // its consent
  await page.waitForURL((url) => url.href.startsWith(env.base));
  return page;
}

it('an invited manager signs in with the organisation account: the invitation is accepted, the role kept', async () => {
  const login = await env.browser.newPage({ viewport: { width: 360, height: 780 } });
  await login.goto(`${env.base}/admin/login`);
  expect(await login.getAttribute('text=Sign in with Alumni Lyon', 'href')).toBe('/admin/sso?next=%2Fadmin');
  await login.screenshot({ path: path.join(SHOTS, 'login-with-sso-360.png'), fullPage: true });
  await login.close();
  await env.stack
    .sql`insert into admin_accounts (login, name, email, role) values ('claire@alumni-lyon.example.org', 'Claire', 'claire@alumni-lyon.example.org', 'manager')`;
  const page = await signInWithProvider('claire@alumni-lyon.example.org');
  expect(new URL(page.url()).pathname).toBe('/admin');
  expect(await page.locator('header nav a').allTextContents()).toEqual(['Cohorts', 'New cohort', 'Claire']);
  const [claire] = await env.stack
    .sql`select status, role, password_hash from admin_accounts where login = 'claire@alumni-lyon.example.org'`;
  expect(claire).toEqual({ status: 'active', role: 'manager', passwordHash: null });
  await page.screenshot({ path: path.join(SHOTS, 'sso-signed-in-360.png'), fullPage: true });

  // Signing out ends Tandem's session: its pages ask to sign in again.
  await page.click('text=Log out');
  await page.goto(`${env.base}/admin`);
  expect(new URL(page.url()).pathname).toBe('/admin/login');
});

it("creates an account for a verified address of an allowed domain, with the organisation's role", async () => {
  const page = await signInWithProvider('noor@alumni-lyon.example.org');
  expect(new URL(page.url()).pathname).toBe('/admin');
  expect(await page.locator('header nav a').allTextContents()).toEqual(['Cohorts', 'Noor Haddad']);
  const [noor] = await env.stack.sql`select role, status from admin_accounts where login = 'noor@alumni-lyon.example.org'`;
  expect(noor).toEqual({ role: 'viewer', status: 'active' });
});

it('refuses another domain, an address the provider did not verify, and a suspended account, saying why', async () => {
  const stranger = await signInWithProvider('sam@gmail.example');
  expect(await stranger.textContent('main')).toContain('There is no account for sam@gmail.example.');
  await stranger.screenshot({ path: path.join(SHOTS, 'sso-refused-360.png'), fullPage: true });

  const unverified = await signInWithProvider('unverified@alumni-lyon.example.org');
  expect(await unverified.textContent('main')).toContain('Alumni Lyon did not give a verified email address');

  await env.stack.sql`update admin_accounts set status = 'suspended' where login = 'claire@alumni-lyon.example.org'`;
  const suspended = await signInWithProvider('claire@alumni-lyon.example.org');
  expect(await suspended.textContent('main')).toContain('This account is suspended.');
  expect(
    await env.stack
      .sql`select count(*)::int as n from admin_accounts where login in ('sam@gmail.example', 'unverified@alumni-lyon.example.org')`,
  ).toEqual([{ n: 0 }]);
});

it('refuses a return that this browser did not start', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.base}/admin/sso/callback?code=forged&state=forged`);
  expect(await page.textContent('main')).toContain('This sign-in took too long or was started in another browser.');
});
