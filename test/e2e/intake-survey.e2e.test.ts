import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { SHOTS, guideShot, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { ADMIN } from '../helpers/stack.js';
import { MENTOR_ANSWERS, answerSurveys } from '../helpers/cohort-fixtures.js';
import { getCohortBySlug } from '../../db/cohorts.js';
import { fillDuration, previewAndCreate } from '../helpers/whole-programme.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

it('an admin creates a cohort from a CSV, a participant answers the survey from the email, the admin sees progress', async () => {
  const csvPath = path.join(tmpdir(), `participants-${Date.now()}.csv`);
  await writeFile(
    csvPath,
    'name,email,role,language,class of\nAda Lovelace,ada@example.org,mentor,English,2001\nBob Martin,bob@example.org,mentee,English;French,2026\nChloé Durand,chloe@example.org,mentee,French,2027\n',
  );
  // One browser profile plays the admin and, through the dev outbox (admins only), each participant.
  const context = await env.browser.newContext();
  const admin = await context.newPage();

  await admin.goto(`${env.base}/admin`);
  await expect.poll(() => admin.url()).toContain('/admin/login');
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');
  await admin.click('text=New cohort >> nth=1');

  await admin.fill('#name', 'Browser Cohort');
  await admin.fill('#description', 'Alumni mentor students.');
  await admin.fill('#charter', 'We meet at least once a month and answer every check-in honestly.');
  await fillDuration(admin, 'surveyDuration', '1h');
  await admin.evaluate(() => window.scrollTo(0, 0));
  await guideShot(admin, 'cohort-form');
  // A file over the limit is refused as it is chosen: nothing is sent, and what was typed stays.
  await admin.setInputFiles('#participants', { name: 'everyone.csv', mimeType: 'text/csv', buffer: Buffer.alloc(30 * 1024 * 1024, 'x') });
  expect(await admin.$eval('#participants', (input) => (input as HTMLInputElement).validationMessage)).toBe(
    'The CSV file is 30,720 KB, over the limit of 5,120 KB (5 MB). Choose a smaller file.',
  );
  expect(await admin.$eval('form[enctype="multipart/form-data"]', (form) => (form as HTMLFormElement).checkValidity())).toBe(false); // the browser does not send it
  await admin.click('main form.card button[value=preview]');
  expect(admin.url()).toMatch(/\/admin\/cohorts\/new$/);
  expect(await admin.inputValue('#name')).toBe('Browser Cohort');
  await admin.setInputFiles('#participants', csvPath);
  await previewAndCreate(admin);
  await admin.waitForURL(/\/admin\/cohorts\/browser-cohort/);
  await expect.poll(() => admin.textContent('[data-figure=invited]'), { timeout: 15_000 }).toBe('3');
  await admin.screenshot({ path: path.join(SHOTS, 'cohort-page.png'), fullPage: true });

  // The participant: the invitation in the dev outbox, its button, the survey.
  const inbox = await context.newPage();
  await inbox.goto(`${env.base}/dev/outbox?to=bob@example.org`);
  await inbox.click('text=Browser Cohort: tell us what you need before we match you');
  // Like a mail client, the email's button opens the link in a new tab.
  const [bob] = await Promise.all([
    inbox.waitForEvent('popup'),
    inbox.frameLocator('iframe[title=Email]').locator('a:has-text("Answer the survey")').click(),
  ]);
  await bob.waitForURL(/\/survey\//);
  expect(await bob.textContent('main')).toContain('You take part as a mentee');
  expect(await bob.isChecked('input[name=languages][value=French]')).toBe(true); // from the CSV

  await bob.fill('#goals', 'Too short');
  await bob.check('input[name=helpWith][value=Networking]');
  await bob.selectOption('#field', 'Finance');
  await bob.click('text=Send my answers');
  expect(await bob.textContent('#goals-error')).toContain('at least 10 characters');
  expect(await bob.isChecked('input[name=helpWith][value=Networking]')).toBe(true);
  expect(await bob.inputValue('#field')).toBe('Finance');
  // Before answering, what happens to the data, and consent to it.
  expect(await bob.textContent('[data-privacy-notice]')).toContain('How long: for the programme, then 12 months after it ends');
  expect(await bob.textContent('#consent-error')).toContain('Your data: tick the box to agree');
  await bob.screenshot({ path: path.join(SHOTS, 'survey-errors.png'), fullPage: true });

  await bob.fill('#goals', 'Move into sustainable finance within two years');
  await bob.selectOption('#availability', 'fortnightly');
  await bob.selectOption('#meetingMode', 'remote');
  await bob.check('#consent');
  await bob.click('text=Send my answers');
  expect(await bob.textContent('h1')).toBe('Thank you');

  // The admin's page updates on its own.
  await expect.poll(() => admin.textContent('[data-figure=answered]'), { timeout: 10_000 }).toBe('1');
  expect(await admin.locator('[data-missing]').count()).toBe(2);
  expect(await admin.locator('[data-missing="bob@example.org"]').count()).toBe(0);
  // So does the needs card: Bob's wish for Networking, with no mentor to offer it yet.
  await expect
    .poll(() => admin.textContent('[data-shortage="topic:Networking"]'), { timeout: 10_000 })
    .toBe('1 mentee asks for help with Networking, and no mentor offers it or anything else they asked for.');
  await admin.screenshot({ path: path.join(SHOTS, 'cohort-progress.png'), fullPage: true });
  // In one step inside the page: the page's own updates may replace the card between a locator's find and its scroll.
  await admin.evaluate(() => document.querySelector('#needs')!.scrollIntoView());
  await guideShot(admin, 'needs');

  // Ada, the mentor, answers: English and Networking. Bob also speaks French, which no mentor does, but shares
  // English with Ada: no language is short, and the Networking shortage is gone.
  await answerSurveys(env.stack, (await getCohortBySlug(env.stack.sql, 'browser-cohort'))!, { 'ada@example.org': MENTOR_ANSWERS });
  await expect.poll(() => admin.locator('[data-shortage="topic:Networking"]').count(), { timeout: 10_000 }).toBe(0);
  expect(await admin.locator('[data-shortage^="language:"]').count()).toBe(0);
  expect(await admin.textContent('#needs')).toContain('French');
});
