import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { findWindow, type AnswerWindow } from '../../db/answers.js';
import { getParticipantInCohort, type Participant, type SurveyCohort } from '../../db/participants.js';
import { getSurveyAnswers, submitSurveyAnswers } from '../../db/survey-answers.js';
import { formatInstant } from '../../domain/schedule.js';
import { validateSurvey, type SurveyFormInput } from '../../domain/survey.js';
import { cohortWorkflowId, surveyAnsweredSignal, type SurveyAnswered } from '../../workflows/cohort/contract.js';
import type { WebDeps } from '../deps.js';
import { MessagePage } from '../views/Layout.js';
import { noticeOf } from '../../domain/privacy.js';
import { NOT_CONFIRMED } from './not-saved.js';
import { SurveyFormPage } from './SurveyForm.js';
import { readForm } from '../form-body.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The intake survey behind each participant's emailed link: /survey/<token>. The answer is stored here, in
 * PostgreSQL, inside the survey's window (a late joiner's own, else the cohort's): the page never waits for
 * Temporal, and the cohort's workflow hears of first answers through the worker.
 */
export function createSurveyRoutes(deps: WebDeps) {
  const { sql, links } = deps;

  /** Resolves a link to its participant, or the page that explains why it cannot be used. */
  async function resolve(c: Context): Promise<{ participant: Participant; cohort: SurveyCohort } | Response> {
    const check = links.verify(c.req.param('token') ?? '', 'survey');
    if (!check.ok && check.reason === 'expired') {
      return c.html(<MessagePage title="This link has expired"><p>The survey this link belonged to closed long ago. If you still need help, contact your programme's organisers.</p></MessagePage>, 410);
    }
    const found = check.ok && UUID.test(check.claims.participantId) && UUID.test(check.claims.subjectId)
      ? await getParticipantInCohort(sql, check.claims.participantId, check.claims.subjectId)
      : undefined;
    return found ?? c.html(<MessagePage title="This link is not valid"><p>Check that you opened the whole link from your email; links cannot be shared or altered.</p></MessagePage>, 404);
  }

  const windowOf = (cohort: SurveyCohort, participant: Participant) => findWindow(sql, 'survey', [participant.id, cohort.id]);

  const closedPage = (c: Context, cohort: SurveyCohort, window: AnswerWindow | undefined, answered: boolean) =>
    c.html(
      <MessagePage title="This survey is closed">
        <p>The {cohort.name} intake survey closed {formatInstant((window?.closedAt ?? window?.closesAt ?? new Date()).getTime())}.</p>
        <p>{answered ? 'Your answers were recorded: thank you. We will email you about your match.' : 'We did not receive your answers in time; contact the organisers if you still wish to take part.'}</p>
      </MessagePage>,
      410,
    );

  const formProps = (c: Context, participant: Participant, cohort: SurveyCohort, window: AnswerWindow | undefined) => ({
    action: c.req.path,
    name: participant.name,
    cohortName: cohort.name,
    role: participant.role,
    privacyNotice: noticeOf(cohort),
    ...(window ? { deadline: formatInstant(window.closesAt.getTime()) } : {}),
  });

  return new Hono()
    .get('/:token', async (c) => {
      const found = await resolve(c);
      if (found instanceof Response) return found;
      const { participant, cohort } = found;
      const [saved, window] = await Promise.all([getSurveyAnswers(sql, participant.id), windowOf(cohort, participant)]);
      if (window?.state !== 'open') return closedPage(c, cohort, window, !!saved);
      const values: SurveyFormInput = saved
        ? ({ ...Object.fromEntries(Object.entries(saved.answers).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)])), consent: 'on' } as SurveyFormInput) // they agreed with those answers
        : { languages: participant.languages };
      const banner = saved ? { kind: 'ok' as const, text: `We have your answers from ${formatInstant(saved.updatedAt.getTime())}; change anything and send again.` } : undefined;
      return c.html(<SurveyFormPage {...formProps(c, participant, cohort, window)} submissionId={randomUUID()} values={values} banner={banner} />);
    })

    .post('/:token', async (c) => {
      const found = await resolve(c);
      if (found instanceof Response) return found;
      const { participant, cohort } = found;
      const form: SurveyFormInput = await readForm(c);
      const submissionId = typeof form.submissionId === 'string' && UUID.test(form.submissionId) ? form.submissionId : randomUUID();
      /** The form again, as sent, with what to fix or what happened. */
      const again = async (extra: { errors?: Record<string, string | undefined>; banner?: { kind: 'bad'; text: string } }, status: 422 | 503) => {
        const window = await windowOf(cohort, participant).catch(() => undefined); // the database may be the trouble
        if (window && window.state !== 'open') return closedPage(c, cohort, window, !!(await getSurveyAnswers(sql, participant.id)));
        return c.html(<SurveyFormPage {...formProps(c, participant, cohort, window)} submissionId={submissionId} values={form} {...extra} />, status);
      };
      const validation = validateSurvey(participant.role, form);
      if (!validation.ok) return again({ errors: validation.errors }, 422);

      const payload: SurveyAnswered = { participantId: participant.id };
      const stored = await submitSurveyAnswers(sql, {
        cohortId: cohort.id, participantId: participant.id, submissionId, answers: validation.answers,
        signal: { workflowId: cohortWorkflowId(cohort.slug), signal: surveyAnsweredSignal.name, payload },
      }).catch((error: unknown) => (console.error('survey answer not confirmed:', error), undefined));
      if (!stored) return again({ banner: { kind: 'bad', text: NOT_CONFIRMED } }, 503);
      if (!stored.ok) return closedPage(c, cohort, stored.window, !!(await getSurveyAnswers(sql, participant.id)));
      return c.html(
        <MessagePage title="Thank you">
          <p>Your answers are saved. You can change them with the same link until {formatInstant(stored.window.closesAt.getTime())}; we will email you about your match.</p>
        </MessagePage>,
      );
    });
}
