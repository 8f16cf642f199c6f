/** Accessibility (WCAG 2.1 AA, axe-core in Chromium) of every page a participant reaches, and the survey by keyboard alone. */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEnrolment, getEnrolment, openEnrolment } from '../../db/enrolment.js';
import { eraseParticipant } from '../../db/personal-data.js';
import { getSurveyAnswers } from '../../db/survey-answers.js';
import type { Locale } from '../../i18n/locales.js';
import { LOCALES } from '../../i18n/locales.js';
import { translator } from '../../i18n/translator.js';
import { check, found, send } from '../helpers/accessibility.js';
import { SHOTS, guideShot, startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { MENTEE_ANSWERS, approvedPairOf, charterPath, startCohort, surveyPath } from '../helpers/cohort-fixtures.js';
import { participantByEmail } from '../helpers/people.js';

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

// Each test tours every page at two widths, auditing each: on a busy machine, more than a minute.
describe('accessibility of the participant pages (WCAG 2.1 AA, axe-core in Chromium)', { timeout: 180_000 }, () => {
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

      const checkIn = await env.linkIn(`ava@${slug}.example.org`, locale === 'fr' ? 'point d’étape' : 'check-in', 'check-in');
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
      // The form posts to its own address: wait for the answer's page, not for the load state of the one still shown.
      await expect.poll(() => page.textContent('h1')).toBe(translator(locale).t('answer.thanks'));
      const stored = await getSurveyAnswers(env.stack.sql, (await participantByEmail(env.stack.sql, `ava@${slug}.example.org`))!.id);
      expect(stored?.answers).toMatchObject({
        field: MENTEE_ANSWERS.field,
        helpWith: MENTEE_ANSWERS.helpWith,
        meetingMode: MENTEE_ANSWERS.meetingMode,
      });
      await page.context().close();
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
