import { Hono, type Context } from 'hono';
import { getCohort, type Cohort } from '../../db/cohorts.js';
import {
  cohortOfEnrolmentKey,
  confirmEnrolment,
  getEnrolment,
  getEnrolmentRequest,
  requestEnrolment,
  takeEnrolmentAttempt,
} from '../../db/enrolment.js';
import { getParticipant, isErased } from '../../db/participants.js';
import { textOf } from '../../domain/cohort-texts.js';
import { enrolmentFormSchema } from '../../domain/enrolment-form.js';
import { LINK_GRACE_MS } from '../../domain/link-tokens.js';
import { ROLES } from '../../domain/types.js';
import { LOCALES, LOCALE_NAMES, preferredLocale } from '../../i18n/locales.js';
import { translator, type MessageKey, type Translator } from '../../i18n/translator.js';
import type { WebDeps } from '../deps.js';
import { checkForm } from '../form-body.js';
import { unlessUnavailable } from '../guards.js';
import { Layout, MessagePage } from '../views/Layout.js';
import { ErrorSummary, Field, FieldError, fieldState, inWords, type FieldErrors } from '../views/form.js';
import { Language } from '../views/language.js';
import { erasedLink } from './erased-link.js';
import { enrolmentRequestedOwed } from '../../workflows/cohort/contract.js';

type Values = Record<string, string>;

/** What one joins, before signing up: the programme in the organisers' words, its dates, the commitment. */
function AboutTheProgramme({ cohort, text }: { cohort: Cohort; text: Translator }) {
  const { t, instant } = text;
  const { schedule } = cohort;
  const weeks = Math.max(1, Math.round(schedule.programmeDurationMs / (7 * 86_400_000)));
  return (
    <section class="card" aria-labelledby="about">
      <h2 id="about">{t('enrolment.about')}</h2>
      {textOf(cohort, 'description', text)
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      <p>
        {schedule.flash
          ? t('enrolment.about.flash', {
              deadline: instant(schedule.surveyDeadline),
              meetings: schedule.flash.meetings,
              days: Math.max(1, Math.round(schedule.flash.meetingWindowMs / 86_400_000)),
            })
          : t('enrolment.about.long', { deadline: instant(schedule.surveyDeadline), weeks, checkIns: schedule.checkInCount })}
      </p>
      <h3>{t('enrolment.commitment')}</h3>
      <ul>
        {textOf(cohort, 'charter', text)
          .split('\n')
          .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
          .filter(Boolean)
          .map((line) => (
            <li>{line}</li>
          ))}
      </ul>
    </section>
  );
}

function SignUpPage(props: { text: Translator; cohort: Cohort; action: string; values: Values; errors?: FieldErrors }) {
  const { t } = props.text;
  const errors = props.errors ?? {};
  const { values } = props;
  return (
    <Language.Provider value={props.text}>
      <Layout title={t('enrolment.title', { cohort: props.cohort.name })}>
        <h1>{t('enrolment.title', { cohort: props.cohort.name })}</h1>
        <AboutTheProgramme cohort={props.cohort} text={props.text} />
        <p>{t('enrolment.intro')}</p>
        <ErrorSummary errors={errors} />
        <form method="post" action={props.action} class="card">
          <Field label={t('enrolment.name')} name="name" errors={errors}>
            <input
              type="text"
              id="name"
              name="name"
              autocomplete="name"
              required
              value={values.name ?? ''}
              {...fieldState(errors, 'name')}
            />
          </Field>
          <Field label={t('enrolment.email')} name="email" errors={errors}>
            <input
              type="email"
              id="email"
              name="email"
              autocomplete="email"
              required
              value={values.email ?? ''}
              {...fieldState(errors, 'email')}
            />
          </Field>
          <fieldset id="role" {...fieldState(errors, 'role', 'group')}>
            <legend>{t('enrolment.role')}</legend>
            {ROLES.map((role) => (
              <label>
                <input type="radio" name="role" value={role} checked={values.role === role} /> {t(`enrolment.role.${role}`)}
              </label>
            ))}
            <FieldError errors={errors} name="role" />
          </fieldset>
          <Field label={t('enrolment.language')} name="language" errors={errors}>
            <select id="language" name="language" {...fieldState(errors, 'language')}>
              {LOCALES.map((locale) => (
                <option value={locale} lang={locale} selected={(values.language ?? props.text.locale) === locale}>
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          </Field>
          <p>
            <button type="submit">{t('enrolment.submit')}</button>
          </p>
        </form>
      </Layout>
    </Language.Provider>
  );
}

/**
 * A cohort's public sign-up link, for a newsletter: /join/<key>. A person chooses mentor or mentee and
 * confirms their address by the emailed link (/join/confirm/<token>: double opt-in, no account), which makes
 * them a participant and opens their intake survey. Every attempt counts against the visitor's network
 * address; the cohort caps its sign-ups; and the page after sending says the same whoever is already enrolled.
 */
export function createEnrolmentRoutes({ sql, links, workflows, auth }: WebDeps) {
  const browser = (c: Context) => translator(preferredLocale(c.req.header('accept-language')));
  const message = (c: Context, text: Translator, title: MessageKey, body: MessageKey, status: 200 | 404 | 410 | 429, values = {}) =>
    c.html(
      <MessagePage text={text} title={text.t(title)}>
        <p>{text.t(body, values)}</p>
      </MessagePage>,
      status,
    );
  const invalidLink = (c: Context) => message(c, browser(c), 'link.invalid.title', 'link.invalid.body', 404);
  /** A visitor reads the programme's dates in their browser's language and the cohort's time zone. */
  const visitorOf = (c: Context, cohort: Cohort) => translator(preferredLocale(c.req.header('accept-language')), cohort.timeZone);

  return new Hono()
    .get('/confirm/:token', async (c) => {
      const check = links.verify(c.req.param('token'), 'enrolment');
      if (!check.ok && check.reason === 'expired') return message(c, browser(c), 'enrolment.expired.title', 'enrolment.expired.body', 410);
      const request = check.ok ? await getEnrolmentRequest(sql, check.claims.participantId) : undefined;
      if (!check.ok || !request || request.cohortId !== check.claims.subjectId) return invalidLink(c);
      const text = translator(request.language ?? preferredLocale(c.req.header('accept-language')));
      if (request.participantId && (await isErased(sql, request.participantId))) return erasedLink(c);
      const cohort = (await getCohort(sql, request.cohortId))!;
      if (!request.confirmedAt && !(await getEnrolment(sql, cohort.id)).open)
        return message(c, text, 'enrolment.closed.title', 'enrolment.closed.body', 410);
      let participant = await confirmEnrolment(sql, request.id);
      if (!participant) return invalidLink(c);
      if (participant.erasedAt) return erasedLink(c);
      // Invited once, as a late joiner with a survey window of their own; opening the link again goes straight to it.
      if (participant.joinedLate && !participant.surveyDeadline) {
        const invited = unlessUnavailable(await workflows.addLateJoiners(cohort.slug, [participant.id]));
        if (!invited.ok) return message(c, text, 'enrolment.closed.title', 'enrolment.closed.body', 410); // the programme has ended
        participant = (await getParticipant(sql, participant.id))!;
      }
      const deadline = participant.surveyDeadline?.getTime() ?? Date.parse(cohort.schedule.surveyDeadline);
      return c.redirect(
        `/survey/${links.sign({ scope: 'survey', participantId: participant.id, subjectId: cohort.id, expiresAt: deadline + LINK_GRACE_MS })}`,
        303,
      );
    })

    .get('/:key', async (c) => {
      const cohort = await cohortOfEnrolmentKey(sql, c.req.param('key'));
      const text = browser(c);
      if (!cohort) return invalidLink(c);
      if (!cohort.open) return message(c, text, 'enrolment.closed.title', 'enrolment.closed.body', 410);
      const full = (await getCohort(sql, cohort.id))!;
      return c.html(<SignUpPage text={visitorOf(c, full)} cohort={full} action={c.req.path} values={{}} />);
    })

    .post('/:key', async (c) => {
      const cohort = await cohortOfEnrolmentKey(sql, c.req.param('key'));
      const text = browser(c);
      if (!cohort) return invalidLink(c);
      if (!(await takeEnrolmentAttempt(sql, auth.addressOf(c))))
        return message(c, text, 'enrolment.throttled.title', 'enrolment.throttled.body', 429);
      const form = await checkForm(c, enrolmentFormSchema);
      if (!form.ok) {
        const errors = inWords(form.problems, text);
        const full = (await getCohort(sql, cohort.id))!;
        return c.html(<SignUpPage text={visitorOf(c, full)} cohort={full} action={c.req.path} values={form.values} errors={errors} />, 422);
      }
      const outcome = await requestEnrolment(sql, cohort.id, form.data, enrolmentRequestedOwed(cohort.slug));
      if (outcome === 'closed') return message(c, text, 'enrolment.closed.title', 'enrolment.closed.body', 410);
      return message(c, translator(form.data.language), 'enrolment.sent.title', 'enrolment.sent.body', 200, { email: form.data.email });
    });
}
