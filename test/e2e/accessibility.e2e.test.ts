import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATIONS } from '../../activities/notifications/catalogue.js';
import { closeEnrolment, getEnrolment, openEnrolment, requestEnrolment } from '../../db/enrolment.js';
import { eraseParticipant } from '../../db/personal-data.js';
import { renderEmail } from '../../activities/notifications/notify.js';
import { TANDEM_BRAND, type Brand } from '../../domain/organisation.js';
import { BrandContext } from '../../emails/components/brand.js';
import type { Locale } from '../../i18n/locales.js';
import { LOCALES } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';
import {
  MENTEE_ANSWERS,
  MENTOR_ANSWERS,
  answerSurveys,
  approvedPairOf,
  charterPath,
  startCohort,
  surveyPath,
} from '../helpers/cohort-fixtures.js';
import { GUIDE_IMAGES, SHOTS, guideShot, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { createTicket } from '../../db/admin-accounts.js';
import { createAccount } from '../helpers/accounts.js';
import { ADMIN } from '../helpers/stack.js';
import { getSurveyAnswers } from '../../db/survey-answers.js';
import { participantByEmail } from '../helpers/people.js';

/** axe-core's own bundle, injected into each page as its README shows. */
const AXE = createRequire(import.meta.url)('axe-core').source as string;
/** WCAG 2.1 A and AA, the level Tandem's pages meet. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

/**
 * The page's WCAG 2.1 AA violations (axe), whether it scrolls sideways at its width (reflow, 1.4.10), and
 * whether it renders in quirks mode (no doctype).
 */
async function audit(page: Page) {
  await page.evaluate(AXE); // evaluated, not injected: the pages' Content-Security-Policy allows no inline script
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } }).axe.run({
      runOnly: { type: 'tag', values: tags },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, WCAG_21_AA);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  const quirks = await page.evaluate(() => document.compatMode !== 'CSS1Compat');
  return { violations, sideways, quirks };
}

/** Every page visited, and what the audit found there. */
const found: { page: string; violations: Violation[]; sideways: boolean; quirks: boolean }[] = [];

/** Opens a page (or takes one already open) at a phone's width and at a desktop's, and audits both. */
async function check(page: Page, name: string, open?: () => Promise<unknown>) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    if (open) await open();
    found.push({ page: `${name} at ${width} px`, ...(await audit(page)) });
  }
}

/** The organisation's logo as an admin uploads it. */
const LOGO = path.resolve(import.meta.dirname, '../fixtures/logo.png');

/** An association whose name and contact are as long as real ones get, with a logo: emails must still fit a phone. */
const A_LONG_NAMED_ASSOCIATION: Brand = {
  name: 'Association des anciens élèves de l’École supérieure de commerce de Lyon',
  colour: '#7a1f3d',
  logoUrl: `data:image/png;base64,${readFileSync(LOGO).toString('base64')}`,
  contact: {
    name: 'Claire Martin, responsable du programme',
    email: 'claire.martin-responsable@anciens-eleves-ecole-commerce-lyon.example.org',
  },
};

/** Preview props with links as long as the real ones (a signed token is about 150 characters). */
const withRealLinks = (props: object): object =>
  JSON.parse(JSON.stringify(props), (_key, value: unknown) =>
    typeof value === 'string' && /^https?:\/\//.test(value)
      ? `${value}/${'eyJzY29wZSI6ImNoYXJ0ZXIi'.repeat(6)}.${'Q2hhcnRlclNpZ25hdHVyZQ'.repeat(2)}`
      : value,
  );

/** Sends the page's form as it stands (left empty, to reach its error summary). */
const send = (page: Page) =>
  page
    .locator('main form.card button[type=submit]')
    .click()
    .then(() => page.waitForLoadState());

describe('accessibility (WCAG 2.1 AA, axe-core in Chromium)', () => {
  for (const locale of LOCALES) {
    it(`every participant page, in ${locale}`, async () => {
      found.length = 0;
      const context = await env.browser.newContext({ locale: locale === 'fr' ? 'fr-FR' : 'en-GB' });
      const page = await context.newPage();
      const slug = `a11y-${locale}`;
      const inLocale = async (c: { id: string }) =>
        void (await env.stack.sql`update participants set language = ${locale} where cohort_id = ${c.id}`);
      // Two pairs: one whose first check-in opens 10 s after it starts and stays open 20 s; one whose programme
      // is over in 4 s (no check-in fits), so that its final survey opens at once.
      const { cohort, pair } = await approvedPairOf(env.stack, slug, { charterMs: 3_600_000, checkInMs: 20_000, beforeAnswers: inLocale });
      const closing = await approvedPairOf(env.stack, `${slug}-closing`, {
        charterMs: 3_600_000,
        checkInMs: 3_600_000,
        programmeMs: 4_000,
        beforeAnswers: inLocale,
      });
      const at = (p: string) => `${env.base}${p}`;

      // A late joiner's survey, open: the form, its errors, its thanks; and the screenshots asked of it.
      const survey = at(await surveyPath(env.stack, cohort, `ava@${slug}.example.org`));
      await check(page, 'survey (closed)', () => page.goto(survey));
      await check(page, 'link not valid', () => page.goto(at('/survey/not-a-token')));
      await openSurveyForm(context, locale);

      // The public sign-up page: its form, its errors, the page after sending, and the link once closed.
      const joining = await startCohort(env.stack, `a11y-join-${locale}`, ['Mia:mentor']);
      await openEnrolment(env.stack.sql, joining.id, 10);
      const join = at(`/join/${(await getEnrolment(env.stack.sql, joining.id)).key}`);
      await check(page, 'sign-up', () => page.goto(join));
      await check(page, 'sign-up with errors', async () => {
        await page.goto(join);
        await page.evaluate(() => document.querySelectorAll('[required]').forEach((field) => field.removeAttribute('required')));
        await send(page);
      });
      await check(page, 'sign-up sent', async () => {
        await page.goto(join);
        await page.fill('#name', 'Noor Haddad');
        await page.fill('#email', `noor-${Date.now()}@people.example.org`);
        await page.check('[name=role][value=mentee]');
        await send(page);
      });
      await closeEnrolment(env.stack.sql, joining.id);
      await check(page, 'sign-up closed', () => page.goto(join));

      // This cohort asks objectives: its charter page has them, its first check-in reviews them.
      await env.stack.sql`update cohorts set objectives = true where id = ${cohort.id}`;
      await check(page, 'charter', () => page.goto(at(charterPath(env.stack, pair.id, pair.menteeId))));
      await check(page, 'charter with errors', async () => {
        await page.goto(at(charterPath(env.stack, pair.id, pair.menteeId)));
        await send(page);
      });
      for (const signed of [pair, closing.pair]) {
        for (const [who, id] of [
          ['Ava', signed.menteeId],
          ['Mia', signed.mentorId],
        ] as const) {
          await page.goto(at(charterPath(env.stack, signed.id, id)));
          await page.fill('#typedName', who);
          await page.check('#agree');
          if (signed === pair) for (const field of ['#objective1', '#objective2']) await page.fill(field, `${who}: ${field}`);
          await send(page);
        }
      }
      await check(page, 'charter signed', () => page.goto(at(charterPath(env.stack, pair.id, pair.menteeId))));

      const checkIn = await env.linkIn(`ava@${slug}.example.org`, locale === 'fr' ? "point d'étape" : 'check-in', 'check-in');
      await check(page, 'check-in', () => page.goto(checkIn));
      await check(page, 'check-in with errors', async () => {
        await page.goto(checkIn);
        await send(page);
      });
      // "How many times" follows "did you meet?" only once they say they did.
      await page.goto(checkIn);
      expect(await page.isVisible('#meetings')).toBe(false);
      await page.check('[name=met][value=no]');
      expect(await page.isVisible('#meetings')).toBe(false);
      await page.check('[name=met][value=yes]');
      expect(await page.isVisible('#meetings')).toBe(true);
      // The same round in a flash cohort is the feedback after the meetings, with its question about going on.
      await env.stack
        .sql`update cohorts set schedule = schedule || ${env.stack.sql.json({ flash: { meetings: 1, meetingWindowMs: 600_000 } })} where id = ${cohort.id}`;
      await check(page, 'flash feedback with errors', async () => {
        await page.goto(checkIn);
        await send(page);
        await page.waitForSelector('#longPair-error');
      });
      await env.stack.sql`update cohorts set schedule = schedule - 'flash' where id = ${cohort.id}`;
      const finalSurvey = await env.linkIn(
        `ava@${slug}-closing.example.org`,
        locale === 'fr' ? 'comment cela' : 'how did it go',
        'final-survey',
      );
      await check(page, 'final survey', () => page.goto(finalSurvey));
      await check(page, 'final survey with errors', async () => {
        await page.goto(finalSurvey);
        await send(page);
      });
      const offer = at(
        `/new-partner/${env.stack.links.sign({ scope: 'new-partner', participantId: pair.menteeId, subjectId: pair.id, expiresAt: Date.now() + 86_400_000 })}`,
      );
      await check(page, 'new partner offer', () => page.goto(offer));
      // The person erased, their links die: the page says so in the browser's language.
      await eraseParticipant(env.stack.sql, closing.pair.menteeId);
      const gone = at(charterPath(env.stack, closing.pair.id, closing.pair.menteeId));
      await check(page, 'link of an erased person', () => page.goto(gone));
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(gone);
      await page.screenshot({ path: path.join(SHOTS, `link-erased-${locale}-360.png`), fullPage: true });
      await context.close();
      expect(found.filter((f) => f.violations.length > 0 || f.sideways || f.quirks)).toEqual([]);
    });
  }

  for (const locale of LOCALES) {
    it(`the intake survey with the keyboard alone, in ${locale}: focus follows the page and shows, every control is reached, the answers arrive`, async () => {
      const slug = `keyboard-${locale}`;
      const cohort = await startCohort(env.stack, slug, ['Ava:mentee']);
      await env.stack.sql`update participants set language = ${locale} where cohort_id = ${cohort.id}`;
      const page = await (await env.browser.newContext()).newPage();
      await page.goto(`${env.base}${await surveyPath(env.stack, cohort, `ava@${slug}.example.org`)}`);
      const order = await page.evaluate(tabbableOrder);
      const wanted: Record<string, string | string[]> = MENTEE_ANSWERS;
      const reached: string[] = [];
      for (let presses = 0; presses < 80; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(describeFocus);
        reached.push(focused.id);
        expect(focused.visible, `${focused.id} shows that it has the focus`).toBe(true);
        if (focused.submits) break;
        const answer = wanted[focused.name];
        if (answer === undefined) continue;
        if (focused.kind === 'checkbox') {
          if ([answer].flat().includes(focused.value) !== focused.checked) await page.keyboard.press('Space');
        } else if (focused.kind === 'select') {
          for (
            let tries = 0;
            tries < 40 && (await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)) !== answer;
            tries++
          )
            await page.keyboard.press('ArrowDown');
        } else {
          await page.keyboard.type(String(answer));
        }
      }
      // Tab visits every control once, in the order of the page (no positive tabindex, no trap), up to "send".
      expect(reached).toEqual(order.slice(0, order.indexOf(reached.at(-1)!) + 1));
      expect(reached.at(-1)).toMatch(/^button/);
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
      expect(await page.textContent('h1')).toBe(translator(locale).t('answer.thanks'));
      const stored = await getSurveyAnswers(env.stack.sql, (await participantByEmail(env.stack.sql, `ava@${slug}.example.org`))!.id);
      expect(stored?.answers).toMatchObject({
        field: MENTEE_ANSWERS.field,
        helpWith: MENTEE_ANSWERS.helpWith,
        meetingMode: MENTEE_ANSWERS.meetingMode,
      });
      await page.context().close();
    });
  }

  it('every email, in both languages: a plain-text alternative, text that contrasts with its background, and no wider than a phone', async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    const problems: { email: string; violations?: Violation[]; text?: string; width?: number }[] = [];
    for (const [kind, notification] of Object.entries(NOTIFICATIONS)) {
      for (const [locale, brand] of LOCALES.flatMap((l) => [[l, TANDEM_BRAND] as const, [l, A_LONG_NAMED_ASSOCIATION] as const])) {
        const preview = withRealLinks((notification.template as unknown as { PreviewProps: object }).PreviewProps);
        const email = createElement(notification.template as never, { ...preview, locale } as never);
        const { html, text } = await renderEmail(createElement(BrandContext.Provider, { value: brand }, email));
        if (text.trim().length < 80) problems.push({ email: `${kind} (${locale})`, text });
        await page.setContent(html);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) problems.push({ email: `${kind} (${locale})`, width });
        const look = brand === TANDEM_BRAND ? 'tandem' : 'association';
        if (kind === 'surveyInvitation' || kind === 'matchIntroduction')
          await page.screenshot({ path: path.join(SHOTS, `email-${kind}-${locale}-${look}-360.png`), fullPage: true });
        await page.evaluate(AXE);
        const violations = await page.evaluate(
          async () =>
            (
              await (window as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } }).axe.run({
                runOnly: { type: 'rule', values: ['color-contrast'] },
              })
            ).violations,
        );
        if (violations.length > 0)
          problems.push({
            email: `${kind} (${locale})`,
            violations: violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => ({ target: n.target })),
            })),
          });
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`every admin page, in ${locale}`, async () => {
      found.length = 0;
      const context = await env.browser.newContext({ locale: locale === 'fr' ? 'fr-FR' : 'en-GB' });
      const page = await context.newPage();
      await check(page, 'login', () => page.goto(`${env.base}/admin/login`));
      // The page names its icon; a client that asks /favicon.ico first is sent to it.
      const icon = await page.locator('link[rel=icon]').getAttribute('href');
      expect((await page.request.get(`${env.base}${icon}`)).headers()['content-type']).toBe('image/svg+xml');
      expect((await page.request.get(`${env.base}/favicon.ico`)).headers()['content-type']).toBe('image/svg+xml');
      await page.fill('#user', ADMIN.user);
      await page.fill('#password', ADMIN.password);
      await page.click('button[type=submit]');
      const { cohort, pair } = await approvedPairOf(env.stack, `a11y-admin-${locale}`, { charterMs: 3_600_000 });
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const admin = (p: string) => () => page.goto(`${env.base}/admin${p}`);
      await check(page, 'cohorts', admin(''));
      await check(page, 'new cohort', admin('/cohorts/new'));
      // The flash fields show for a flash programme only, and objectives for a long one.
      expect([await page.isVisible('#meetingWindow'), await page.isVisible('#objectives')]).toEqual([false, true]);
      await page.check('[name=format][value=flash]');
      expect([await page.isVisible('#meetingWindow'), await page.isVisible('#objectives')]).toEqual([true, false]);
      await page.check('[name=format][value=long]');
      await page.locator('#surveyDuration').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `new-cohort-schedule-${locale}.png`) });
      await check(page, 'new cohort with errors', async () => {
        await page.goto(`${env.base}/admin/cohorts/new`);
        await page.evaluate(() => document.querySelectorAll('[required]').forEach((field) => field.removeAttribute('required')));
        await send(page);
      });
      await check(page, 'cohort', admin(`/cohorts/${cohort.slug}`));
      // During its survey, with more mentees than places: the needs card names the shortage and draws its bars.
      const surveying = await startCohort(env.stack, `a11y-needs-${locale}`, ['Mia:mentor', 'Ava:mentee', 'Leo:mentee']);
      // Its sign-up link open, with one sign-up waiting for its confirmation.
      await openEnrolment(env.stack.sql, surveying.id, 10);
      await requestEnrolment(env.stack.sql, surveying.id, {
        name: 'Noor Haddad',
        email: 'noor@people.example.org',
        role: 'mentee',
        language: locale,
      });
      await answerSurveys(env.stack, surveying, {
        [`mia@${surveying.slug}.example.org`]: MENTOR_ANSWERS,
        [`ava@${surveying.slug}.example.org`]: MENTEE_ANSWERS,
        [`leo@${surveying.slug}.example.org`]: MENTEE_ANSWERS,
      });
      await check(page, 'cohort during its survey', async () => {
        await page.goto(`${env.base}/admin/cohorts/${surveying.slug}`);
        await page.locator('[data-shortage]').first().waitFor();
      });
      // The sign-up link: one click copies it; its QR code is beside it.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
      await page.click('[data-copy="enrolment-link"]');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.inputValue('#enrolment-link'));
      expect(await page.textContent('[data-copy="enrolment-link"]')).toBe(locale === 'fr' ? 'Copié' : 'Copied');
      expect(await page.isVisible('.qr svg')).toBe(true);
      if (locale === 'en') {
        await page.locator('#enrolment').screenshot({ path: path.join(GUIDE_IMAGES, 'enrolment-card.png') });
      }
      await check(page, 'matching', admin(`/cohorts/${cohort.slug}/matching`));
      await check(page, 'matching settings', admin(`/cohorts/${cohort.slug}/matching/settings`));
      await check(page, 'pair', admin(`/cohorts/${cohort.slug}/pairs/${pair.id}`));
      await check(page, 'participant', admin(`/cohorts/${cohort.slug}/participants/${pair.menteeId}`));
      await check(page, 'participant data', admin(`/cohorts/${cohort.slug}/participants/${pair.menteeId}/data`));
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(`${env.base}/admin/cohorts/${cohort.slug}/participants/${pair.menteeId}/data`);
      await page.screenshot({ path: path.join(SHOTS, `participant-data-${locale}-360.png`), fullPage: true });
      await check(page, 'audit', admin(`/cohorts/${cohort.slug}/audit`));
      await check(page, 'audit of the organisation', admin('/audit'));
      // Accounts: the list and its invitation form, refused then sent; one account; one's own.
      await check(page, 'accounts', admin('/accounts'));
      await check(page, 'accounts with errors', async () => {
        await page.goto(`${env.base}/admin/accounts`);
        await page.click('#invite button[type=submit]');
        await page.waitForLoadState();
      });
      const colleague = await createAccount(env.stack.sql, {
        login: `colleague-${locale}@assoc.example`,
        role: 'manager',
        name: 'Claire Martin',
      });
      await check(page, 'account', admin(`/accounts/${colleague.id}`));
      await check(page, 'your account', admin('/account'));
      await check(page, 'second factor set-up', async () => {
        await page.goto(`${env.base}/admin/account`);
        await page.click('#second-factor button[type=submit]');
        await page.locator('#second-factor svg').waitFor();
      });
      const ticket = await createTicket(env.stack.sql, colleague.id, 'password-reset', new Date(Date.now() + 3_600_000));
      const token = env.stack.links.sign({
        scope: 'password-reset',
        participantId: colleague.id,
        subjectId: ticket,
        expiresAt: Date.now() + 3_600_000,
      });
      await check(page, 'password reset', () => page.goto(`${env.base}/admin/reset/${token}`));
      await check(page, 'password reset asked', () => page.goto(`${env.base}/admin/reset`));
      await check(page, 'link no longer valid', () => page.goto(`${env.base}/admin/reset/${token.slice(0, -2)}`));
      await check(page, 'outbox', () => page.goto(`${env.base}/dev/outbox`));

      // The organisation's settings, refused, then saved: participants' pages then wear it.
      await check(page, 'organisation', admin('/organisation'));
      await check(page, 'organisation with errors', async () => {
        await page.goto(`${env.base}/admin/organisation`);
        await page.fill('#name', '');
        await page.fill('#contactEmail', 'claire at alumni');
        await send(page);
      });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${env.base}/admin/organisation`);
      await page.fill('#name', locale === 'fr' ? 'Alumni de Lyon' : 'Lyon Alumni Association');
      await page.fill('#colour', '#7a1f3d');
      await page.setInputFiles('#logo', LOGO);
      await page.fill('#contactName', 'Claire Martin');
      await page.fill('#contactEmail', 'claire@alumni-lyon.example.org');
      await send(page);
      if (locale === 'en') await guideShot(page, 'organisation');
      const participantPage = `${env.base}${await surveyPath(env.stack, cohort, `ava@${cohort.slug}.example.org`)}`;
      await check(page, 'participant page of the organisation', () => page.goto(participantPage));
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(participantPage);
      await page.screenshot({ path: path.join(SHOTS, `organisation-participant-${locale}-360.png`), fullPage: true });
      await env.stack.sql`delete from organisation`;
      await context.close();
      expect(found.filter((f) => f.violations.length > 0 || f.sideways || f.quirks)).toEqual([]);
    });
  }
});

/** A survey still open, in the participant's language: the form (screenshots at both widths), its errors, its thanks. */
async function openSurveyForm(context: BrowserContext, locale: Locale) {
  const slug = `a11y-survey-${locale}`;
  const cohort = await startCohort(env.stack, slug, ['Ava:mentee']);
  await env.stack.sql`update participants set language = ${locale} where cohort_id = ${cohort.id}`;
  const page = await context.newPage();
  const survey = `${env.base}${await surveyPath(env.stack, cohort, `ava@${slug}.example.org`)}`;
  await check(page, 'survey', () => page.goto(survey));
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(survey);
    await page.screenshot({ path: path.join(SHOTS, `survey-${locale}-${width}.png`), fullPage: true });
    if (width === 320) await guideShot(page, `survey-phone-${locale}`);
  }
  await check(page, 'survey with errors', async () => {
    await page.goto(survey);
    await send(page);
  });
  await check(page, 'survey sent', async () => {
    await page.goto(survey);
    await page.fill('#goals', MENTEE_ANSWERS.goals);
    for (const topic of MENTEE_ANSWERS.helpWith) await page.check(`[name=helpWith][value="${topic}"]`);
    await page.selectOption('#field', MENTEE_ANSWERS.field);
    await page.selectOption('#availability', MENTEE_ANSWERS.availability);
    await page.selectOption('#meetingMode', MENTEE_ANSWERS.meetingMode);
    await page.check('#consent');
    await send(page);
  });
  await page.close();
}

/** The page's controls as Tab should reach them: document order, one stop per radio group, nothing hidden or disabled. */
function tabbableOrder(): string[] {
  const groups = new Set<string>();
  return Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'))
    .filter((el) => {
      if (
        el.tabIndex < 0 ||
        (el as HTMLInputElement).disabled ||
        (el as HTMLInputElement).type === 'hidden' ||
        el.getClientRects().length === 0
      )
        return false;
      if ((el as HTMLInputElement).type !== 'radio') return true;
      const group = (el as HTMLInputElement).name;
      return groups.has(group) ? false : (groups.add(group), true);
    })
    .map(
      (el) =>
        `${el.tagName.toLowerCase()}:${(el as HTMLInputElement).name || el.id || el.textContent?.trim()}:${(el as HTMLInputElement).value ?? ''}`,
    );
}

/** What has the focus, and whether a sighted keyboard user can see it (the browser's focus ring or our own). */
function describeFocus() {
  const el = document.activeElement as HTMLInputElement;
  const style = getComputedStyle(el);
  return {
    id: `${el.tagName.toLowerCase()}:${el.name || el.id || el.textContent?.trim()}:${el.value ?? ''}`,
    kind: el.tagName === 'INPUT' ? el.type : el.tagName.toLowerCase(),
    name: el.name ?? '',
    value: el.value ?? '',
    checked: !!el.checked,
    submits: el.tagName === 'BUTTON' && el.type === 'submit' && !!el.form?.classList.contains('card'),
    visible: el.matches(':focus-visible') && (style.outlineStyle !== 'none' || style.boxShadow !== 'none'),
  };
}
