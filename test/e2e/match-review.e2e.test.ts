import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, startCohort, surveyPath } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { webClient } from '../helpers/web-client.js';
import { SHOTS, guideShot, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { ADMIN } from '../helpers/stack.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

it('the admin reviews a proposal in the browser: reads the reasons, changes a pair with a reason, sees the warning, approves', async () => {
  const slug = 'review-e2e';
  const cohort = await startCohort(env.stack, slug, ['Mia:mentor', 'Noah:mentor', 'Ava:mentee', 'Leo:mentee', 'Zoe:mentee']);
  for (const [email, answers] of [
    ['mia', MENTOR_ANSWERS],
    ['noah', { ...MENTOR_ANSWERS, field: 'Law' }],
    ['ava', MENTEE_ANSWERS],
    ['leo', { ...MENTEE_ANSWERS, field: 'Law' }],
    ['zoe', { ...MENTEE_ANSWERS, availability: 'weekly' }],
  ] as const) {
    const participant = webClient(env.stack.app);
    const pathToSurvey = await surveyPath(env.stack, cohort, `${email}@${slug}.example.org`);
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(await (await participant.get(pathToSurvey)).text())![1]!;
    await participant.post(pathToSurvey, { submissionId, ...answers });
  }

  const page = await env.browser.newPage();
  await page.goto(`${env.base}/admin/login?next=/admin/cohorts/${slug}`);
  await page.fill('#user', ADMIN.user);
  await page.fill('#password', ADMIN.password);
  await page.click('button[type=submit]');
  await page.click('text=Close the survey now');
  await expect.poll(async () => (await env.stack.workflows.cohortState(slug))?.stage, { timeout: 15_000 }).toBe('review');
  await page.goto(`${env.base}/admin/cohorts/${slug}`);
  await page.click('text=Review and approve');

  expect(await page.textContent('[data-pair=Ava]')).toContain('both work in Finance');
  expect(await page.textContent('[data-unmatched=Zoe]')).toContain(
    'waitlist: the 2 mentors above the minimum score are taken by pairs that fit better overall',
  );

  // Zoe by hand with Mia, who has one place: scored, with a capacity warning.
  await page.selectOption('#pair-mentee', { label: 'Zoe (unmatched)' });
  await page.selectOption('#pair-mentor', { label: 'Mia (0 free places)' });
  await page.fill('#pair-reason', 'Zoe and Mia met at the alumni dinner');
  await page.click('text=Pair them');
  await page.waitForSelector('text=Change saved');
  expect(await page.textContent('[data-pair=Zoe]')).toContain('the mentor would have 2 mentees for 1 place');
  await page.screenshot({ path: path.join(SHOTS, 'match-review.png'), fullPage: true });
  await guideShot(page, 'match-review');

  // Unpair Ava to make room, with a reason, then approve.
  await page.fill('[data-pair=Ava] input[name=reason]', 'Ava will join the next cohort');
  await page.click('[data-pair=Ava] >> text=Unpair');
  await page.waitForSelector('[data-unmatched=Ava]');
  expect(await page.textContent('[data-unmatched=Ava]')).toContain('unpaired by the admin: Ava will join the next cohort');
  expect(await page.textContent('[data-pair=Zoe]')).not.toContain('would have');
  await page.click('text=/Approve 2 pairs/');
  await page.waitForSelector('text=Approved: the pair workflows are starting');

  await eventually(async () => expect((await env.stack.workflows.cohortState(slug))?.stage).toBe('running'));
  await page.goto(`${env.base}/admin/cohorts/${slug}`);
  expect(await page.locator('[data-active-pair]').count()).toBe(2);
  // Each row links to its pair's page and says its stage in words, with no internal name on screen.
  expect(await page.getAttribute('[data-active-pair=Zoe] a', 'href')).toMatch(new RegExp(`^/admin/cohorts/${slug}/pairs/`));
  // Its workflow moves it from "introduced" to the charter within moments of the approval.
  await expect
    .poll(async () => {
      await page.reload();
      return page.textContent('[data-active-pair=Zoe]');
    })
    .toContain('signing the charter');
  expect(await page.textContent('#pairs')).not.toContain(`pair-${slug}-`);
  await page.screenshot({ path: path.join(SHOTS, 'cohort-pairs.png'), fullPage: true });
});
