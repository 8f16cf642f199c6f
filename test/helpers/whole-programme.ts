import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { listOutboxMessages } from '../../db/emails.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS } from './cohort-fixtures.js';
import { SHOTS, guideShot, type BrowserStack } from './browser-stack.js';
import { ADMIN } from './stack.js';
import type { Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';
import { everyParticipant } from './people.js';

/** Fills a duration of the cohort form as an admin would: its number, then its unit ("16s": 16, seconds). */
export async function fillDuration(page: Page, name: string, duration: string) {
  const [, amount, unit] = /^(\d+)([smhdw])$/.exec(duration)!;
  await page.fill(`#${name}`, amount!);
  await page.selectOption(`[name="${name}Unit"]`, unit!);
}

/** From the cohort's page, the admin closes the survey and opens the proposal once it is there. */
export async function closeSurveyAndReview(admin: Page, slug: string) {
  await admin.reload();
  await admin.click('form[action$="/close-survey"] button');
  const review = `a[href="/admin/cohorts/${slug}/matching"]`;
  await admin.click(review, { timeout: 20_000 }).catch(async () => {
    await admin.reload(); // the proposal may land just after the page was drawn
    await admin.click(review);
  });
}

/** Fills a form as a person would: radios and checkboxes by value, selects by option, the rest typed. */
export async function fillForm(page: Page, answers: Record<string, string | string[]>) {
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

/**
 * A whole short programme in the browser, as its people live it in one language: the admin creates the cohort
 * (their browser asking for that language, the cohort written in it), both answer the survey, the admin
 * approves the match, both sign the charter, two check-ins (the second alerting the admin), the final survey,
 * the report on the page, as CSV and by email. The participants answer on a phone, where no page may scroll
 * sideways; each of their pages is shot into test-results/ (phone-<language>-<step>.png) to be read.
 */
/** Sends the new-cohort form to its preview, which says who the CSV holds, then creates the cohort. */
export async function previewAndCreate(admin: Page) {
  await admin.click('main form.card button[value=preview]');
  await admin.waitForSelector('#csv-preview');
  await admin.click('main form.card button[value=create]');
}

/** A phone, as participants and admins on the move hold one. */
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** An admin page on a phone: nothing wider than the screen, and a screenshot to read. */
async function onAdminPhone(context: BrowserContext, url: string, name: string, locale: Locale) {
  const phone = await context.browser()!.newContext({
    ...PHONE,
    locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    storageState: await context.storageState(),
  });
  const page = await phone.newPage();
  await page.goto(url);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
  await page.screenshot({ path: path.join(SHOTS, `phone-admin-${name}.png`), fullPage: true });
  await phone.close();
}

export async function playWholeProgramme(env: BrowserStack, locale: Locale) {
  const { t } = translator(locale);
  const cohortName = `Programme E2E ${locale}`;
  const slug = `programme-e2e-${locale}`;
  const mia = `mia@${slug}.example.org`;
  const ava = `ava@${slug}.example.org`;
  const csvPath = path.join(tmpdir(), `${slug}-${Date.now()}.csv`);
  await writeFile(csvPath, `name,email,role,language\nMia Lopez,${mia},mentor,English\nAva Stone,${ava},mentee,English\n`);
  // The admin's browser asks for the language; the participants' browsers say where they are.
  const context = await env.browser.newContext({ locale: locale === 'fr' ? 'fr-FR' : 'en-GB', timezoneId: 'Europe/Paris' });
  const admin = await context.newPage();
  await admin.goto(`${env.base}/admin/login?next=/admin/cohorts/new`);
  expect(await admin.getAttribute('html', 'lang')).toBe(locale);
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');

  // Two check-ins 16 s apart (the first after 8 s), within a 56 s programme: the second stays open 20 s or more.
  await admin.fill('#name', cohortName);
  await admin.fill('#charter', 'We meet every month and answer every check-in honestly.');
  await admin.selectOption('#language', locale);
  await fillDuration(admin, 'surveyDuration', '1h');
  await fillDuration(admin, 'charterDuration', '1h');
  await admin.fill('#checkInCount', '2');
  await fillDuration(admin, 'checkInInterval', '16s');
  await fillDuration(admin, 'programmeDuration', '56s');
  await admin.setInputFiles('#participants', csvPath);
  await admin.click('main form.card button[value=preview]');
  await admin.waitForSelector('#csv-preview');
  await guideShot(admin, `cohort-form-preview-${locale}`); // the top of the page: everything in order
  await admin.click('main form.card button[value=create]');
  await admin.waitForURL(new RegExp(`/admin/cohorts/${slug}`));

  // Each participant answers the intake survey from the link in their invitation, in the cohort's language, on a phone.
  const phone = await env.browser.newContext({
    locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    timezoneId: 'Europe/Paris',
    ...PHONE,
  });
  const person = await phone.newPage();
  const onPhone = async (step: string) => {
    expect(await person.evaluate(() => document.documentElement.scrollWidth), step).toBeLessThanOrEqual(360);
    await person.screenshot({ path: path.join(SHOTS, `phone-${locale}-${step}.png`), fullPage: true });
  };
  for (const [email, answers] of [
    [mia, MENTOR_ANSWERS],
    [ava, MENTEE_ANSWERS],
  ] as const) {
    await person.goto(await env.linkIn(email, t('surveyInvitation.subject', { cohort: cohortName }), 'survey'));
    expect(await person.getAttribute('html', 'lang')).toBe(locale);
    await onPhone(`survey-${email.split('@')[0]}`);
    const { languages, ...rest } = answers; // ticked already, from the CSV
    expect(languages).toBe('English');
    await fillForm(person, rest);
    await person.click(`text=${t('survey.send')}`);
    expect(await person.textContent('h1')).toBe(t('answer.thanks'));
  }
  const zones = (await everyParticipant(env.stack.sql)).filter((p) => p.email.endsWith(`@${slug}.example.org`)).map((p) => p.timeZone);
  expect([...new Set(zones)]).toEqual(['Europe/Paris']);

  // The admin closes the survey, reads the proposal and approves it.
  await closeSurveyAndReview(admin, slug);
  expect(await admin.textContent('[data-pair="Ava Stone"]')).toContain('Mia Lopez');
  await admin.click('form[action$="/approve"] button');
  await admin.waitForSelector('[role=status]');

  // Both sign the charter from their introduction, each writing two objectives (one alone is refused).
  for (const [email, name, partner, partnerRole] of [
    [ava, 'Ava Stone', 'Mia Lopez', 'role.mentor'],
    [mia, 'Mia Lopez', 'Ava Stone', 'role.mentee'],
  ] as const) {
    const introduction = t('matchIntroduction.subject', { cohort: cohortName, partnerRole: t(partnerRole), partner });
    await person.goto(await env.linkIn(email, introduction, 'charter'));
    expect(await person.textContent('main')).toContain('We meet every month and answer every check-in honestly.');
    await onPhone(`charter-${name.split(' ')[0]}`);
    await person.fill('#typedName', name);
    await person.check('#agree');
    await person.fill('#objective1', `${name.split(' ')[0]}: a first job in finance`);
    await person.click(`text=${t('charterPage.sign')}`);
    expect(await person.textContent('#objective1-error')).toBe(t('error.objectives'));
    await person.fill('#objective2', `${name.split(' ')[0]}: a network in the City`);
    await person.check('#agree');
    await person.click(`text=${t('charterPage.sign')}`);
    await person.waitForSelector(`text=${t('charterPage.signed.title')}`);
    await onPhone(`charter-signed-${name.split(' ')[0]}`);
  }
  expect((await env.emailTo(ava, t('kickOff.subject', { continued: false, cohort: cohortName, partner: 'Mia Lopez' }))).text).toContain(
    mia,
  );

  // Check-in 1: both fine. Check-in 2: Ava rates it 2/5, which alerts the admin.
  const checkIn = async (email: string, partner: string, round: number, rating: string) => {
    await person.goto(
      await env.linkIn(email, t('checkIn.subject', { feedback: false, reminder: false, cohort: cohortName, partner }), 'check-in', round),
    );
    expect(await person.textContent('main')).toContain(t('checkInPage.heading', { round, partner }));
    await onPhone(`check-in-${round}-${email.split('@')[0]}`);
    // The first of two check-ins is the mid-programme review: progress on each objective.
    const review: Record<string, string> = round === 1 ? { progress0: 'achieved', progress1: 'in-progress' } : {};
    if (round === 1) expect(await person.textContent('main')).toContain(t('checkInPage.objectives'));
    await fillForm(person, { met: 'yes', meetings: '1', rating, continue: 'yes', ...review });
    await person.click(`text=${t('form.send')}`);
    await person.waitForSelector(`text=${t('answer.thanks')}`);
  };
  for (const [email, partner] of [
    [ava, 'Mia Lopez'],
    [mia, 'Ava Stone'],
  ] as const)
    await checkIn(email, partner, 1, '4');
  for (const [email, partner, rating] of [
    [ava, 'Mia Lopez', '2'],
    [mia, 'Ava Stone', '4'],
  ] as const)
    await checkIn(email, partner, 2, rating);
  await expect
    .poll(
      async () => {
        await admin.goto(`${env.base}/admin/cohorts/${slug}`);
        return admin.locator('#alerts [data-alert]').count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  // The alert and its reason, in the admin's words (here the cohort's language too, for its email).
  const lowRating = t('health.low-rating', { role: 'mentee', rating: 2 });
  expect(await admin.textContent('#alerts')).toContain(lowRating);
  // The pairs table may have been read a moment before the pair's health was: it follows on a reload.
  await expect
    .poll(
      async () => {
        const health = await admin.getAttribute('[data-active-pair="Ava Stone"] [data-health]', 'data-health');
        if (health !== 'needs-attention') await admin.reload();
        return health;
      },
      { timeout: 20_000 },
    )
    .toBe('needs-attention');
  // The alert heads the page, grouped under its pair, linked to it, with its severity.
  expect(await admin.getAttribute('#alerts [data-alert-group]', 'data-severity')).toBe('warning');
  expect(await admin.textContent('#alerts [data-alert-group] h3')).toContain(
    t('admin.cohort.alerts.pairOf', { mentee: 'Ava Stone', mentor: 'Mia Lopez' }),
  );
  expect(await admin.textContent('#next')).toContain(t('admin.cohort.next.heading'));
  // The pairs table: filtered by health, searched by the start of a name whatever its accents and case.
  const pairsShown = async (query: string) => {
    await admin.goto(`${env.base}/admin/cohorts/${slug}?${query}`);
    return admin.locator('#pairs tbody tr').count();
  };
  expect(await pairsShown('health=needs-attention')).toBe(1);
  expect(await pairsShown('health=at-risk')).toBe(0);
  expect(await pairsShown('q=LOP')).toBe(1);
  expect(await pairsShown('q=nobody')).toBe(0);
  expect(await admin.textContent('[data-pairs-matching]')).toContain(t('admin.cohort.pairs.matching', { count: 0 }));
  await admin.goto(`${env.base}/admin/cohorts/${slug}`);
  await admin.fill('#pairs input[name=q]', 'ava');
  await admin.selectOption('#pairs select[name=health]', 'needs-attention');
  await admin.click(`#pairs button:has-text("${t('admin.cohort.pairs.show')}")`);
  expect(await admin.locator('[data-active-pair="Ava Stone"]').count()).toBe(1);
  expect(await admin.inputValue('#pairs input[name=q]')).toBe('ava');
  await guideShot(admin, `cohort-page-${locale}`);
  await onAdminPhone(context, `${env.base}/admin/cohorts/${slug}`, `cohort-page-${locale}`, locale);
  const alertSubject = t('adminEmail.alert.subject', { cohort: cohortName, message: '' });
  const alerted = (await listOutboxMessages(env.stack.sql, { to: 'admin@tandem.test' })).filter((m) => m.subject.startsWith(alertSubject));
  expect(alerted.map((m) => m.subject.includes(lowRating))).toEqual([true]);
  // The pair's own page: its health with the reason, and what the admin can do.
  await admin.click('[data-active-pair="Ava Stone"] a[href^="/admin/cohorts/"]');
  expect(await admin.textContent('main')).toContain(lowRating);
  // Its actions need the workflow's state; on a busy machine the first query may miss the page's deadline.
  await expect
    .poll(
      async () => {
        const actions = await admin
          .locator('#actions form')
          .evaluateAll((forms) => forms.map((f) => f.getAttribute('action')!.split('/').at(-1)));
        if (actions.length === 0) await admin.reload();
        return actions;
      },
      { timeout: 20_000 },
    )
    .toEqual(expect.arrayContaining(['nudge', 'pause', 'rematch', 'end']));
  await admin.screenshot({ path: path.join(SHOTS, `pair-page-${locale}.png`), fullPage: true });
  // Its timeline: the emails, the signatures, each check-in answer in its author's words, and what comes next.
  const timeline = await admin.textContent('#timeline');
  expect(timeline).toContain(t('admin.timeline.signed', { name: 'Ava Stone' }));
  expect(timeline).toContain(t('admin.timeline.email', { name: 'Ava Stone', what: t('admin.timeline.email.match-introduction') }));
  expect(await admin.locator('#timeline [data-timeline=check-in]').count()).toBe(4);
  expect(await admin.locator('#timeline [data-timeline=next]').count()).toBe(1);
  await admin.locator('#timeline').scrollIntoViewIfNeeded();
  await guideShot(admin, `pair-page-${locale}`);
  await onAdminPhone(context, admin.url(), `pair-page-${locale}`, locale);

  // At the programme's end, the final survey: the mentee's version, then the mentor's.
  await person.goto(
    await env.linkIn(ava, t('finalSurvey.subject', { reminder: false, cohort: cohortName, partner: 'Mia Lopez' }), 'final-survey'),
  );
  expect(await person.textContent('main')).toContain(t('finalPage.questionsAnswered', { partner: 'Mia Lopez' }));
  await onPhone('final-survey-ava');
  await fillForm(person, { questionsAnswered: 'yes', satisfaction: '5', recommend: '9', improve: 'More check-ins, please' });
  await person.click(`text=${t('form.send')}`);
  await person.waitForSelector(`text=${t('answer.thanks')}`);
  await person.goto(
    await env.linkIn(mia, t('finalSurvey.subject', { reminder: false, cohort: cohortName, partner: 'Ava Stone' }), 'final-survey'),
  );
  await onPhone('final-survey-mia');
  await fillForm(person, { satisfaction: '4', recommend: '8' });
  await person.click(`text=${t('form.send')}`);
  await person.waitForSelector(`text=${t('answer.thanks')}`);

  // The cohort closes: the report on its page, as CSV, and by email.
  await expect
    .poll(
      async () => {
        await admin.goto(`${env.base}/admin/cohorts/${slug}`);
        return admin.locator('#report').count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  expect(await admin.textContent('[data-figure=completed]')).toBe('1');
  expect(await admin.textContent('#report')).toContain('More check-ins, please');
  // Its charts, drawn by the server, their figures in their accessible names.
  expect(await admin.locator('#report [data-chart]').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-chart')))).toEqual([
    'mentee-satisfaction',
    'mentor-satisfaction',
    'recommend',
    'check-ins',
  ]);
  expect(await admin.getAttribute('[data-chart=recommend] svg', 'aria-label')).toContain(`${t('admin.cohort.report.chart.promoters')} 1`);
  expect(await admin.getAttribute('[data-chart=check-ins] svg', 'aria-label')).toContain(
    `${t('admin.cohort.report.chart.round', { round: 2 })} ${t('admin.cohort.report.chart.of', { got: 2, of: 2 })}`,
  );
  expect(await admin.getAttribute('[data-ended-pair="Ava Stone"] [data-pair-stage]', 'data-pair-stage')).toBe('completed');
  await admin.screenshot({ path: path.join(SHOTS, `programme-report-${locale}.png`), fullPage: true });
  await admin.locator('#report').scrollIntoViewIfNeeded();
  await guideShot(admin, `report-${locale}`);
  // Printed (or saved as PDF), the page is the report alone, under the cohort's name.
  expect(await admin.isVisible('#report [data-print]')).toBe(true);
  await admin.emulateMedia({ media: 'print' });
  expect([
    await admin.isVisible('h1'),
    await admin.isVisible('#report'),
    await admin.isVisible('#people'),
    await admin.isVisible('header nav'),
  ]).toEqual([true, true, false, false]);
  await admin.screenshot({ path: path.join(SHOTS, `programme-report-print-${locale}.png`), fullPage: true });
  await admin.emulateMedia({ media: 'screen' });
  const csv = await admin.request.get(`${env.base}/admin/cohorts/${slug}/report.csv`);
  expect((await csv.text()).split('\r\n')[1]).toBe(
    'Ava Stone,Mia Lopez,100,completed,programme ended,needs-attention,2,4,yes,5,9,"More check-ins, please",4,8,,' +
      'Ava: a first job in finance (achieved); Ava: a network in the City (in-progress),Mia: a first job in finance (achieved); Mia: a network in the City (in-progress)',
  );
  const adminMail = (await listOutboxMessages(env.stack.sql, { to: 'admin@tandem.test' })).map((m) => m.subject);
  expect(adminMail).toContain(t('adminEmail.report.subject', { cohort: cohortName }));
  await phone.close();
  await context.close();
}
