/**
 * Points 1 and 2 of matching again, in the browser: a pair ended early is not matched again, a mentor of two
 * who misses one charter keeps the other pair, and the rematch proposal says who is in the round and why.
 * The admin works in the pages; participants sign from the links in their emails.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, startCohort } from '../helpers/cohort-fixtures.js';
import { SHOTS, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { ADMIN } from '../helpers/stack.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

it('the admin ends a pair early and sees the rematch round leave it out; a mentor of two keeps the pair she signed', async () => {
  const slug = 'places-e2e';
  const email = (name: string) => `${name.toLowerCase()}@${slug}.example.org`;
  const cohort = await startCohort(env.stack, slug, ['Mia:mentor', 'Leo:mentor', 'Ava:mentee', 'Ben:mentee', 'Cal:mentee'], {
    charterMs: 25_000,
  });
  await answerSurveys(env.stack, cohort, {
    [email('Mia')]: { ...MENTOR_ANSWERS, capacity: '2' },
    [email('Leo')]: { ...MENTOR_ANSWERS, capacity: '2', field: 'Law' },
    [email('Ava')]: MENTEE_ANSWERS,
    [email('Ben')]: MENTEE_ANSWERS,
    [email('Cal')]: { ...MENTEE_ANSWERS, field: 'Law' },
  });

  const admin = await env.browser.newPage();
  await admin.goto(`${env.base}/admin/login?next=/admin/cohorts/${slug}`);
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');
  await admin.click('text=Close the survey now');
  await expect.poll(async () => (await env.stack.workflows.cohortState(slug))?.stage, { timeout: 15_000 }).toBe('review');
  await admin.goto(`${env.base}/admin/cohorts/${slug}/matching`);
  await admin.click('text=/Approve 3 pairs/');
  await admin.waitForSelector('text=Approved: the pair workflows are starting');

  // Each signs from their introduction, which carries the charter; Mia signs with Ben but never with Ava.
  const person = await env.browser.newPage();
  const sign = async (who: string, partner: string) => {
    await person.goto(await env.linkIn(email(who), `, ${partner}`, 'charter')); // "…: meet your mentor, Mia"
    await person.fill('#typedName', who);
    await person.check('#agree');
    await person.click('text=Sign the charter');
    await person.waitForSelector('text=You signed as');
  };
  for (const [who, partner] of [
    ['Ben', 'Mia'],
    ['Mia', 'Ben'],
    ['Cal', 'Leo'],
    ['Leo', 'Cal'],
    ['Ava', 'Mia'],
  ])
    await sign(who!, partner!);

  // Cal moves abroad: the admin ends his pair from its page.
  await expect
    .poll(
      async () => {
        await admin.goto(`${env.base}/admin/cohorts/${slug}`);
        return admin.locator('[data-active-pair="Cal"] a').count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await admin.click('[data-active-pair="Cal"] a');
  await expect
    .poll(
      async () => {
        const ready = await admin.locator('#end-reason').count();
        if (!ready) await admin.reload();
        return ready;
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await admin.selectOption('#end-reason', 'other');
  await admin.fill('input[name=details]', 'Cal moved abroad');
  await admin.click('button:text-is("End the pair")');
  await admin.waitForSelector('text=The pair is ending');

  // Ava's charter runs out: Mia is told the truth, that her pair with Ben goes on.
  const miaNews = await env.emailTo(email('Mia'), 'your pair with Ava did not start');
  expect(miaNews.text).toContain('your pair with Ben goes on as before');

  // The rematch proposal: Ava and Leo's last place only, each with the reason.
  await expect.poll(async () => (await env.stack.workflows.cohortState(slug))?.stage, { timeout: 30_000 }).toBe('review');
  await admin.goto(`${env.base}/admin/cohorts/${slug}/matching`);
  expect(await admin.textContent('h1')).toBe('Rematch proposal');
  expect(await admin.locator('#in-round tbody tr').allTextContents()).toEqual([
    'Avamenteetheir pair ended (charter not signed in time) and they are offered a new partner',
    'Leomentor1 free place',
  ]);
  expect(await admin.locator('[data-pair="Cal"]').count()).toBe(0);
  expect(await admin.textContent('[data-pair="Ava"]')).toContain('Leo');
  await admin.screenshot({ path: path.join(SHOTS, 'rematch-round.png'), fullPage: true });

  // The cohort page: Mia still mentors Ben, and nobody has left the programme.
  await admin.goto(`${env.base}/admin/cohorts/${slug}`);
  expect(await admin.textContent('[data-active-pair="Ben"]')).toContain('Mia');
  expect(
    (await env.stack.sql`select count(*)::int as n from participants where cohort_id = ${cohort.id} and left_at is not null`)[0]!.n,
  ).toBe(0);
}, 180_000);
