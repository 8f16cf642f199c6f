/**
 * A cohort of French and English participants created through the real form, as an English-speaking admin
 * leaves it: Tandem's charter and privacy notice as prefilled (the browser sends them back with CRLF line ends),
 * a description written in English with its French version. Each participant then reads, in their own
 * language, their invitation, the survey's notice, the introduction with the charter, the charter page and
 * the kick-off; Zoé does so on a phone.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import type { Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';
import { SHOTS, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS } from '../helpers/cohort-fixtures.js';
import { ADMIN } from '../helpers/stack.js';
import { closeSurveyAndReview, fillDuration, fillForm, previewAndCreate } from '../helpers/whole-programme.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

const firstLine = (text: string) => text.split('\n')[0]!;
/** Each default text's first sentence in the language that must be read, and in the one that must not. */
const readsIn = async (page: Page, locale: Locale, key: 'privacy.default' | 'charter.default') => {
  const [theirs, other] = (locale === 'fr' ? ['fr', 'en'] : ['en', 'fr']).map((l) =>
    firstLine(translator(l as Locale).t(key)).slice(0, 60),
  );
  const main = (await page.textContent('main'))!;
  expect(main).toContain(theirs);
  expect(main).not.toContain(other);
};

it("each participant reads the cohort's texts and emails in their own language, from a cohort made through the real form", async () => {
  const cohort = 'Lyon alumni 2027';
  const slug = 'lyon-alumni-2027';
  const people = {
    mia: { email: `mia@${slug}.example.org`, name: 'Mia Lopez', locale: 'en', answers: MENTOR_ANSWERS, partner: 'Zoé Martin' },
    zoe: { email: `zoe@${slug}.example.org`, name: 'Zoé Martin', locale: 'fr', answers: MENTEE_ANSWERS, partner: 'Mia Lopez' },
  } as const;
  const csvPath = path.join(tmpdir(), `${slug}-${Date.now()}.csv`);
  await writeFile(
    csvPath,
    'name,email,role,language,language of communication\n' +
      `Mia Lopez,${people.mia.email},mentor,English,en\nZoé Martin,${people.zoe.email},mentee,English,fr\n`,
  );

  // An English-speaking admin keeps the prefilled charter and notice, and writes the description in both languages.
  const desk = await env.browser.newContext({ locale: 'en-GB' });
  const admin = await desk.newPage();
  await admin.goto(`${env.base}/admin/login?next=/admin/cohorts/new`);
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');
  await admin.fill('#name', cohort);
  await admin.fill('#description', 'Alumni of the Lyon campus guide students into their first job.');
  await admin.click('details:has(#description_fr) summary');
  await admin.fill('#description_fr', 'Les anciens du campus de Lyon guident les étudiants vers leur premier emploi.');
  await admin.screenshot({ path: path.join(SHOTS, 'mixed-cohort-form.png'), fullPage: true });
  expect(await admin.inputValue('#charter')).toBe(en['charter.default']);
  await fillDuration(admin, 'surveyDuration', '1h');
  await fillDuration(admin, 'charterDuration', '1h');
  // First a CSV with a broken line: every problem listed by line, nothing created.
  const brokenPath = `${csvPath}.broken.csv`;
  await writeFile(brokenPath, `name,email,role,language\nMia Lopez,mia@,mentor,English\nZoé Martin,${people.zoe.email},coach,English\n`);
  await admin.setInputFiles('#participants', brokenPath);
  await admin.click('main form.card button[value=preview]');
  const problems = await admin.textContent('main');
  expect(problems).toContain('Line 2, email: "mia@" is not a valid email address.');
  expect(problems).toContain('Line 3, role: "coach" is not a role; use mentor or mentee.');
  // The right file, the name forgotten: the name's error, and the file kept with who it holds.
  await admin.setInputFiles('#participants', csvPath);
  await admin.fill('#name', '');
  await admin.locator('#name').evaluate((input) => input.removeAttribute('required'));
  await admin.click('main form.card button[value=preview]');
  expect(await admin.textContent('#csv-preview')).toContain('2 participants: 1 mentee, 1 mentor');
  expect(await admin.textContent('#csv-preview')).toContain('Emails: 1 in English and 1 in French.');
  await admin.screenshot({ path: path.join(SHOTS, 'mixed-cohort-form-kept.png'), fullPage: true });
  // The name given again, nothing chosen twice: preview, then create.
  await admin.fill('#name', cohort);
  await previewAndCreate(admin);
  await admin.waitForURL(new RegExp(`/admin/cohorts/${slug}`));
  expect(await admin.textContent('main')).not.toContain('no version');

  // Mia at her desk in English; Zoé on her phone in French.
  const pages = {
    mia: await desk.newPage(),
    zoe: await (
      await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage(),
  };
  for (const who of ['mia', 'zoe'] as const) {
    const { email, locale, answers } = people[who];
    const { t } = translator(locale);
    const page = pages[who];
    await page.goto(await env.linkIn(email, t('surveyInvitation.subject', { cohort }), 'survey'));
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await readsIn(page, locale, 'privacy.default');
    await page.screenshot({ path: path.join(SHOTS, `mixed-survey-${who}.png`), fullPage: true });
    const { languages, ...rest } = answers; // ticked already, from the CSV
    expect(languages).toBe('English');
    await fillForm(page, rest);
    await page.click(`text=${t('survey.send')}`);
    expect(await page.textContent('h1')).toBe(t('answer.thanks'));
  }

  await closeSurveyAndReview(admin, slug);
  await admin.click('form[action$="/approve"] button');
  await admin.waitForSelector('[role=status]');

  // Each one's introduction, in their language, carries the charter in it; its link opens the page in it.
  for (const who of ['mia', 'zoe'] as const) {
    const { email, name, locale, partner } = people[who];
    const { t } = translator(locale);
    const partnerRole = t(who === 'zoe' ? 'role.mentor' : 'role.mentee');
    const introduction = await env.emailTo(email, t('matchIntroduction.subject', { cohort, partnerRole, partner }));
    expect(introduction.text).toContain(t('matchIntroduction.charter'));
    expect(introduction.text).toContain(firstLine(t('charter.default')));
    const page = pages[who];
    await page.goto(new RegExp(`href="(${env.base}/charter/[^"]+)"`).exec(introduction.html)![1]!);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await readsIn(page, locale, 'charter.default');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
    await page.screenshot({ path: path.join(SHOTS, `mixed-charter-${who}.png`), fullPage: true });
    await page.fill('#typedName', name);
    await page.check('#agree');
    for (const [field, objective] of [
      ['#objective1', 'A first job in finance'],
      ['#objective2', 'A network in Lyon'],
    ] as const)
      await page.fill(field, objective);
    await page.click(`text=${t('charterPage.sign')}`);
    await page.waitForSelector(`text=${t('charterPage.signed.title')}`);
  }

  // The kick-off, each in their language, quotes the charter they signed in it.
  for (const who of ['mia', 'zoe'] as const) {
    const { email, locale, partner } = people[who];
    const { t } = translator(locale);
    const kickOff = await env.emailTo(email, t('kickOff.subject', { continued: false, cohort, partner }));
    expect(kickOff.text).toContain(firstLine(t('charter.default')));
  }

  // The public sign-up page describes the programme in the visitor's language.
  await admin.goto(`${env.base}/admin/cohorts/${slug}`);
  await admin.click('form[action$="/enrolment/open"] button');
  const join = await admin.inputValue('#enrolment-link');
  await pages.zoe.goto(join);
  expect(await pages.zoe.textContent('main')).toContain('Les anciens du campus de Lyon guident les étudiants vers leur premier emploi.');
  await pages.mia.goto(join);
  expect(await pages.mia.textContent('main')).toContain('Alumni of the Lyon campus guide students into their first job.');
}, 120_000);
