import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCohort, type Cohort } from '../../db/cohorts.js';
import { getParticipant, type Participant } from '../../db/participants.js';
import { getSurveyAnswers } from '../../db/survey-answers.js';
import { formatInstant } from '../../domain/schedule.js';
import { validateSurvey, type SurveyFormInput } from '../../domain/survey.js';
import type { WebDeps } from '../deps.js';
import { MessagePage } from '../views/Layout.js';
import { SurveyFormPage } from './SurveyForm.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The intake survey behind each participant's emailed link: /survey/<token>. */
export function createSurveyRoutes(deps: WebDeps) {
  const { sql, links, workflows } = deps;

  /** Resolves a link to its participant, or the page that explains why it cannot be used. */
  async function resolve(c: Context): Promise<{ participant: Participant; cohort: Cohort } | Response> {
    const check = links.verify(c.req.param('token') ?? '', 'survey');
    if (!check.ok && check.reason === 'expired') {
      return c.html(<MessagePage title="This link has expired"><p>The survey this link belonged to closed long ago. If you still need help, contact your programme's organisers.</p></MessagePage>, 410);
    }
    const participant = check.ok ? await getParticipant(sql, check.claims.participantId) : undefined;
    const cohort = participant && check.ok && participant.cohortId === check.claims.subjectId ? await getCohort(sql, participant.cohortId) : undefined;
    if (!participant || !cohort) {
      return c.html(<MessagePage title="This link is not valid"><p>Check that you opened the whole link from your email; links cannot be shared or altered.</p></MessagePage>, 404);
    }
    return { participant, cohort };
  }

  /** A late joiner answers within their own window; everyone else within the cohort's. */
  const deadlineOf = (cohort: Cohort, participant: Participant) => participant.surveyDeadline?.getTime() ?? Date.parse(cohort.schedule.surveyDeadline);
  const isClosed = (cohort: Cohort, participant: Participant) =>
    participant.surveyDeadline ? Date.now() >= participant.surveyDeadline.getTime() : cohort.surveyClosedAt !== null || Date.now() >= deadlineOf(cohort, participant);

  const closedPage = (c: Context, cohort: Cohort, answered: boolean) =>
    c.html(
      <MessagePage title="This survey is closed">
        <p>The {cohort.name} intake survey closed {formatInstant(cohort.surveyClosedAt?.getTime() ?? cohort.schedule.surveyDeadline)}.</p>
        <p>{answered ? 'Your answers were recorded: thank you. We will email you about your match.' : 'We did not receive your answers in time; contact the organisers if you still wish to take part.'}</p>
      </MessagePage>,
      410,
    );

  const formProps = (c: Context, participant: Participant, cohort: Cohort) => ({
    action: c.req.path,
    name: participant.name,
    cohortName: cohort.name,
    role: participant.role,
    deadline: formatInstant(deadlineOf(cohort, participant)),
  });

  return new Hono()
    .get('/:token', async (c) => {
      const found = await resolve(c);
      if (found instanceof Response) return found;
      const { participant, cohort } = found;
      const saved = await getSurveyAnswers(sql, participant.id);
      if (isClosed(cohort, participant)) return closedPage(c, cohort, !!saved);
      const values: SurveyFormInput = saved
        ? (Object.fromEntries(Object.entries(saved.answers).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)])) as SurveyFormInput)
        : { languages: participant.languages };
      const banner = saved ? { kind: 'ok' as const, text: `We have your answers from ${formatInstant(saved.updatedAt.getTime())}; change anything and send again.` } : undefined;
      return c.html(<SurveyFormPage {...formProps(c, participant, cohort)} submissionId={randomUUID()} values={values} banner={banner} />);
    })

    .post('/:token', async (c) => {
      const found = await resolve(c);
      if (found instanceof Response) return found;
      const { participant, cohort } = found;
      const form = (await c.req.parseBody({ all: true })) as SurveyFormInput;
      const submissionId = typeof form.submissionId === 'string' && UUID.test(form.submissionId) ? form.submissionId : randomUUID();
      const props = { ...formProps(c, participant, cohort), submissionId, values: form };
      if (isClosed(cohort, participant)) return closedPage(c, cohort, !!(await getSurveyAnswers(sql, participant.id)));
      const validation = validateSurvey(participant.role, form);
      if (!validation.ok) return c.html(<SurveyFormPage {...props} errors={validation.errors} />, 422);

      const outcome = await workflows.submitSurvey(cohort.slug, { version: 1, submissionId, participantId: participant.id, answers: validation.answers });
      if (outcome.ok) {
        return c.html(
          <MessagePage title="Thank you">
            <p>Your answers are saved. You can change them with the same link until {props.deadline}; we will email you about your match.</p>
          </MessagePage>,
        );
      }
      if (outcome.reason === 'closed') return closedPage(c, cohort, !!(await getSurveyAnswers(sql, participant.id)));
      return c.html(<SurveyFormPage {...props} banner={{ kind: 'bad', text: 'We could not save your answers just now: Tandem is busy or restarting. Your answers are still here: please send them again in a minute.' }} />, 503);
    });
}
