/**
 * A second admin joins, in the browser: the owner invites a programme manager, who opens the emailed link on
 * a phone, in French, chooses a password, and runs the programme under their own name; a viewer sees the
 * cohort without a single button to act.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { codeAt } from '../../domain/second-factor.js';
import { createAccount } from '../helpers/accounts.js';
import { approvedPairOf } from '../helpers/cohort-fixtures.js';
import { SHOTS, guideShot, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { ADMIN } from '../helpers/stack.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

it('the owner invites a programme manager, who accepts on a phone in French and acts under their own name', async () => {
  const { cohort, pair } = await approvedPairOf(env.stack, 'accounts-e2e');

  const owner = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await owner.goto(`${env.base}/admin/login?next=/admin/accounts`);
  await owner.fill('#user', ADMIN.user);
  await owner.fill('#password', ADMIN.password);
  await owner.click('button[type=submit]');
  await owner.fill('#name', 'Claire Martin');
  await owner.fill('#email', 'claire@alumni-lyon.example.org');
  await owner.check('[name=role][value=manager]');
  await owner.selectOption('#language', 'fr');
  await owner.click('text=Send the invitation');
  await owner.waitForSelector('text=Invitation sent.');
  await guideShot(owner, 'accounts');
  // On the owner's phone, in French, the table scrolls sideways rather than breaking its words.
  const ownerPhone = await env.browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 360, height: 780 },
    storageState: await owner.context().storageState(),
  });
  const accountsOnPhone = await ownerPhone.newPage();
  await accountsOnPhone.goto(`${env.base}/admin/accounts`);
  expect(await accountsOnPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await accountsOnPhone.screenshot({ path: path.join(SHOTS, 'accounts-fr-360.png'), fullPage: true });
  await ownerPhone.close();

  // Claire opens the link on her phone, in French.
  const phone = await (await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 780 } })).newPage();
  await phone.goto(await env.linkIn('claire@alumni-lyon.example.org', 'invitation', 'admin/welcome'));
  expect(await phone.textContent('h1')).toBe('Bienvenue, Claire Martin');
  await phone.fill('#password', 'password1234');
  await phone.fill('#confirm', 'password1234');
  await phone.click('button[type=submit]');
  await phone.waitForSelector('text=Ce mot de passe est trop courant');
  await phone.screenshot({ path: path.join(SHOTS, 'welcome-errors-fr-360.png'), fullPage: true });
  await phone.fill('#password', 'lanterne verger quinze doucement');
  await phone.fill('#confirm', 'lanterne verger quinze doucement');
  await phone.click('button[type=submit]');
  await phone.waitForURL(`${env.base}/admin`);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // She adds a second factor from her account page: scans the code, gives the one her app shows.
  await phone.goto(`${env.base}/admin/account`);
  await phone.click('text=Mettre en place un second facteur');
  await phone.locator('#second-factor svg').waitFor();
  await phone.screenshot({ path: path.join(SHOTS, 'second-factor-fr-360.png'), fullPage: true });
  const secret = (await phone.inputValue('#second-factor [name=secret]'))!;
  await phone.fill('#code', codeAt(secret));
  await phone.click('text=Activer le second facteur');
  await phone.waitForSelector('text=Le second facteur est activé');

  // She sends a reminder to the pair; the audit log says she did.
  await owner.goto(`${env.base}/admin/accounts`);
  await owner.click('text=Claire Martin');
  await owner.check(`[name=cohorts][value="${cohort.id}"]`);
  await owner.click('text=Save');
  await owner.waitForSelector('text=Saved.');
  await phone.goto(`${env.base}/admin/cohorts/${cohort.slug}/pairs/${pair.id}`);
  await phone.click('#actions button:has-text("Relancer")');
  await phone.waitForSelector('[role=status]');
  expect(await phone.textContent('#timeline [data-timeline=action]')).toContain(
    'Relance envoyée par l’équipe du programme (Claire Martin)',
  );
  await owner.goto(`${env.base}/admin/audit?person=`);
  await owner.selectOption('#person', { label: 'Claire Martin (claire@alumni-lyon.example.org)' });
  await owner.click('text=Show');
  await expect.poll(() => owner.locator('tbody tr').count()).toBe(1);
  expect(await owner.textContent('tbody tr')).toContain('Claire Martin');
  await owner.screenshot({ path: path.join(SHOTS, 'audit-by-person-en.png'), fullPage: true });

  // A viewer reads the same cohort with nothing to act on.
  const viewer = await createAccount(env.stack.sql, { login: 'director@alumni-lyon.example.org', role: 'viewer', name: 'Dominique' });
  const reader = await env.browser.newPage({ viewport: { width: 360, height: 780 } });
  await reader.goto(`${env.base}/admin/login`);
  await reader.fill('#user', viewer.login);
  await reader.fill('#password', viewer.password);
  await reader.click('button[type=submit]');
  await reader.goto(`${env.base}/admin/cohorts/${cohort.slug}/pairs/${pair.id}`);
  expect(await reader.locator('main form[method=post]').count()).toBe(0);
  expect(await reader.locator('header nav a').allTextContents()).toEqual(['Cohorts', 'Dominique']);
  await reader.screenshot({ path: path.join(SHOTS, 'pair-as-viewer-360.png'), fullPage: true });
});
