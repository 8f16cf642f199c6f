/**
 * Named accounts from the owner's side and the invitee's: an invitation by email, its single-use link, a
 * password that must be good, suspension and removal, resets, one's own sessions, and the audit log naming who
 * acted. Emails go through the real workflow and the dev outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PASSWORD, createAccount } from '../helpers/accounts.js';
import { startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { createTestApp, startTestStack, type TestStack } from '../helpers/stack.js';
import { setSecondFactor } from '../../db/admin-accounts.js';
import { codeAt, newSecondFactorSecret } from '../../domain/second-factor.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { createAdminAlerts } from '../../activities/notifications/alerts.js';
import { createNotifier } from '../../activities/notifications/notify.js';
import { createOutboxSender } from '../../activities/email/outbox-sender.js';
import { createMetrics } from '../../observability/metrics.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

/** The newest email to an address, once it is in the outbox. */
const emailTo = (address: string, count = 1) =>
  eventually(async () => {
    const emails = await stack.sql<{ subject: string; text: string }[]>`
      select subject, text from outbox_messages where to_address like ${`%<${address}>`} order by id`;
    expect(emails.length).toBe(count);
    return emails.at(-1)!;
  });
const linkIn = (text: string, path: string) => new URL(new RegExp(`http://localhost${path}/[\\w.-]+`).exec(text)![0]).pathname;

async function owner() {
  const client = webClient(stack.app);
  await client.logIn();
  return client;
}

describe('an invitation', () => {
  it('reaches the invitee, whose single-use link asks for a good password, signs them in, and is spent', async () => {
    const admin = await owner();
    const { _csrf } = await admin.hiddenFields('/admin/accounts');
    const invited = await admin.post('/admin/accounts', {
      _csrf: _csrf!,
      name: 'Claire Martin',
      email: 'Claire@Assoc.example',
      role: 'manager',
      language: 'fr',
    });
    expect(invited.status).toBe(303);
    expect(pageText(await (await admin.get('/admin/accounts')).text())).toContain(
      'Claire Martin claire@assoc.example programme manager — invited',
    );

    const email = await emailTo('claire@assoc.example');
    expect(pageText(email.subject)).toBe('Tandem : votre invitation à animer des programmes de mentorat');
    expect(email.text).toContain('en tant que responsable de programme');
    const link = linkIn(email.text, '/admin/welcome');

    const invitee = webClient(stack.app, { acceptLanguage: 'fr' });
    expect(pageText(await (await invitee.get(link)).text())).toContain('Bienvenue, Claire Martin');
    const weak = await invitee.post(link, { name: 'Claire Martin', password: 'password1234', confirm: 'password1234' });
    expect(weak.status).toBe(422);
    expect(pageText(await weak.text())).toContain('Ce mot de passe est trop courant ou trop facile à deviner');
    const mismatch = await invitee.post(link, { name: 'Claire Martin', password: ACCOUNT_PASSWORD, confirm: 'something else entirely' });
    expect(pageText(await mismatch.text())).toContain('Les deux mots de passe diffèrent.');

    const accepted = await invitee.post(link, { name: 'Claire Martin-Durand', password: ACCOUNT_PASSWORD, confirm: ACCOUNT_PASSWORD });
    expect(accepted.status).toBe(303);
    expect(pageText(await (await invitee.get('/admin/account')).text())).toContain('claire@assoc.example · responsable de programme');
    // Used once: the link now says so, and the account signs in with its own password.
    const again = await webClient(stack.app).get(link);
    expect(again.status).toBe(410);
    expect(pageText(await again.text())).toContain('It was used already');
    await webClient(stack.app).logIn({ login: 'claire@assoc.example', password: ACCOUNT_PASSWORD });

    // The audit log names who invited whom.
    const audit = pageText(await (await admin.get('/admin/audit')).text());
    expect(audit).toMatch(/admin admin@tandem\.test Invited an admin/);
  });

  it('refuses an address that has an account, an expired link, and a link replaced by a newer one', async () => {
    const admin = await owner();
    const { _csrf } = await admin.hiddenFields('/admin/accounts');
    const form = { _csrf: _csrf!, name: 'Sam', email: 'sam@assoc.example', role: 'viewer', language: 'en' };
    expect((await admin.post('/admin/accounts', form)).status).toBe(303);
    const twice = await admin.post('/admin/accounts', form);
    expect(twice.status).toBe(422);
    expect(pageText(await twice.text())).toContain('This address already has an account.');
    const first = linkIn((await emailTo('sam@assoc.example')).text, '/admin/welcome');

    const [sam] = await stack.sql<{ id: string }[]>`select id from admin_accounts where login = 'sam@assoc.example'`;
    expect((await admin.post(`/admin/accounts/${sam!.id}/invitation`, { _csrf: _csrf! })).status).toBe(303);
    const second = linkIn((await emailTo('sam@assoc.example', 2)).text, '/admin/welcome');
    expect((await webClient(stack.app).get(first)).status).toBe(410);
    expect((await webClient(stack.app).get(second)).status).toBe(200);
    await stack.sql`update admin_tickets set expires_at = now() - interval '1 minute' where account_id = ${sam!.id}`;
    expect((await webClient(stack.app).get(second)).status).toBe(410);
    // A link forged or cut short is no better.
    expect((await webClient(stack.app).get(`${second.slice(0, -3)}abc`)).status).toBe(410);
  });
});

describe('suspension and removal', () => {
  it('ends the sessions at once, refuses the password with a word why, and keeps the last owner', async () => {
    const account = await createAccount(stack.sql, { login: 'volunteer@assoc.example', role: 'manager', name: 'Vic' });
    const volunteer = webClient(stack.app);
    await volunteer.logIn(account);
    expect((await volunteer.get('/admin')).status).toBe(200);

    const admin = await owner();
    const { _csrf } = await admin.hiddenFields('/admin/accounts');
    expect((await admin.post(`/admin/accounts/${account.id}/status`, { _csrf: _csrf!, action: 'suspend' })).status).toBe(303);
    expect((await volunteer.get('/admin')).status).toBe(302);
    const refused = await webClient(stack.app).post('/admin/login', { user: account.login, password: account.password, next: '/admin' });
    expect(refused.status).toBe(403);
    expect(pageText(await refused.text())).toContain('This account is suspended.');
    expect((await admin.post(`/admin/accounts/${account.id}/status`, { _csrf: _csrf!, action: 'reactivate' })).status).toBe(303);
    await webClient(stack.app).logIn(account);

    expect((await admin.post(`/admin/accounts/${account.id}/status`, { _csrf: _csrf!, action: 'remove' })).status).toBe(303);
    expect(pageText(await (await admin.get('/admin/accounts')).text())).not.toContain('volunteer@assoc.example');
    expect((await webClient(stack.app).post('/admin/login', { user: account.login, password: account.password })).status).toBe(403);

    // The only owner can be neither suspended nor made something else.
    const [me] = await stack.sql<{ id: string }[]>`select id from admin_accounts where login = 'admin'`;
    const suspendSelf = await admin.post(`/admin/accounts/${me!.id}/status`, { _csrf: _csrf!, action: 'suspend' });
    expect(suspendSelf.status).toBe(422);
    expect(pageText(await suspendSelf.text())).toContain('This is the last active owner');
    expect((await admin.post(`/admin/accounts/${me!.id}`, { _csrf: _csrf!, role: 'viewer' })).status).toBe(422);
  });
});

describe('passwords and sessions', () => {
  it('resets a forgotten password by email, says the same for an unknown address, and ends the other sessions', async () => {
    const account = await createAccount(stack.sql, { login: 'forgetful@assoc.example', role: 'viewer', name: 'Fran' });
    const elsewhere = webClient(stack.app);
    await elsewhere.logIn(account);

    const stranger = await webClient(stack.app).post('/admin/reset', { email: 'nobody@assoc.example' });
    const asked = await webClient(stack.app).post('/admin/reset', { email: 'Forgetful@assoc.example' });
    expect(pageText(await stranger.text()).replace('nobody', 'forgetful')).toBe(
      pageText(await asked.text()).replace('Forgetful', 'forgetful'),
    );
    const email = await emailTo('forgetful@assoc.example');
    expect(email.subject).toBe('Tandem: choose a new password');
    // Asking again at once sends nothing more.
    await webClient(stack.app).post('/admin/reset', { email: 'forgetful@assoc.example' });

    const link = linkIn(email.text, '/admin/reset');
    const reader = webClient(stack.app);
    const done = await reader.post(link, { password: 'a new lantern in the orchard', confirm: 'a new lantern in the orchard' });
    expect(done.status).toBe(303);
    expect((await reader.get('/admin')).status).toBe(200);
    expect((await elsewhere.get('/admin')).status).toBe(302);
    expect((await webClient(stack.app).post('/admin/login', { user: account.login, password: account.password })).status).toBe(401);
    expect((await webClient(stack.app).get(link)).status).toBe(410);
    await emailTo('forgetful@assoc.example', 1);
  });

  it('lists where one is signed in, ends one of them, and changes the password only with the current one', async () => {
    const account = await createAccount(stack.sql, { login: 'careful@assoc.example', role: 'manager', name: 'Cas' });
    const laptop = webClient(stack.app);
    await laptop.logIn(account);
    const phone = webClient(stack.app);
    await phone.logIn(account);

    const page = await (await laptop.get('/admin/account')).text();
    expect([...page.matchAll(/data-session="(\w+)"/g)].map((m) => m[1]).sort()).toEqual(['current', 'other']);
    const other = /data-session="other">[\s\S]*?action="([^"]+)"/.exec(page)![1]!;
    const { _csrf } = await laptop.hiddenFields('/admin/account');
    expect((await laptop.post(other, { _csrf: _csrf! })).status).toBe(303);
    expect((await phone.get('/admin')).status).toBe(302);
    expect((await laptop.get('/admin')).status).toBe(200);

    const wrong = await laptop.post('/admin/account/password', {
      _csrf: _csrf!,
      current: 'not it',
      password: 'one more lantern tonight',
      confirm: 'one more lantern tonight',
    });
    expect(wrong.status).toBe(422);
    expect(pageText(await wrong.text())).toContain('This is not your current password.');
    const changed = await laptop.post('/admin/account/password', {
      _csrf: _csrf!,
      current: account.password,
      password: 'one more lantern tonight',
      confirm: 'one more lantern tonight',
    });
    expect(changed.status).toBe(303);
    expect((await laptop.get('/admin/account?notice=password')).status).toBe(200); // this browser starts again at once
  });

  it('a second factor: set up with a code, then asked for at every sign-in, each code working once', async () => {
    const account = await createAccount(stack.sql, { login: 'guarded@assoc.example', role: 'owner', name: 'Gus' });
    const client = webClient(stack.app);
    await client.logIn(account);
    const { _csrf } = await client.hiddenFields('/admin/account');
    const started = await (await client.post('/admin/account/second-factor', { _csrf: _csrf!, action: 'start' })).text();
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(started)![1]!;
    expect(started).toContain('<svg');
    const wrong = await client.post('/admin/account/second-factor', { _csrf: _csrf!, action: 'confirm', secret, code: '000000' });
    expect(wrong.status).toBe(422);
    expect(
      (await client.post('/admin/account/second-factor', { _csrf: _csrf!, action: 'confirm', secret, code: codeAt(secret) })).status,
    ).toBe(303);
    expect(await (await client.get('/admin/account')).text()).toContain('data-second-factor="on"');

    // Signing in: the password, then the code; no session before the code.
    const browser = webClient(stack.app);
    const asked = await browser.post('/admin/login', { user: account.login, password: account.password, next: '/admin/accounts' });
    expect(asked.status).toBe(200);
    expect(pageText(await asked.text())).toContain('The 6-digit code your authenticator app shows for Tandem');
    expect((await browser.get('/admin')).status).toBe(302);
    expect((await browser.post('/admin/login/code', { code: '123456' })).status).toBe(401);
    const next = codeAt(secret, Date.now() + 30_000); // the next period's code, accepted a period early
    const done = await browser.post('/admin/login/code', { code: next });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/accounts');
    // The same code again, in another browser: refused, it was used.
    const other = webClient(stack.app);
    await other.post('/admin/login', { user: account.login, password: account.password });
    expect((await other.post('/admin/login/code', { code: next })).status).toBe(401);
    // A code without a right password first leads nowhere.
    expect(pageText(await (await webClient(stack.app).post('/admin/login/code', { code: next })).text())).toContain('Five minutes went by');
  });

  it('an account with a second factor is not slowed down as a whole by guesses from elsewhere', async () => {
    const account = await createAccount(stack.sql, { login: 'targeted@assoc.example', role: 'owner', name: 'Tia' });
    const secret = newSecondFactorSecret();
    await setSecondFactor(stack.sql, account.id, secret);
    const proxied = createTestApp({ sql: stack.sql, workflows: stack.workflows, links: stack.links, trustProxy: true });
    const from = (address: string) => ({ origin: 'http://localhost', 'x-forwarded-for': address });
    for (let i = 0; i < 30; i++)
      await proxied.request('/admin/login', {
        method: 'POST',
        headers: from(`203.0.113.${i}`),
        body: new URLSearchParams({ user: account.login, password: `guess ${i}` }),
      });
    const fresh = await proxied.request('/admin/login', {
      method: 'POST',
      headers: from('192.0.2.1'),
      body: new URLSearchParams({ user: account.login, password: account.password }),
    });
    expect(fresh.status).toBe(200); // the code is asked for: a right password from a new address still counts
    const pending = fresh.headers.get('set-cookie')!.split(';')[0]!;
    const signedIn = await proxied.request('/admin/login/code', {
      method: 'POST',
      headers: { ...from('192.0.2.1'), cookie: pending },
      body: new URLSearchParams({ code: codeAt(secret) }),
    });
    expect(signedIn.status).toBe(303);
  });

  it('makes an owner without a second factor set one up first, when the organisation requires it', async () => {
    const account = await createAccount(stack.sql, { login: 'owner2@assoc.example', role: 'owner', name: 'Ora' });
    const client = webClient(stack.app);
    await client.logIn(account);
    const { _csrf } = await client.hiddenFields('/admin/accounts');
    expect((await client.post('/admin/accounts/policy', { _csrf: _csrf!, ownersNeedSecondFactor: 'on' })).status).toBe(303);
    const sent = await client.get('/admin/cohorts/new');
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/admin/account?notice=secondFactorRequired#second-factor');
    expect(pageText(await (await client.get('/admin/account?notice=secondFactorRequired')).text())).toContain(
      'Your organisation asks owners to use a second factor',
    );
    const started = await (await client.post('/admin/account/second-factor', { _csrf: _csrf!, action: 'start' })).text();
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(started)![1]!;
    await client.post('/admin/account/second-factor', { _csrf: _csrf!, action: 'confirm', secret, code: codeAt(secret) });
    expect((await client.get('/admin/cohorts/new')).status).toBe(200);
    // Managers are not asked.
    const manager = await createAccount(stack.sql, { login: 'free@assoc.example', role: 'manager' });
    const other = webClient(stack.app);
    await other.logIn(manager);
    expect((await other.get('/admin/cohorts/new')).status).toBe(200);
    await stack.sql`delete from account_policy`;
  });

  it('ends a session after two idle hours', async () => {
    const account = await createAccount(stack.sql, { login: 'idle@assoc.example', role: 'viewer' });
    const client = webClient(stack.app);
    await client.logIn(account);
    expect((await client.get('/admin')).status).toBe(200);
    await stack.sql`update admin_sessions set last_seen_at = now() - interval '121 minutes' where account_id = ${account.id}`;
    expect((await client.get('/admin')).status).toBe(302);
  });
});

describe("a cohort's managers", () => {
  it('receive its alerts; a cohort nobody manages alerts ADMIN_EMAIL', async () => {
    const managed = await startCohort(stack, 'managed-alerts', ['Noa:mentor', 'Eli:mentee']);
    const unmanaged = await startCohort(stack, 'unmanaged-alerts', ['Kim:mentor', 'Lou:mentee']);
    await createAccount(stack.sql, { login: 'lead@assoc.example', role: 'manager', name: 'Lea', manages: [managed.id] });
    await createAccount(stack.sql, { login: 'second@assoc.example', role: 'manager', name: 'Sid', manages: [managed.id] });
    const notifier = createNotifier({
      metrics: createMetrics(),
      sql: stack.sql,
      sender: createOutboxSender(stack.sql),
      from: 'Tandem <tandem@test.local>',
      publicBaseUrl: 'http://localhost',
      adminAlertsTo: 'fallback@tandem.test',
      onBounce: async () => {},
    });
    const alertAdmin = createAdminAlerts({ sql: stack.sql, notifier, publicBaseUrl: 'http://localhost' });
    const [noa] = await stack.sql<{ id: string }[]>`select id from participants where cohort_id = ${managed.id} limit 1`;
    for (const cohort of [managed, unmanaged])
      await alertAdmin({
        cohortId: cohort.id,
        key: `bounce:${cohort.slug}`,
        details: { kind: 'bounce', participantId: noa!.id, reason: 'mailbox full' },
      });
    await alertAdmin({
      cohortId: managed.id,
      key: `bounce:${managed.slug}`,
      details: { kind: 'bounce', participantId: noa!.id, reason: 'mailbox full' },
    });
    expect((await emailTo('lead@assoc.example')).subject).toContain('Cohort managed-alerts');
    expect((await emailTo('second@assoc.example')).subject).toContain('Cohort managed-alerts');
    expect((await emailTo('fallback@tandem.test')).subject).toContain('Cohort unmanaged-alerts');
  });
});
