/**
 * The admin login and every route against what a stranger can send: wrong passwords in a row, a copied cookie
 * after logout, huge or malformed bodies, forged or malformed link ids. Over real HTTP, so the client's
 * address and the body limits are the server's own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCohort } from '../../db/cohorts.js';
import { Hono } from 'hono';
import { LOGIN_LIMITS, createAdminAuth } from '../../web/auth.js';
import { CONTENT_SECURITY_POLICY } from '../../web/guards.js';
import { hiddenFieldsOf, logInOverHttp } from '../../dev/admin-over-http.js';
import { freePort } from '../../dev/ports.js';
import { serveApp } from '../helpers/serve.js';
import { ADMIN, createTestApp, startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText } from '../helpers/web-client.js';
import { shortSchedule } from '../helpers/cohort-fixtures.js';

let stack: TestStack;
let server: { close(): Promise<void> };
let base: string;
beforeAll(async () => {
  stack = await startTestStack();
  const port = await freePort();
  server = await serveApp(stack.app, port);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server?.close();
  await stack?.stop();
});
beforeEach(async () => {
  await stack.sql`delete from login_failures`;
  await stack.sql`delete from login_successes`;
});

const logIn = (user: string, password: string) =>
  fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base },
    body: new URLSearchParams({ user, password, next: '/admin' }),
  });

describe('admin login', () => {
  it('stops an account from one address after five wrong passwords, even for the right one, and says until when', async () => {
    for (let i = 0; i < 5; i++) expect((await logIn(ADMIN.user, `wrong-${i}`)).status).toBe(401);
    const locked = await logIn(ADMIN.user, ADMIN.password);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect(pageText(await locked.text())).toMatch(
      /Too many wrong passwords for this account from your network address: logging in is blocked here until \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\./,
    );
    // Failures age out: once the window has passed, the right password works again.
    await stack.sql`update login_failures set at = at - interval '16 minutes'`;
    expect((await logIn(ADMIN.user, ADMIN.password)).status).toBe(303);
  });

  it('1,000 wrong passwords from 50 addresses within a minute: the owner still signs in at once from their own address, and from their own browser', async () => {
    const proxied = createTestApp({ sql: stack.sql, workflows: stack.workflows, links: stack.links, trustProxy: true });
    const attempt = (address: string, password: string, cookie?: string) =>
      proxied.request('/admin/login', {
        method: 'POST',
        headers: { origin: 'http://localhost', 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams({ user: ADMIN.user, password, next: '/admin' }),
      });
    // The owner signed in from the office and from a laptop last week.
    expect((await attempt('198.51.100.1', ADMIN.password)).status).toBe(303);
    const laptop = (await attempt('198.51.100.2', ADMIN.password)).headers.getSetCookie().find((c) => c.startsWith('tandem_known='))!;
    expect(laptop).toContain('Path=/admin/login');
    expect(laptop).toContain('HttpOnly');

    const addresses = Array.from({ length: 50 }, (_, i) => `203.0.113.${i + 1}`);
    const statuses = (
      await Promise.all(
        addresses.map(async (address) => {
          const answers = [];
          for (let i = 0; i < 20; i++) answers.push((await attempt(address, `guess-${address}-${i}`)).status);
          return answers;
        }),
      )
    ).flat();
    expect(statuses).toHaveLength(1_000);
    // Each guess was checked or refused; only the first twenty for the account from anywhere were checked.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_LIMITS.account);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1_000 - LOGIN_LIMITS.account);

    expect((await attempt('198.51.100.1', ADMIN.password)).status).toBe(303); // the office
    expect((await attempt('192.0.2.99', ADMIN.password, laptop.split(';')[0])).status).toBe(303); // the laptop, on a café's network
    // Where the account has never signed in, it is slowed down until the guessing stops.
    expect((await attempt('192.0.2.100', ADMIN.password)).status).toBe(429);
    // The cookie vouches for its own account only, and cannot be forged without the server's secret.
    expect((await attempt('192.0.2.100', ADMIN.password, `tandem_known=${encodeURIComponent(`${ADMIN.user}.forged`)}`)).status).toBe(429);
  });

  it('counts guesses sent all at once: fifty together get five tries, not fifty', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => logIn(ADMIN.user, `wrong-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    expect((await logIn(ADMIN.user, ADMIN.password)).status).toBe(429);
  });

  it('locks an address after twenty wrong logins, whatever accounts they tried', async () => {
    for (let i = 0; i < 20; i++) expect((await logIn(`guess-${i}`, 'wrong-password')).status).toBe(401);
    const locked = await logIn(ADMIN.user, ADMIN.password);
    expect(locked.status).toBe(429);
    expect(pageText(await locked.text())).toContain('Too many wrong passwords from your network address');
    const [row] = await stack.sql<{ key: string }[]>`select key from login_failures where scope = 'address' limit 1`;
    expect(row!.key).toMatch(/127\.0\.0\.1/); // the connection's address, not a header anyone can set
  });

  it('behind a trusted proxy, counts the address the proxy saw, not one the client wrote', async () => {
    const auth = createAdminAuth({ sessionSecret: 's'.repeat(32), secureCookies: false, sql: stack.sql, trustProxy: true });
    const app = new Hono().post('/', async (c) => c.json(await auth.logIn(c, 'someone', 'wrong-password', { next: '/admin' })));
    await app.request('/', { method: 'POST', headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' } });
    expect(await stack.sql`select key from login_failures where scope = 'address'`).toEqual([{ key: '203.0.113.7' }]);
  });

  it('logging out ends the session everywhere: a copied cookie no longer works', async () => {
    const cookie = await logInOverHttp(base, ADMIN.password);
    const page = await fetch(`${base}/admin`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const { _csrf } = hiddenFieldsOf(await page.text());
    const out = await fetch(`${base}/admin/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, cookie },
      body: new URLSearchParams({ _csrf: _csrf! }),
    });
    expect(out.status).toBe(303);
    const copied = await fetch(`${base}/admin`, { redirect: 'manual', headers: { cookie } });
    expect(copied.status).toBe(302);
    expect(copied.headers.get('location')).toBe('/admin/login?next=%2Fadmin');
    expect(
      (
        await fetch(`${base}/admin/cohorts/new`, {
          method: 'POST',
          redirect: 'manual',
          headers: { origin: base, cookie },
          body: new URLSearchParams({ _csrf: _csrf! }),
        })
      ).status,
    ).toBe(401);
  });
});

describe('every route', () => {
  it('refuses a body larger than any form before reading it, on the login page too', async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    // 300 MB offered, streamed: the server answers 413 after the first 64 KB and stops reading.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if ((sent += chunk.length) > 300 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const before = process.memoryUsage().rss;
    const response = await fetch(`${base}/admin/login`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pageText(await response.text())).toContain('This request is larger than any Tandem form.');
    expect(sent).toBeLessThan(300 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    const survey = await fetch(`${base}/survey/anything`, {
      method: 'POST',
      headers: { origin: base },
      body: new URLSearchParams({ goals: 'x'.repeat(100_000) }),
    });
    expect(survey.status).toBe(413);
  });

  it('sends a strict CSP, no-store on pages, and no inline script or style', async () => {
    const login = await fetch(`${base}/admin/login`);
    expect(login.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect(login.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const cookie = await logInOverHttp(base, ADMIN.password);
    for (const path of ['/admin', '/admin/cohorts/new']) {
      const page = await fetch(`${base}${path}`, { headers: { cookie } });
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\sstyle="/);
      // The stylesheet and script are files under hashed names, cached for good.
      for (const [, asset] of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
        expect((await fetch(`${base}${asset}`)).headers.get('cache-control')).toContain('immutable');
      }
    }
  });

  it('refuses a form sent from another site, saying why', async () => {
    const response = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example' },
      body: new URLSearchParams({ user: ADMIN.user, password: ADMIN.password }),
    });
    expect(response.status).toBe(403);
    expect(pageText(await response.text())).toContain('This form was sent from another site, so Tandem refused it.');
  });

  it('answers 4xx, never 500, to malformed requests', async () => {
    const cookie = await logInOverHttp(base, ADMIN.password);
    const { _csrf } = hiddenFieldsOf(await (await fetch(`${base}/admin`, { headers: { cookie } })).text());
    const post = (path: string, init: RequestInit) =>
      fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', ...init, headers: { origin: base, cookie, ...init.headers } });
    // JSON, or nothing at all, where a form is expected.
    expect(
      (await post('/admin/cohorts', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _csrf }) })).status,
    ).toBe(400);
    expect((await post('/admin/cohorts', {})).status).toBe(400);
    expect((await post('/admin/login', { headers: { 'content-type': 'application/json' }, body: '{"user":"admin"}' })).status).toBe(400);
    expect((await post('/admin/login', {})).status).toBe(400);
    // Ids that are not ids, in paths and in signed links.
    expect((await fetch(`${base}/admin/cohorts/x/pairs/not-a-uuid`, { headers: { cookie } })).status).toBe(404);
    const { cohort } = await insertCohort(stack.sql, {
      formId: crypto.randomUUID(),
      slug: 'security',
      name: 'Security',
      description: '',
      charter: 'We meet.',
      schedule: shortSchedule(),
      participants: [{ line: 2, name: 'Dee', email: 'dee@example.org', role: 'mentee', languages: ['English'], attributes: {} }],
    });
    expect((await fetch(`${base}/admin/cohorts/security/pairs/${crypto.randomUUID()}`, { headers: { cookie } })).status).toBe(404);
    const expiresAt = Date.now() + 3_600_000;
    for (const [path, scope, subjectId] of [
      ['/survey', 'survey', cohort.id],
      ['/charter', 'charter', 'not-a-pair'],
      ['/check-in', 'check-in', 'x#y'],
      ['/final-survey', 'final-survey', '123'],
    ] as const) {
      const token = stack.links.sign({ scope, participantId: 'not-a-uuid', subjectId, expiresAt });
      const page = await fetch(`${base}${path}/${token}`);
      expect([400, 404, 410]).toContain(page.status);
      const sent = await fetch(`${base}${path}/${token}`, {
        method: 'POST',
        headers: { origin: base },
        body: new URLSearchParams({ anything: 'x' }),
      });
      expect([400, 404, 410, 422]).toContain(sent.status);
      expect((await fetch(`${base}${path}/garbage`)).status).toBe(404);
    }
  });
});
