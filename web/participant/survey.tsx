import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { findWindow, type AnswerWindow } from '../../db/answers.js';
import { detectParticipantTimeZone, getParticipantInCohort, type Participant, type SurveyCohort } from '../../db/participants.js';
import { getSurveyAnswers, submitSurveyAnswers } from '../../db/survey-answers.js';
import { textOf } from '../../domain/cohort-texts.js';
import { validateSurvey, type SurveyFormInput } from '../../domain/survey.js';
import { preferredLocale } from '../../i18n/locales.js';
import { parseTimeZone } from '../../i18n/time-zones.js';
import { translator, translatorFor, type Translator } from '../../i18n/translator.js';
import { surveyAnsweredOwed, type SurveyAnswered } from '../../workflows/cohort/contract.js';
import type { WebDeps } from '../deps.js';
import { readForm } from '../form-body.js';
import { Language } from '../views/language.js';
import { inWords } from '../views/form.js';
import { MessagePage } from '../views/Layout.js';
import { erasedLink } from './erased-link.js';
import { applyLanguageMenu } from './LanguageMenu.js';
import { SurveyFormPage } from './SurveyForm.js';
import { storedAnswer } from './stored-answer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Found {
  participant: Participant;
  cohort: SurveyCohort;
  /** The participant's language: every page and error below is written in it. */
  text: Translator;
}

/**
 * The intake survey behind each participant's emailed link: /survey/<token>. The answer is stored here, in
 * PostgreSQL, inside the survey's window (a late joiner's own, else the cohort's): the page never waits for
 * Temporal, and the cohort's workflow hears of first answers through the worker. Every page is in the
 * participant's language; a link that names nobody answers in the browser's.
 */
export function createSurveyRoutes(deps: WebDeps) {
  const { sql, links, metrics } = deps;

  /** Resolves a link to its participant, or the page that explains why it cannot be used. */
  async function resolve(c: Context): Promise<Found | Response> {
    const check = links.verify(c.req.param('token') ?? '', 'survey');
    const browser = translator(preferredLocale(c.req.header('accept-language')));
    if (!check.ok && check.reason === 'expired')
      return c.html(
        <MessagePage text={browser} title={browser.t('link.expired.title')}>
          <p>{browser.t('link.expired.survey')}</p>
        </MessagePage>,
        410,
      );
    const found =
      check.ok && UUID.test(check.claims.participantId) && UUID.test(check.claims.subjectId)
        ? await getParticipantInCohort(sql, check.claims.participantId, check.claims.subjectId)
        : undefined;
    if (!found)
      return c.html(
        <MessagePage text={browser} title={browser.t('link.invalid.title')}>
          <p>{browser.t('link.invalid.body')}</p>
        </MessagePage>,
        404,
      );
    if (found.participant.erasedAt) return erasedLink(c);
    return { ...found, text: translatorFor(found.participant, found.cohort) };
  }

  const windowOf = (cohort: SurveyCohort, participant: Participant) => findWindow(sql, 'survey', [participant.id, cohort.id]);

  const closedPage = (c: Context, { cohort, text }: Found, window: AnswerWindow | undefined, answered: boolean) =>
    c.html(
      <MessagePage text={text} title={text.t('survey.closed.title')}>
        <p>
          {text.t('survey.closed.when', { cohort: cohort.name, when: text.instant(window?.closedAt ?? window?.closesAt ?? new Date()) })}
        </p>
        <p>{text.t(answered ? 'survey.closed.answered' : 'survey.closed.unanswered')}</p>
      </MessagePage>,
      410,
    );

  const formPage = (
    c: Context,
    { participant, cohort, text }: Found,
    window: AnswerWindow | undefined,
    props: Pick<Parameters<typeof SurveyFormPage>[0], 'submissionId' | 'values' | 'errors' | 'banner'>,
  ) => (
    <Language.Provider value={text}>
      <SurveyFormPage
        action={c.req.path}
        name={participant.name}
        cohortName={cohort.name}
        role={participant.role}
        privacyNotice={textOf(cohort, 'privacyNotice', text)}
        short={cohort.flash}
        {...(window ? { deadline: text.instant(window.closesAt) } : {})}
        {...props}
      />
    </Language.Provider>
  );

  return (
    new Hono()
      .get('/:token', async (c) => {
        const found = await resolve(c);
        if (found instanceof Response) return found;
        const { participant, cohort, text } = found;
        const [saved, window] = await Promise.all([getSurveyAnswers(sql, participant.id), windowOf(cohort, participant)]);
        if (window?.state !== 'open') return closedPage(c, found, window, !!saved);
        const values: SurveyFormInput = saved
          ? ({
              ...Object.fromEntries(Object.entries(saved.answers).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)])),
              consent: 'on',
            } as SurveyFormInput) // they agreed with those answers
          : { languages: participant.languages };
        const banner = saved
          ? { kind: 'ok' as const, text: text.t('survey.savedBefore', { when: text.instant(saved.updatedAt) }) }
          : undefined;
        return c.html(formPage(c, found, window, { submissionId: randomUUID(), values, banner }));
      })

      .post('/:token', async (c) => {
        const found = await resolve(c);
        if (found instanceof Response) return found;
        const { participant, cohort, text } = found;
        const form: SurveyFormInput = await readForm(c);
        const submissionId = typeof form.submissionId === 'string' && UUID.test(form.submissionId) ? form.submissionId : randomUUID();
        /** The form again, as sent, with what to fix or what happened. */
        const again = async (
          extra: { errors?: Record<string, string | undefined>; banner?: { kind: 'bad'; text: string } },
          status: 422 | 503,
        ) => {
          const window = await windowOf(cohort, participant).catch(() => undefined); // the database may be the trouble
          if (window && window.state !== 'open') return closedPage(c, found, window, !!(await getSurveyAnswers(sql, participant.id)));
          return c.html(formPage(c, found, window, { submissionId, values: form, ...extra }), status);
        };
        const validation = validateSurvey(participant.role, form);
        if (!validation.ok) return again({ errors: inWords(validation.errors, text) }, 422);

        const payload: SurveyAnswered = { participantId: participant.id };
        const stored = await storedAnswer(
          c,
          metrics,
          'survey',
          submitSurveyAnswers(sql, {
            cohortId: cohort.id,
            participantId: participant.id,
            submissionId,
            answers: validation.answers,
            signal: surveyAnsweredOwed(cohort.slug, payload),
          }),
        );
        if (!stored) return again({ banner: { kind: 'bad', text: text.t('form.notConfirmed') } }, 503);
        if (!stored.ok) return closedPage(c, found, stored.window, !!(await getSurveyAnswers(sql, participant.id)));
        // Their browser's time zone, for the dates of every page and email from now on (unless they have one).
        const detected = !participant.timeZone && typeof form.timeZone === 'string' ? parseTimeZone(form.timeZone) : undefined;
        if (detected) await detectParticipantTimeZone(sql, participant.id, detected);
        const thanks = detected ? translatorFor({ ...participant, timeZone: detected }, cohort) : text;
        return c.html(
          <MessagePage text={thanks} title={thanks.t('answer.thanks')}>
            <p>{thanks.t('survey.thanks.body', { deadline: thanks.instant(stored.window.closesAt) })}</p>
          </MessagePage>,
        );
      })

      // The language menu: kept for this participant's pages and emails from now on.
      .post('/:token/language', async (c) => {
        const found = await resolve(c);
        return found instanceof Response ? found : applyLanguageMenu(c, sql, found.participant.id);
      })
  );
}
