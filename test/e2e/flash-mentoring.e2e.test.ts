/**
 * Flash mentoring in the browser, from the newsletter's sign-up link to the feedback forms: the admin creates
 * a flash cohort and opens its link; a student signs up, confirms their address and answers the survey; the
 * mentor answers theirs; the survey closes and the pair is approved without review; both sign the one-page
 * commitment, are reminded to book their meeting, give their feedback when the window closes, and, both
 * wishing it, go on as a long pair.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translator } from '../../i18n/translator.js';
import { startBrowserStack, SHOTS, type BrowserStack } from '../helpers/browser-stack.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS } from '../helpers/cohort-fixtures.js';
import { ADMIN } from '../helpers/stack.js';
import { fillForm, fillDuration, previewAndCreate } from '../helpers/whole-programme.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

const { t } = translator('en');

it('a flash cohort from the public sign-up link to the feedback forms, and on as a long pair', async () => {
  const cohort = 'Flash E2E';
  const slug = 'flash-e2e';
  const mia = `mia@${slug}.example.org`;
  const sami = `sami@${slug}.example.org`;
  const csvPath = path.join(tmpdir(), `${slug}-${Date.now()}.csv`);
  await writeFile(csvPath, `name,email,role,language\nMia Lopez,${mia},mentor,English\n`);
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const admin = await context.newPage();
  await admin.goto(`${env.base}/admin/login?next=/admin/cohorts/new`);
  await admin.fill('#user', ADMIN.user);
  await admin.fill('#password', ADMIN.password);
  await admin.click('button[type=submit]');

  // Flash mentoring: one meeting within 6 s of the kick-off; going on brings two check-ins, an hour apart.
  await admin.fill('#name', cohort);
  await admin.fill('#charter', 'We meet once, within two weeks, and say afterwards how it went.');
  await admin.check('input[name=format][value=flash]');
  await fillDuration(admin, 'surveyDuration', '1h');
  await fillDuration(admin, 'charterDuration', '1h');
  await admin.fill('#checkInCount', '2');
  await fillDuration(admin, 'checkInInterval', '1h');
  await fillDuration(admin, 'programmeDuration', '2h');
  await fillDuration(admin, 'meetingWindow', '6s');
  await admin.setInputFiles('#participants', csvPath);
  await previewAndCreate(admin);
  await admin.waitForURL(new RegExp(`/admin/cohorts/${slug}`));
  expect(await admin.textContent('[data-format=flash]')).toContain('flash mentoring: 1 meeting within 6s of each kick-off');
  await admin.click('form[action$="/enrolment/open"] button');
  const join = await admin.inputValue('#enrolment-link');

  // A student signs up from the newsletter's link, confirms by email and answers the survey.
  const student = await context.newPage();
  await student.goto(join);
  await fillForm(student, { name: 'Sami Haddad', email: sami, role: 'mentee' });
  await student.click('main form button[type=submit]');
  await student.waitForSelector(`text=${sami}`);
  await student.goto(await env.linkIn(sami, t('enrolmentConfirmation.subject', { cohort }), 'join/confirm'));
  await student.waitForURL(/\/survey\//);
  // A flash cohort's survey is short: what matching needs, nothing optional in free text.
  expect(await student.locator('#preferences').count()).toBe(0);
  await fillForm(student, MENTEE_ANSWERS);
  await student.click(`text=${t('survey.send')}`);
  expect(await student.textContent('h1')).toBe(t('answer.thanks'));
  const mentor = await context.newPage();
  await mentor.goto(await env.linkIn(mia, t('surveyInvitation.subject', { cohort }), 'survey'));
  await fillForm(mentor, MENTOR_ANSWERS);
  await mentor.click(`text=${t('survey.send')}`);

  // The survey closes; the proposal is approved without review: the charters go out.
  await admin.reload();
  await admin.click('form[action$="/close-survey"] button');
  const people = [
    [sami, 'Sami Haddad', 'Mia Lopez', 'role.mentor', student],
    [mia, 'Mia Lopez', 'Sami Haddad', 'role.mentee', mentor],
  ] as const;
  for (const [email, name, partner, partnerRole, page] of people) {
    // The introduction carries the charter to sign.
    await page.goto(await env.linkIn(email, t('matchIntroduction.subject', { cohort, partnerRole: t(partnerRole), partner }), 'charter'));
    expect(await page.locator('#objective1').count()).toBe(0); // a one-page commitment, without objectives
    await page.fill('#typedName', name);
    await page.check('#agree');
    await page.click(`text=${t('charterPage.sign')}`);
    await page.waitForSelector(`text=${t('charterPage.signed.title')}`);
  }
  const kickOff = await env.emailTo(sami, t('kickOff.subject', { continued: false, cohort, partner: 'Mia Lopez' }));
  expect(kickOff.text).toContain('Flash mentoring: hold your meeting by');
  await env.emailTo(mia, t('meetingBooking.subject', { cohort, partner: 'Sami Haddad' }));

  // When the window closes, each gives their feedback; what is missing is named first.
  for (const [email, , partner, , page] of people) {
    await page.goto(await env.linkIn(email, t('checkIn.subject', { feedback: true, reminder: false, cohort, partner }), 'check-in'));
    expect(await page.textContent('h1')).toBe(t('feedbackPage.heading', { partner }));
    await page.click(`text=${t('form.send')}`);
    expect(await page.textContent('[role=alert]')).toContain(t('error.feedback.met'));
    expect(await page.textContent('[role=alert]')).toContain(t('error.longPair'));
    if (email === sami) await page.screenshot({ path: path.join(SHOTS, 'flash-feedback-en.png'), fullPage: true });
    await fillForm(page, { met: 'yes', meetings: '1', rating: '5', continue: 'yes', longPair: 'yes' });
    await page.click(`text=${t('form.send')}`);
    await page.waitForSelector(`text=${t('feedbackPage.thanks')}`);
    if (email !== sami) continue;
    // Between the two answers, the pair's page says whose feedback it waits for.
    await admin.goto(`${env.base}/admin/cohorts/${slug}`);
    await admin.click('[data-active-pair="Sami Haddad"] a[href^="/admin/cohorts/"]');
    const pairPage = admin.url();
    await expect
      .poll(
        async () => {
          await admin.goto(pairPage);
          return admin.textContent('main');
        },
        { timeout: 20_000 },
      )
      .toMatch(/Feedback on the meetings open until .+; waiting for Mia Lopez\./);
  }

  // Both wished to go on: the pair continues as a long pair, with its check-in dates by email.
  for (const [email, , partner] of people) {
    expect((await env.emailTo(email, t('kickOff.subject', { continued: true, cohort, partner }))).text).toContain(
      t('kickOff.continued', { partnerRole: t(email === sami ? 'role.mentor' : 'role.mentee') }),
    );
  }
  const [pair] = await env.stack.sql<{ status: string; stage: string }[]>`
    select p.status, p.stage from pairs p join cohorts c on c.id = p.cohort_id where c.slug = ${slug}`;
  expect(pair).toEqual({ status: 'active', stage: 'active' });
  const answers = await env.stack.sql<{ answers: { longPair: string } }[]>`
    select a.answers from check_in_answers a join pairs p on p.id = a.pair_id join cohorts c on c.id = p.cohort_id where c.slug = ${slug} and a.round = 0`;
  expect(answers.map((a) => a.answers.longPair)).toEqual(['yes', 'yes']);
  // The report's CSV carries each party's feedback after the meetings.
  const csv = (await (await admin.request.get(`${env.base}/admin/cohorts/${slug}/report.csv`)).text()).split('\r\n');
  expect(csv[0]).toMatch(
    /,mentee met,mentee usefulness,mentee would meet again,mentee goes on,mentor met,mentor usefulness,mentor would meet again,mentor goes on$/,
  );
  expect(csv[1]).toMatch(/^Sami Haddad,Mia Lopez,.*,yes,5,yes,yes,yes,5,yes,yes$/);
  await context.close();
}, 180_000);
