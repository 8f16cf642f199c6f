import { randomUUID } from 'node:crypto';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { insertCohort, listCohorts, SlugTakenError, type Cohort } from '../../db/cohorts.js';
import { bouncedParticipants, mailingRecord } from '../../db/emails.js';
import { mailingProgress } from '../../domain/mailing.js';
import { acknowledgeAlert, listAlerts } from '../../db/pair-lifecycle.js';
import { commentTexts, pairReportRows, type Feedback, type Objective, type PairReportRow } from '../../db/report.js';
import { latestMatchRunSummary } from '../../db/matching.js';
import { pairsTable } from '../../db/pairs-table.js';
import { pairsQuerySchema, type PairsQuery } from '../../domain/pairs-query.js';
import { getEnrolment, listEnrolmentRequests } from '../../db/enrolment.js';
import { cohortNeeds } from '../../db/needs.js';
import {
  countParticipants,
  findParticipantByEmail,
  insertLateJoiner,
  readersByLanguage,
  surveyFigures,
  surveyProgress,
} from '../../db/participants.js';
import { PER_PAGE } from '../../domain/paging.js';
import { participantFormSchema } from '../../domain/participant-form.js';
import { cohortFormSchema, slugify, translationsOf, uploadedCsv } from '../../domain/cohort-form.js';
import { COHORT_TEXTS, readsIn } from '../../domain/cohort-texts.js';
import type { Locale } from '../../i18n/locales.js';
import { DEFAULT_MATCH_SETTINGS } from '../../matching/settings.js';
import { CSV_TEMPLATE, parseParticipantsCsv, summarise } from '../../domain/participants-csv.js';
import type { MessageKey, Translator } from '../../i18n/translator.js';
import { cohortWorkflowId } from '../../workflows/cohort/contract.js';
import { adminOf } from '../auth.js';
import { temporalUiLink, type WebDeps } from '../deps.js';
import { cohortNotFound, type CohortEnv } from './cohort-loader.js';
import { unlessUnavailable } from '../guards.js';
import { checkForm } from '../form-body.js';
import { Language } from '../views/language.js';
import { CohortFormPage, DEFAULT_COHORT_FIELDS, cohortFormErrors, type CohortFormFields } from './CohortForm.js';
import { CohortListPage, CohortPage, SurveyProgress } from './CohortPages.js';
import { csvFile, csvHeaders } from './csv.js';
import { NeedsCard } from './NeedsCard.js';
import { enrolmentLink, qrCodeSvg } from './qr-code.js';

/** A reminder is keyed by the form's request id: sent twice, it reminds once. */
const remindFormSchema = z.object({ requestId: z.uuid() });

/** What a cohort's page says after an action, by the `notice` or `problem` its redirect names. */
const NOTICES = {
  created: 'admin.cohorts.notice.created',
  closed: 'admin.cohorts.notice.closed',
  added: 'admin.cohorts.notice.added',
  acknowledged: 'admin.cohorts.notice.acknowledged',
  reminded: 'admin.cohorts.notice.reminded',
  enrolmentOpened: 'admin.enrolment.notice.opened',
  enrolmentClosed: 'admin.enrolment.notice.closed',
  signUpRemoved: 'admin.enrolment.notice.removed',
} as const satisfies Record<string, MessageKey>;
const PROBLEMS = {
  start: 'admin.cohorts.problem.start',
  closed: 'admin.cohorts.problem.closed',
  remindedToday: 'admin.cohorts.problem.remindedToday',
  refused: 'admin.cohorts.problem.refused',
  duplicate: 'admin.cohorts.problem.duplicate',
  invalid: 'admin.cohorts.problem.invalid',
  enrolmentCap: 'admin.enrolment.problem.cap',
} as const satisfies Record<string, MessageKey>;

/** The words for the notice or problem a redirect names, if it is one of `messages`. */
const said = ({ t }: Translator, messages: Record<string, MessageKey>, name = '') =>
  Object.hasOwn(messages, name) ? t(messages[name]!) : undefined;

/** The CSV the form brings (chosen now, or kept from before), checked: who it holds, or each of its problems by line. */
async function checkedCsv(form: Record<string, unknown>, { t }: Translator) {
  const bytes = await uploadedCsv(form);
  if (!bytes?.byteLength) return undefined; // none, or an empty file: the form's own check says so
  const kept = Buffer.from(bytes).toString('base64');
  const parsed = parseParticipantsCsv(bytes);
  return parsed.ok
    ? { ok: true as const, participants: parsed.participants, shown: { kept, summary: summarise(parsed.participants) } }
    : {
        ok: false as const,
        errors: { participants: t('admin.cohortForm.error.participants.problems') },
        shown: { kept, problems: parsed.problems.map((problem) => t(problem.key, problem.values)) },
      };
}

/** What the admin typed, to show again beside the errors (a browser never keeps a chosen file). */
const typedValues = (form: Record<string, unknown>): CohortFormFields =>
  Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'));

export function createCohortRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  const workflowLink = (workflowId: string) => temporalUiLink(deps.temporalUi, workflowId);

  const surveyProgressOf = async (cohortId: string) => {
    const [figures, firstMissing, invitations] = await Promise.all([
      surveyFigures(sql, cohortId),
      surveyProgress(sql, cohortId, { first: PER_PAGE }),
      mailingRecord(sql, cohortId, 'survey-invitation'),
    ]);
    const sending = mailingProgress(figures.participants, { ...invitations, sent: figures.invited }, new Date());
    return { figures, firstMissing, ...(sending ? { sending } : {}) };
  };

  /** The workflow's own view and the live figures: the survey's, and the match's progress while it runs. */
  const liveProgressOf = async (cohort: Cohort) => {
    const [state, progress] = await Promise.all([workflows.cohortState(cohort.slug), surveyProgressOf(cohort.id)]);
    const matching = state?.stage === 'matching' ? await workflows.matchProgress(cohort.slug) : undefined;
    return { state, progress: { ...progress, ...(matching ? { matching } : {}) } };
  };

  async function cohortView(cohort: Cohort, pairsQuery: PairsQuery) {
    const [{ state, progress }, latestRun, pairs, alerts, bounced] = await Promise.all([
      liveProgressOf(cohort),
      latestMatchRunSummary(sql, cohort.id),
      pairsTable(sql, cohort.id, pairsQuery),
      listAlerts(sql, cohort.id),
      bouncedParticipants(sql, cohort.id),
    ]);
    const comments = cohort.report ? await commentTexts(sql, cohort.report.comments) : [];
    return {
      cohort,
      state,
      progress,
      workflowUrl: workflowLink(cohortWorkflowId(cohort.slug)),
      latestRun,
      pairs,
      pairsQuery,
      alerts,
      bounced,
      comments,
    };
  }

  return (
    new Hono<CohortEnv>()
      .get('/', async (c) => {
        const { account } = c.var;
        const cohorts = await listCohorts(sql, account.role === 'manager' && account.limited ? { managedBy: account.id } : {});
        return c.html(<CohortListPage admin={c.var.admin} cohorts={cohorts} />);
      })

      .get('/cohorts/template.csv', (c) => {
        c.header('content-type', 'text/csv; charset=utf-8');
        c.header('content-disposition', 'attachment; filename="tandem-participants-template.csv"');
        return c.body(CSV_TEMPLATE);
      })

      // The defaults in the admin's language and time zone: the charter and notice kept as they are reach each participant in theirs.
      .get('/cohorts/new', (c) => {
        const { t, locale, timeZone } = c.var.admin.text;
        const defaults = {
          ...DEFAULT_COHORT_FIELDS,
          language: locale,
          timeZone, // the zone of the browser the admin logged in from
          charter: t('charter.default'),
          privacyNotice: t('privacy.default'),
        };
        return c.html(<CohortFormPage admin={c.var.admin} values={{ ...defaults, formId: randomUUID() }} />);
      })

      .post(
        '/cohorts',
        zValidator('form', cohortFormSchema, async (result, c) => {
          if (result.success) return;
          const admin = adminOf(c);
          const body = await c.req.parseBody();
          // Every problem at once: the fields' and the CSV's, line by line; the file is kept either way.
          const csv = await checkedCsv(body, admin.text);
          const errors = { ...(csv?.ok === false ? csv.errors : {}), ...cohortFormErrors(result.error.issues, admin.text) };
          return c.html(<CohortFormPage admin={admin} values={typedValues(body)} errors={errors} csv={csv?.shown} />, 422);
        }),
        async (c) => {
          const form = c.req.valid('form');
          const values = typedValues(await c.req.parseBody());
          const { t } = c.var.admin.text;
          const csv = (await checkedCsv(form, c.var.admin.text))!; // the schema makes sure there is one
          if (!csv.ok) return c.html(<CohortFormPage admin={c.var.admin} values={values} errors={csv.errors} csv={csv.shown} />, 422);
          if (form.step === 'preview') return c.html(<CohortFormPage admin={c.var.admin} values={values} csv={csv.shown} previewed />);
          const now = Date.now();
          let cohort: Cohort;
          try {
            ({ cohort } = await insertCohort(sql, {
              formId: form.formId,
              managerId: c.var.account.id,
              slug: slugify(form.name),
              name: form.name,
              description: form.description,
              charter: form.charter,
              translations: translationsOf(form),
              privacyNotice: form.privacyNotice,
              language: form.language,
              timeZone: form.timeZone,
              // A flash cohort has its one-page commitment and no objectives; its proposals are approved without review.
              objectives: form.format === 'long' && form.objectives,
              ...(form.format === 'flash' ? { matchSettings: { ...DEFAULT_MATCH_SETTINGS, autoApprove: true } } : {}),
              schedule: {
                surveyOpensAt: new Date(now).toISOString(),
                surveyDeadline: (form.surveyCloses ?? new Date(now + form.surveyDuration)).toISOString(),
                checkInCount: form.checkInCount,
                checkInIntervalMs: form.checkInInterval,
                programmeDurationMs: form.programmeDuration,
                charterDurationMs: form.charterDuration,
                retentionMs: form.retention,
                ...(form.format === 'flash' ? { flash: { meetings: form.meetings, meetingWindowMs: form.meetingWindow } } : {}),
              },
              participants: csv.participants,
            }));
          } catch (error) {
            if (!(error instanceof SlugTakenError)) throw error;
            return c.html(
              <CohortFormPage
                admin={c.var.admin}
                values={values}
                errors={{ name: t('admin.cohortForm.error.name.taken', { slug: error.slug }) }}
                csv={csv.shown}
              />,
              422,
            );
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
        const { cohort } = c.var;
        const { text } = c.var.admin;
        const notice = said(text, NOTICES, c.req.query('notice'));
        const problem = said(text, PROBLEMS, c.req.query('problem'));
        const [view, needs, enrolment, signUps, readers] = await Promise.all([
          cohortView(cohort, pairsQuerySchema.parse(c.req.query())),
          cohortNeeds(sql, cohort.id),
          getEnrolment(sql, cohort.id),
          listEnrolmentRequests(sql, cohort.id),
          readersByLanguage(sql, cohort.id),
        ]);
        const origin = new URL(c.req.url).origin;
        const qrCode = enrolment.open && enrolment.key ? await qrCodeSvg(enrolmentLink(origin, enrolment.key)) : undefined;
        // Participants who will read a text in a language that is not theirs: the admin may add a version.
        const languageName = new Intl.DisplayNames([text.locale], { type: 'language' });
        const warnings = Object.entries(readers).flatMap(([locale, count]) =>
          COHORT_TEXTS.filter((name) => !readsIn(cohort, name, locale as Locale)).map((name) =>
            text.t('admin.cohort.textLanguage', {
              count,
              text: name,
              language: languageName.of(locale)!,
              cohortLanguage: languageName.of(cohort.language)!,
            }),
          ),
        );
        return c.html(
          <CohortPage
            {...view}
            needs={needs}
            enrolment={{ ...enrolment, requests: signUps, origin, ...(qrCode ? { qrCode } : {}) }}
            admin={c.var.admin}
            notice={notice}
            problem={problem}
            warnings={warnings}
            requestId={randomUUID()}
          />,
        );
      })

      .get('/cohorts/:slug/progress', async (c) => {
        const { cohort } = c.var;
        const { state, progress } = await liveProgressOf(cohort);
        // A fragment, outside any Layout: it is given the admin's language itself.
        return c.html(
          <Language.Provider value={c.var.admin.text}>
            <SurveyProgress cohort={cohort} state={state} progress={progress} />
          </Language.Provider>,
        );
      })

      .post('/cohorts/:slug/close-survey', async (c) => {
        const { slug } = c.var.cohort;
        const outcome = unlessUnavailable(await workflows.closeSurvey(slug));
        return c.redirect(`/admin/cohorts/${slug}?${outcome.ok ? 'notice=closed' : 'problem=closed'}`, 303);
      })

      .post('/cohorts/:slug/remind', async (c) => {
        const { slug } = c.var.cohort;
        const form = await checkForm(c, remindFormSchema);
        if (!form.ok) return c.redirect(`/admin/cohorts/${slug}?problem=invalid`, 303);
        const outcome = unlessUnavailable(await workflows.remindSurvey(slug, form.data.requestId));
        const said = outcome.ok ? 'notice=reminded' : outcome.reason === 'tooSoon' ? 'problem=remindedToday' : 'problem=closed';
        return c.redirect(`/admin/cohorts/${slug}?${said}`, 303);
      })

      .post('/cohorts/:slug/participants', async (c) => {
        const { cohort } = c.var;
        const form = await checkForm(c, participantFormSchema);
        if (!form.ok) return c.redirect(`/admin/cohorts/${cohort.slug}?problem=invalid`, 303);
        const { language, communication, ...person } = form.data;
        let participantId: string;
        try {
          ({ id: participantId } = await insertLateJoiner(sql, cohort.id, {
            ...person,
            language: communication,
            languages: language
              .split(/[;|,/]/)
              .map((l) => l.trim())
              .filter(Boolean),
          }));
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
        const { cohort } = c.var;
        if (!(await acknowledgeAlert(sql, cohort.id, c.req.param('alertId')))) return cohortNotFound(c, cohort.slug);
        return c.redirect(`/admin/cohorts/${cohort.slug}?notice=acknowledged#alerts`, 303);
      })

      .get('/cohorts/:slug/report.csv', async (c) => {
        const { cohort } = c.var;
        const flash = !!cohort.schedule.flash;
        return c.body(
          csvFile(flash ? [...REPORT_HEADER, ...FEEDBACK_HEADER] : REPORT_HEADER, reportRows(await pairReportRows(sql, cohort.id), flash)),
          200,
          csvHeaders(`${cohort.slug}-report.csv`),
        );
      })

      .get('/cohorts/:slug/needs', async (c) => {
        const { cohort } = c.var;
        // A fragment the page refreshes while the survey runs, outside any Layout: given the admin's language itself.
        return c.html(
          <Language.Provider value={c.var.admin.text}>
            <NeedsCard slug={cohort.slug} needs={await cohortNeeds(sql, cohort.id)} live={cohort.stage === 'survey'} />
          </Language.Provider>,
        );
      })

      .get('/cohorts/:slug/needs.csv', async (c) => {
        const { cohort } = c.var;
        const { rows } = await cohortNeeds(sql, cohort.id);
        const lines = rows.map((r) => [r.dimension, r.value, r.mentees, r.mentors, r.places, r.unmet]);
        return c.body(csvFile(NEEDS_HEADER, lines), 200, csvHeaders(`${cohort.slug}-needs.csv`));
      })

      .post('/cohorts/:slug/start', async (c) => {
        const { cohort } = c.var;
        try {
          await workflows.startCohort(cohort, await countParticipants(sql, cohort.id));
        } catch {
          return c.redirect(`/admin/cohorts/${cohort.slug}?problem=start`, 303);
        }
        return c.redirect(`/admin/cohorts/${cohort.slug}`, 303);
      })
  );
}

const NEEDS_HEADER = ['dimension', 'option', 'mentees asking', 'mentors offering', 'places offered', 'mentees unmet'];

const REPORT_HEADER = [
  'mentee',
  'mentor',
  'score',
  'stage',
  'ended reason',
  'health',
  'check-ins',
  'check-in answers',
  'mentee questions answered',
  'mentee satisfaction',
  'mentee recommend',
  'mentee comment',
  'mentor satisfaction',
  'mentor recommend',
  'mentor comment',
  'mentee objectives',
  'mentor objectives',
];

/** A flash cohort's feedback after the meetings, each party's, in four columns: as stored (English codes, 1-5). */
const FEEDBACK_HEADER = ['mentee', 'mentor'].flatMap((role) =>
  ['met', 'usefulness', 'would meet again', 'goes on'].map((c) => `${role} ${c}`),
);
const feedbackCells = (f: Feedback | null) => [f?.met, f?.rating, f?.continue, f?.longPair];

/** Objectives in one cell: "text (progress)" each, separated by semicolons; progress as stored (English codes). */
const objectivesCell = (objectives: Objective[]) => objectives.map((o) => `${o.text} (${o.progress ?? 'not reviewed'})`).join('; ');

/** One line per pair, with its feedback after the meetings in a flash cohort. */
const reportRows = (rows: PairReportRow[], flash: boolean) =>
  rows.map((r) => [
    r.menteeName,
    r.mentorName,
    r.score,
    r.stage,
    r.endedReason,
    r.health,
    r.checkIns,
    r.checkInAnswers,
    r.menteeFinal?.questionsAnswered,
    r.menteeFinal?.satisfaction,
    r.menteeFinal?.recommend,
    r.menteeFinal?.improve,
    r.mentorFinal?.satisfaction,
    r.mentorFinal?.recommend,
    r.mentorFinal?.improve,
    objectivesCell(r.menteeObjectives),
    objectivesCell(r.mentorObjectives),
    ...(flash ? [...feedbackCells(r.menteeFeedback), ...feedbackCells(r.mentorFeedback)] : []),
  ]);
