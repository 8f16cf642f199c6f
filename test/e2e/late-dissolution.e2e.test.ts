/**
 * Nothing waits silently, in the browser: a pair dissolved too close to the programme's end for a new partner to
 * be worth it. The one who signed is not proposed anyone; the admin is told, and the cohort still closes with its
 * report, which counts the dissolution.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { approvedPairOf, charterPath } from '../helpers/cohort-fixtures.js';
import { SHOTS, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { ADMIN } from '../helpers/stack.js';
import { webClient } from '../helpers/web-client.js';
import { translator } from '../../i18n/translator.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

it('a pair dissolved near the end: nobody is proposed, the admin is told, and the cohort closes with its report', async () => {
  const { t } = translator('en');
  const slug = 'late-dissolution-e2e';
  // The charter's deadline falls 8 s before the programme's end: less than the quarter of it (9 s) a new pair
  // needs, and time enough, on a busy machine, for the dissolution to reach the cohort before the end.
  const { pair } = await approvedPairOf(env.stack, slug, { charterMs: 28_000, programmeMs: 36_000, checkInMs: 3_600_000 });
  // Ava signs; Mia never does.
  const signed = await webClient(env.stack.app).post(charterPath(env.stack, pair.id, pair.menteeId), {
    requestId: crypto.randomUUID(),
    typedName: 'Ava',
    agree: 'on',
  });
  expect(signed.status).toBe(200);

  const admin = await env.browser.newPage();
  await admin.goto(`${env.base}/admin/login?next=/admin/cohorts/${slug}`);
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');
  // The report is stored a moment before the workflow says it has closed: the page may show one without the other.
  await expect
    .poll(
      async () => {
        await admin.goto(`${env.base}/admin/cohorts/${slug}`);
        return [await admin.locator('#report').count(), await admin.getAttribute('[data-next-step]', 'data-next-step')];
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toEqual([1, 'closed']);
  expect(await admin.textContent('[data-figure=dissolved]')).toBe('1');
  expect(await admin.locator('#report [data-chart]').count()).toBe(0); // nobody answered anything: no empty charts
  // The admin was told who waits, and that no new pair was proposed; no proposal is left open.
  const alerts = await admin.textContent('#alerts');
  expect(alerts).toContain(t('alert.tooLateToRematch', { name: 'Ava' }));
  expect(alerts).toContain(t('alert.pairDissolved', { mentee: 'Ava', mentor: 'Mia' }));
  expect(await admin.textContent('main')).not.toContain(t('admin.cohort.matching.review'));
  await admin.screenshot({ path: path.join(SHOTS, 'late-dissolution.png'), fullPage: true });
});
