/** Accessibility (WCAG 2.1 AA, axe-core in Chromium) of every admin page, and of every email at a phone's width. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATIONS } from '../../activities/notifications/catalogue.js';
import { renderEmail } from '../../activities/notifications/notify.js';
import { createTicket } from '../../db/admin-accounts.js';
import { openEnrolment, requestEnrolment } from '../../db/enrolment.js';
import { TANDEM_BRAND, type Brand } from '../../domain/organisation.js';
import { BrandContext } from '../../emails/components/brand.js';
import { LOCALES } from '../../i18n/locales.js';
import { AXE, check, found, send, type Violation } from '../helpers/accessibility.js';
import { createAccount } from '../helpers/accounts.js';
import { GUIDE_IMAGES, SHOTS, guideShot, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, approvedPairOf, startCohort, surveyPath } from '../helpers/cohort-fixtures.js';
import { ADMIN } from '../helpers/stack.js';
import { enrolmentRequestedOwed } from '../../workflows/cohort/contract.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

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

// Each test tours every page at two widths, auditing each: on a busy machine, more than a minute.
describe('accessibility of the admin pages and the emails (WCAG 2.1 AA, axe-core in Chromium)', { timeout: 180_000 }, () => {
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
      await requestEnrolment(
        env.stack.sql,
        surveying.id,
        { name: 'Noor Haddad', email: 'noor@people.example.org', role: 'mentee', language: locale },
        enrolmentRequestedOwed(surveying.slug),
      );
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
