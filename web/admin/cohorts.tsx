import { randomUUID } from 'node:crypto';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { getCohortBySlug, insertCohort, listCohorts, SlugTakenError, type Cohort } from '../../db/cohorts.js';
import { bouncedParticipants } from '../../db/emails.js';
import { acknowledgeAlert, listAlerts } from '../../db/pair-lifecycle.js';
import { pairReportRows, type PairReportRow } from '../../db/report.js';
import { latestMatchRun, listPairs } from '../../db/matching.js';
import { countParticipants, findParticipantByEmail, insertLateJoiner, surveyProgress } from '../../db/participants.js';
import { participantFormSchema } from '../../domain/participant-form.js';
import { cohortFormSchema, slugify } from '../../domain/cohort-form.js';
import { parseParticipantsCsv } from '../../domain/participants-csv.js';
import { cohortWorkflowId } from '../../workflows/cohort/contract.js';
import { adminOf, type AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { unlessUnavailable } from '../guards.js';
import { MessagePage } from '../views/Layout.js';
import type { FieldErrors } from '../views/form.js';
import { CohortFormPage, DEFAULT_COHORT_FIELDS, type CohortFormFields } from './CohortForm.js';
import { CohortListPage, CohortPage, SurveyProgress } from './CohortPages.js';

/** What the admin typed, to show again beside the errors (a browser never keeps a chosen file). */
const typedValues = (form: Record<string, unknown>): CohortFormFields =>
  Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'));


export function createCohortRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  const notFound = (slug: string) => <MessagePage title="No such cohort"><p>There is no cohort at “{slug}”. <a href="/admin">All cohorts</a></p></MessagePage>;

  const workflowLink = (workflowId: string) => `${deps.temporalUi.url}/namespaces/${encodeURIComponent(deps.temporalUi.namespace)}/workflows/${encodeURIComponent(workflowId)}`;

  async function cohortView(cohort: Cohort) {
    const [state, progress, run, pairs, alerts, bounced] = await Promise.all([
      workflows.cohortState(cohort.slug), surveyProgress(sql, cohort.id), latestMatchRun(sql, cohort.id), listPairs(sql, cohort.id), listAlerts(sql, cohort.id), bouncedParticipants(sql, cohort.id),
    ]);
    const latestRun = run && { id: run.id, status: run.status, kind: run.kind, pairs: run.result.pairs.length, mentees: run.result.summary.mentees };
    return { cohort, state, progress, workflowUrl: workflowLink(cohortWorkflowId(cohort.slug)), workflowLink, latestRun, pairs, alerts, bounced };
  }

  return new Hono<AdminEnv>()
    .get('/', async (c) => c.html(<CohortListPage admin={c.var.admin} cohorts={await listCohorts(sql)} />))

    .get('/cohorts/new', (c) => c.html(<CohortFormPage admin={c.var.admin} values={{ ...DEFAULT_COHORT_FIELDS, formId: randomUUID() }} />))

    .post(
      '/cohorts',
      zValidator('form', cohortFormSchema, async (result, c) => {
        if (result.success) return;
        const errors: FieldErrors = {};
        for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
        const form = typedValues(await c.req.parseBody());
        return c.html(<CohortFormPage admin={adminOf(c)} values={form} errors={errors} />, 422);
      }),
      async (c) => {
        const form = c.req.valid('form');
        const values = typedValues(await c.req.parseBody());
        const csv = parseParticipantsCsv(new Uint8Array(await form.participants.arrayBuffer()));
        if (!csv.ok) {
          return c.html(<CohortFormPage admin={c.var.admin} values={values} errors={{ participants: 'Participants: the CSV file has problems, listed above; fix them and choose the file again' }} problems={csv.errors} />, 422);
        }
        const now = Date.now();
        let cohort: Cohort;
        try {
          ({ cohort } = await insertCohort(sql, {
            formId: form.formId,
            slug: slugify(form.name),
            name: form.name,
            description: form.description,
            charter: form.charter,
            privacyNotice: form.privacyNotice,
            language: form.language,
            timeZone: form.timeZone,
            schedule: {
              surveyOpensAt: new Date(now).toISOString(),
              surveyDeadline: new Date(now + form.surveyDuration).toISOString(),
              checkInCount: form.checkInCount,
              checkInIntervalMs: form.checkInInterval,
              programmeDurationMs: form.programmeDuration,
              charterDurationMs: form.charterDuration,
              retentionMs: form.retention,
            },
            participants: csv.participants,
          }));
        } catch (error) {
          if (!(error instanceof SlugTakenError)) throw error;
          return c.html(<CohortFormPage admin={c.var.admin} values={values} errors={{ name: `Name: ${error.message}` }} />, 422);
        }
        try {
          await workflows.startCohort(cohort, await countParticipants(sql, cohort.id));
        } catch {
          return c.redirect(`/admin/cohorts/${cohort.slug}?problem=start`, 303);
        }
        return c.redirect(`/admin/cohorts/${cohort.slug}?notice=created`, 303);
      },
    )

    .get('/cohorts/:slug', async (c) => {
      const cohort = await getCohortBySlug(sql, c.req.param('slug'));
      if (!cohort) return c.html(notFound(c.req.param('slug')), 404);
      const notice = {
        created: 'Cohort created: the invitations are on their way.',
        closed: 'Survey closed: matching comes next.',
        added: 'Participant added: their survey invitation is on its way.',
        acknowledged: 'Alert marked as dealt with; the pair\'s page keeps it.',
      }[c.req.query('notice') ?? ''];
      const problem = {
        start: 'The cohort is saved, but its workflow could not be started (Temporal did not answer). Try again below.',
        closed: 'The survey was already closed.',
        refused: 'Not possible at this stage of the programme.',
        duplicate: 'Someone with this email is already in the cohort.',
        invalid: 'Check the form: a name, a valid email and a role are needed.',
      }[c.req.query('problem') ?? ''];
      return c.html(<CohortPage {...await cohortView(cohort)} admin={c.var.admin} notice={notice} problem={problem} />);
    })

    .get('/cohorts/:slug/progress', async (c) => {
      const cohort = await getCohortBySlug(sql, c.req.param('slug'));
      if (!cohort) return c.text('Not found', 404);
      return c.html(<SurveyProgress {...await cohortView(cohort)} />);
    })

    .post('/cohorts/:slug/close-survey', async (c) => {
      const slug = c.req.param('slug');
      if (!(await getCohortBySlug(sql, slug))) return c.html(notFound(slug), 404);
      const outcome = unlessUnavailable(await workflows.closeSurvey(slug));
      return c.redirect(`/admin/cohorts/${slug}?${outcome.ok ? 'notice=closed' : 'problem=closed'}`, 303);
    })

    .post('/cohorts/:slug/participants', async (c) => {
      const cohort = await getCohortBySlug(sql, c.req.param('slug'));
      if (!cohort) return c.html(notFound(c.req.param('slug')), 404);
      const form = participantFormSchema.safeParse(await c.req.parseBody());
      if (!form.success) return c.redirect(`/admin/cohorts/${cohort.slug}?problem=invalid`, 303);
      const { language, ...person } = form.data;
      let participantId: string;
      try {
        ({ id: participantId } = await insertLateJoiner(sql, cohort.id, { ...person, languages: language.split(/[;|,/]/).map((l) => l.trim()).filter(Boolean) }));
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error;
        // Already here: refused, unless this is the same form sent again after Temporal could not take it
        // (stored, never invited); then the invitation is asked for again.
        const stored = await findParticipantByEmail(sql, cohort.id, person.email);
        if (!stored?.joinedLate || stored.surveyDeadline) return c.redirect(`/admin/cohorts/${cohort.slug}?problem=duplicate`, 303);
        participantId = stored.id;
      }
      const outcome = unlessUnavailable(await workflows.addLateJoiners(cohort.slug, [participantId]));
      return c.redirect(`/admin/cohorts/${cohort.slug}?${outcome.ok ? 'notice=added' : 'problem=refused'}`, 303);
    })

    .post('/cohorts/:slug/alerts/:alertId/acknowledge', async (c) => {
      const cohort = await getCohortBySlug(sql, c.req.param('slug'));
      const alertId = c.req.param('alertId');
      if (!cohort || !(await acknowledgeAlert(sql, cohort.id, alertId))) return c.html(notFound(c.req.param('slug')), 404);
      return c.redirect(`/admin/cohorts/${cohort.slug}?notice=acknowledged#alerts`, 303);
    })

    .get('/cohorts/:slug/report.csv', async (c) => {
      const cohort = await getCohortBySlug(sql, c.req.param('slug'));
      if (!cohort) return c.html(notFound(c.req.param('slug')), 404);
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${cohort.slug}-report.csv"`);
      // The byte-order mark makes Excel read UTF-8 (accents, Arabic, emoji) rather than the locale's code page.
      return c.body(`\uFEFF${reportCsv(await pairReportRows(sql, cohort.id))}`);
    })

    .post('/cohorts/:slug/start', async (c) => {
      const cohort = await getCohortBySlug(sql, c.req.param('slug'));
      if (!cohort) return c.html(notFound(c.req.param('slug')), 404);
      try {
        await workflows.startCohort(cohort, await countParticipants(sql, cohort.id));
      } catch {
        return c.redirect(`/admin/cohorts/${cohort.slug}?problem=start`, 303);
      }
      return c.redirect(`/admin/cohorts/${cohort.slug}`, 303);
    });
}

/** One line per pair; quoted as RFC 4180 wants, and formula-looking cells defused for spreadsheets. */
function reportCsv(rows: PairReportRow[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = ['mentee', 'mentor', 'score', 'stage', 'ended reason', 'health', 'check-ins', 'check-in answers', 'mentee questions answered', 'mentee satisfaction', 'mentee recommend', 'mentee comment', 'mentor satisfaction', 'mentor recommend', 'mentor comment'];
  const lines = rows.map((r) => [
    r.menteeName, r.mentorName, r.score, r.stage, r.endedReason, r.health, r.checkIns, r.checkInAnswers,
    r.menteeFinal?.questionsAnswered, r.menteeFinal?.satisfaction, r.menteeFinal?.recommend, r.menteeFinal?.improve,
    r.mentorFinal?.satisfaction, r.mentorFinal?.recommend, r.mentorFinal?.improve,
  ].map(cell).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
