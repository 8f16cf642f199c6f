import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { freePort } from '../helpers/ports.js';
import { serveApp } from '../helpers/serve.js';
import { ADMIN, startTestStack, type TestStack } from '../helpers/stack.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results');

let stack: TestStack;
let browser: Browser;
let server: { close(): Promise<void> };
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  stack = await startTestStack({ publicBaseUrl: base });
  server = await serveApp(stack.app, port);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stack?.stop();
});

it('an admin creates a cohort from a CSV, a participant answers the survey from the email, the admin sees progress', async () => {
  const csvPath = path.join(tmpdir(), `participants-${Date.now()}.csv`);
  await writeFile(csvPath, 'name,email,role,language,class of\nAda Lovelace,ada@example.org,mentor,English,2001\nBob Martin,bob@example.org,mentee,English;French,2026\nChloé Durand,chloe@example.org,mentee,French,2027\n');
  // One browser profile plays the admin and, through the dev outbox (admins only), each participant.
  const context = await browser.newContext();
  const admin = await context.newPage();

  await admin.goto(`${base}/admin`);
  await expect.poll(() => admin.url()).toContain('/admin/login');
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');
  await admin.click('text=New cohort >> nth=1');

  await admin.fill('#name', 'Browser Cohort');
  await admin.fill('#description', 'Alumni mentor students.');
  await admin.fill('#charter', 'We meet at least once a month and answer every check-in honestly.');
  await admin.fill('#surveyDuration', '1h');
  await admin.setInputFiles('#participants', csvPath);
  await admin.click('text=Create cohort and invite participants');
  await admin.waitForURL(/\/admin\/cohorts\/browser-cohort/);
  await expect.poll(() => admin.textContent('[data-figure=invited]'), { timeout: 15_000 }).toBe('3');
  await admin.screenshot({ path: path.join(SHOTS, 'cohort-page.png'), fullPage: true });

  // The participant: the invitation in the dev outbox, its button, the survey.
  const inbox = await context.newPage();
  await inbox.goto(`${base}/dev/outbox?to=bob@example.org`);
  await inbox.click('text=Browser Cohort: tell us what you need before we match you');
  // Like a mail client, the email's button opens the link in a new tab.
  const [bob] = await Promise.all([inbox.waitForEvent('popup'), inbox.frameLocator('iframe[title=Email]').locator('a:has-text("Answer the survey")').click()]);
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
  await bob.screenshot({ path: path.join(SHOTS, 'survey-errors.png'), fullPage: true });

  await bob.fill('#goals', 'Move into sustainable finance within two years');
  await bob.selectOption('#availability', 'fortnightly');
  await bob.selectOption('#meetingMode', 'remote');
  await bob.click('text=Send my answers');
  expect(await bob.textContent('h1')).toBe('Thank you');

  // The admin's page updates on its own.
  await expect.poll(() => admin.textContent('[data-figure=answered]'), { timeout: 10_000 }).toBe('1');
  expect(await admin.locator('[data-missing]').count()).toBe(2);
  expect(await admin.locator('[data-missing="bob@example.org"]').count()).toBe(0);
  await admin.screenshot({ path: path.join(SHOTS, 'cohort-progress.png'), fullPage: true });
});
