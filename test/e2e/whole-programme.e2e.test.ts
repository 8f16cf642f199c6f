import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listOutboxMessages } from '../../db/emails.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS } from '../helpers/cohort-fixtures.js';
import { SHOTS, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { ADMIN } from '../helpers/stack.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

/** Fills a form as a person would: radios and checkboxes by value, selects by option, the rest typed. */
async function fillForm(page: Page, answers: Record<string, string | string[]>) {
  for (const [name, value] of Object.entries(answers)) {
    const field = page.locator(`[name="${name}"]`).first();
    const kind = await field.evaluate((el) => (el.tagName === 'INPUT' ? (el as HTMLInputElement).type : el.tagName.toLowerCase()));
    if (kind === 'checkbox' || kind === 'radio') {
      for (const v of [value].flat()) await page.check(`[name="${name}"][value="${v}"]`);
    } else if (kind === 'select') {
      await page.selectOption(`[name="${name}"]`, String(value));
    } else {
      await page.fill(`[name="${name}"]`, String(value));
    }
  }
}

it('a whole short programme in the browser: cohort, surveys, match, charters, two check-ins (one alerting), final survey, report', async () => {
  const csvPath = path.join(tmpdir(), `programme-${Date.now()}.csv`);
  await writeFile(csvPath, 'name,email,role,language\nMia Lopez,mia@programme.example.org,mentor,English\nAva Stone,ava@programme.example.org,mentee,English\n');
  const context = await env.browser.newContext({ timezoneId: 'Europe/Paris' }); // the participants' browsers say where they are
  const admin = await context.newPage();
  await admin.goto(`${env.base}/admin/login?next=/admin/cohorts/new`);
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');

  // Two check-ins 16 s apart (the first after 8 s), within an 80 s programme (room for a slow machine).
  await admin.fill('#name', 'Programme E2E');
  await admin.fill('#charter', 'We meet every month and answer every check-in honestly.');
  await admin.fill('#surveyDuration', '1h');
  await admin.fill('#charterDuration', '1h');
  await admin.fill('#checkInCount', '2');
  await admin.fill('#checkInInterval', '16s');
  await admin.fill('#programmeDuration', '80s');
  await admin.setInputFiles('#participants', csvPath);
  await admin.click('text=Create cohort and invite participants');
  await admin.waitForURL(/\/admin\/cohorts\/programme-e2e/);

  // Each participant answers the intake survey from the link in their invitation.
  const person = await context.newPage();
  for (const [email, answers] of [['mia@programme.example.org', MENTOR_ANSWERS], ['ava@programme.example.org', MENTEE_ANSWERS]] as const) {
    await person.goto(await env.linkIn(email, 'tell us what you need', 'survey'));
    const { languages, ...rest } = answers; // ticked already, from the CSV
    expect(languages).toBe('English');
    await fillForm(person, rest);
    await person.click('text=Send my answers');
    expect(await person.textContent('h1')).toBe('Thank you');
  }
  expect(await env.stack.sql`select distinct time_zone from participants where email like '%@programme.example.org'`).toEqual([{ timeZone: 'Europe/Paris' }]);

  // The admin closes the survey, reads the proposal and approves it.
  await admin.reload();
  await admin.click('text=Close the survey now');
  await admin.click('text=Review and approve', { timeout: 20_000 }).catch(async () => {
    await admin.reload(); // the proposal may land just after the page was drawn
    await admin.click('text=Review and approve');
  });
  expect(await admin.textContent('[data-pair="Ava Stone"]')).toContain('Mia Lopez');
  await admin.click('text=/Approve 1 pair/');
  await admin.waitForSelector('text=Approved: the pair workflows are starting');

  // Both sign the charter from their email.
  for (const [email, name] of [['ava@programme.example.org', 'Ava Stone'], ['mia@programme.example.org', 'Mia Lopez']] as const) {
    await person.goto(await env.linkIn(email, 'sign your charter', 'charter'));
    expect(await person.textContent('main')).toContain('We meet every month and answer every check-in honestly.');
    await person.fill('#typedName', name);
    await person.check('#agree');
    await person.click('text=Sign the charter');
    await person.waitForSelector('text=You signed as');
  }
  expect((await env.emailTo('ava@programme.example.org', 'your pair with Mia Lopez starts')).text).toContain('mia@programme.example.org');

  // Check-in 1: both fine. Check-in 2: Ava rates it 2/5, which alerts the admin.
  const checkIn = async (email: string, round: number, rating: string) => {
    await person.goto(await env.linkIn(email, ': a one-minute check-in', 'check-in', round));
    expect(await person.textContent('main')).toContain(`Check-in ${round}`);
    await fillForm(person, { met: 'yes', meetings: '1', rating, continue: 'yes' });
    await person.click('text=Send');
    await person.waitForSelector('text=Thank you');
  };
  for (const email of ['ava@programme.example.org', 'mia@programme.example.org']) await checkIn(email, 1, '4');
  for (const [email, rating] of [['ava@programme.example.org', '2'], ['mia@programme.example.org', '4']] as const) await checkIn(email, 2, rating);
  await expect.poll(async () => {
    await admin.goto(`${env.base}/admin/cohorts/programme-e2e`);
    return admin.textContent('#alerts');
  }, { timeout: 20_000 }).toContain('need attention after check-in 2');
  expect(await admin.textContent('[data-active-pair="Ava Stone"] [data-health]')).toContain('needs-attention');
  expect((await listOutboxMessages(env.stack.sql, { to: 'admin@tandem.test' })).map((m) => m.subject).join('\n')).toContain('need attention after check-in 2');
  // The pair's own page: its health with the reason, and what the admin can do.
  await admin.click('[data-active-pair="Ava Stone"] >> text=Open');
  expect(await admin.textContent('main')).toContain('the mentee rates it 2/5');
  // Its actions need the workflow's state; on a busy machine the first query may miss the page's deadline.
  await expect.poll(async () => {
    const buttons = await admin.locator('#actions button').allTextContents();
    if (buttons.length === 0) await admin.reload();
    return buttons;
  }, { timeout: 20_000 }).toEqual(expect.arrayContaining(['Nudge', 'Pause', 'Rematch', 'End the pair']));
  await admin.screenshot({ path: path.join(SHOTS, 'pair-page.png'), fullPage: true });

  // At the programme's end, the final survey: the mentee's version, then the mentor's.
  await person.goto(await env.linkIn('ava@programme.example.org', 'how did it go with', 'final-survey'));
  expect(await person.textContent('main')).toContain('Did Mia Lopez answer your questions');
  await fillForm(person, { questionsAnswered: 'yes', satisfaction: '5', recommend: '9', improve: 'More check-ins, please' });
  await person.click('text=Send');
  await person.waitForSelector('text=Thank you');
  await person.goto(await env.linkIn('mia@programme.example.org', 'how did it go with', 'final-survey'));
  await fillForm(person, { satisfaction: '4', recommend: '8' });
  await person.click('text=Send');
  await person.waitForSelector('text=Thank you');

  // The cohort closes: the report on its page, as CSV, and by email.
  await expect.poll(async () => {
    await admin.goto(`${env.base}/admin/cohorts/programme-e2e`);
    return admin.locator('#report').count();
  }, { timeout: 30_000 }).toBe(1);
  expect(await admin.textContent('[data-figure=completed]')).toBe('1');
  expect(await admin.textContent('#report')).toContain('More check-ins, please');
  expect(await admin.textContent('[data-ended-pair="Ava Stone"] [data-pair-stage]')).toBe('completed');
  await admin.screenshot({ path: path.join(SHOTS, 'programme-report.png'), fullPage: true });
  const csv = await admin.request.get(`${env.base}/admin/cohorts/programme-e2e/report.csv`);
  expect((await csv.text()).split('\r\n')[1]).toBe('Ava Stone,Mia Lopez,100,completed,programme ended,needs-attention,2,4,yes,5,9,"More check-ins, please",4,8,');
  expect((await listOutboxMessages(env.stack.sql, { to: 'admin@tandem.test' })).map((m) => m.subject)).toContain('Programme E2E is closed: the report');
}, 180_000);
