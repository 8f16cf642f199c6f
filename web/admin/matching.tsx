import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Cohort } from '../../db/cohorts.js';
import { listAdjustments } from '../../db/match-adjustments.js';
import { saveMatchSettings } from '../../db/matching.js';
import { proposalHead, proposalView, type ProposalHead } from '../../db/proposal.js';
import { proposalQuerySchema, proposalQueryString, type ProposalQuery } from '../../domain/proposal-query.js';
import { attributeColumns } from '../../db/participants.js';
import type { CohortEnv } from './cohort-loader.js';
import type { WebDeps } from '../deps.js';
import { unlessUnavailable } from '../guards.js';
import { checkForm, lastValues, readForm } from '../form-body.js';
import type { MessageKey, Translator } from '../../i18n/translator.js';
import { DEFAULT_MATCH_SETTINGS } from '../../matching/settings.js';
import { inWords, type FieldErrors } from '../views/form.js';
import { Layout, MessagePage, type AdminFrame } from '../views/Layout.js';
import { MatchReviewPage, SettingsForm } from './MatchingPages.js';
import { settingsFromForm } from './match-settings-form.js';

// Messages are catalogue keys, said in the admin's language; a hidden field that does not parse means a stale form.
const STALE: MessageKey = 'admin.matching.error.stale';
const REASON: MessageKey = 'admin.matching.error.reason';
const MENTEE: MessageKey = 'admin.matching.error.mentee';
const ids = {
  runId: z.uuid(STALE),
  requestId: z.uuid(STALE),
  reason: z
    .string(REASON)
    .trim()
    .min(3, REASON)
    .max(500, 'admin.matching.error.reason.long' satisfies MessageKey),
  /** The page's search and pages, to come back to: read again as a query, so nothing else passes through. */
  view: z
    .string()
    .max(1000)
    .catch('')
    .transform((view) => proposalQuerySchema.parse(Object.fromEntries(new URLSearchParams(view)))),
};
/** One schema per change the admin can make to a proposal. */
/** Approving names the proposal approved: one replaced meanwhile is refused. */
const approveFormSchema = z.object({ runId: z.uuid() });
/** An empty view: the first page of everything. */
const FIRST_VIEW = proposalQuerySchema.parse({});

export const adjustFormSchema = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('pair'),
      menteeId: z.uuid(MENTEE),
      mentorId: z.uuid('admin.matching.error.mentor' satisfies MessageKey),
      ...ids,
    }),
    z.object({ action: z.literal('unpair'), menteeId: z.uuid(MENTEE), ...ids }),
    z.object({
      action: z.literal('swap'),
      menteeId: z.uuid(MENTEE),
      otherMenteeId: z.uuid('admin.matching.error.otherMentee' satisfies MessageKey),
      ...ids,
    }),
  ],
  STALE,
);

const NOTICES: Record<string, MessageKey> = {
  approved: 'admin.matching.notice.approved',
  adjusted: 'admin.matching.notice.adjusted',
  rerun: 'admin.matching.notice.rerun',
};
const PROBLEMS: Record<string, MessageKey> = {
  closed: 'admin.matching.problem.closed',
};
/** The words a notice or problem named in the query string stands for (own keys only: "?notice=constructor" names none). */
const said = (keys: Record<string, MessageKey>, name: string | undefined, { t }: Translator) =>
  name !== undefined && Object.hasOwn(keys, name) ? t(keys[name]!) : undefined;

/** The admin's review of a match proposal: approve, change pairs with a reason, or re-run with other weights. */
export function createMatchingRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  async function render(
    c: Context<CohortEnv>,
    cohort: Cohort,
    run: ProposalHead,
    extra: { problem?: string; settingsErrors?: FieldErrors; query?: ProposalQuery } = {},
    status: 200 | 422 = 200,
  ) {
    const query = extra.query ?? proposalQuerySchema.parse(c.req.query());
    const [state, adjustments, columns, view] = await Promise.all([
      workflows.cohortState(cohort.slug),
      listAdjustments(sql, run.id),
      attributeColumns(sql, cohort.id),
      proposalView(sql, cohort.id, run, query),
    ]);
    const { text } = c.var.admin;
    const problem = extra.problem ?? said(PROBLEMS, c.req.query('problem'), text);
    return c.html(
      <MatchReviewPage
        admin={c.var.admin}
        cohort={cohort}
        run={run}
        view={view}
        query={query}
        stage={state?.stage}
        adjustments={adjustments}
        attributeColumns={columns}
        notice={said(NOTICES, c.req.query('notice'), text)}
        problem={problem}
        settingsErrors={extra.settingsErrors}
        // Just approved: the workflow stores it a moment later; the status says so rather than "proposed".
        shownStatus={c.req.query('notice') === 'approved' && run.status === 'proposed' ? 'approving' : run.status}
      />,
      status,
    );
  }

  /** Back to the proposal, in the view the admin acted from, with what became of the change. */
  const back = (c: Context<CohortEnv>, cohort: Cohort, outcome: { ok: boolean; reason?: string }, notice: string, view = FIRST_VIEW) => {
    const query = new URLSearchParams(proposalQueryString(view));
    if (unlessUnavailable(outcome).ok) query.set('notice', notice);
    else query.set('problem', 'closed');
    return c.redirect(`/admin/cohorts/${cohort.slug}/matching?${query}`, 303);
  };

  return (
    new Hono<CohortEnv>()
      .get('/cohorts/:slug/matching', async (c) => {
        const { cohort } = c.var;
        const requested = c.req.query('run');
        const run = await proposalHead(
          sql,
          requested && z.uuid().safeParse(requested).success ? { runId: requested } : { cohortId: cohort.id },
        );
        if (!run || run.cohortId !== cohort.id) {
          const { t } = c.var.admin.text;
          return c.html(
            <MessagePage title={t('admin.matching.noProposal')} text={c.var.admin.text}>
              <p>
                {t('admin.matching.noProposal.body')}{' '}
                <a href={`/admin/cohorts/${cohort.slug}`}>{t('admin.matching.backTo', { cohort: cohort.name })}</a>
              </p>
            </MessagePage>,
          );
        }
        return render(c, cohort, run);
      })

      .post('/cohorts/:slug/matching/approve', async (c) => {
        const { cohort } = c.var;
        const form = await checkForm(c, approveFormSchema);
        // A proposal not named (a script, an old page) is one no longer under review.
        return back(c, cohort, await workflows.approveMatch(cohort.slug, form.ok ? form.data.runId : ''), 'approved');
      })

      .post('/cohorts/:slug/matching/adjust', async (c) => {
        const { cohort } = c.var;
        const form = await checkForm(c, adjustFormSchema);
        const run = await proposalHead(sql, { cohortId: cohort.id });
        if (!run) return c.redirect(`/admin/cohorts/${cohort.slug}/matching`, 303); // nothing proposed yet: the page says so
        if (!form.ok)
          return render(c, cohort, run, { problem: [...new Set(Object.values(inWords(form.problems, c.var.admin.text)))].join('; ') }, 422);
        const { runId, requestId, reason, view, ...adjustment } = form.data;
        const outcome = await workflows.adjustMatch(cohort.slug, { runId, requestId, reason, adjustment });
        if (!outcome.ok && outcome.reason === 'invalid')
          return render(c, cohort, run, { problem: c.var.admin.text.t(`refusal.${outcome.code}`), query: view }, 422);
        return back(c, cohort, outcome, 'adjusted', view);
      })

      // Before the survey closes: the settings the first proposal will use (the cohort row is the web's to write).
      .get('/cohorts/:slug/matching/settings', async (c) => {
        const { cohort } = c.var;
        return c.html(
          <SettingsPage
            admin={c.var.admin}
            cohort={cohort}
            columns={await attributeColumns(sql, cohort.id)}
            saved={c.req.query('notice') === 'saved'}
          />,
        );
      })

      .post('/cohorts/:slug/matching/settings', async (c) => {
        const { cohort } = c.var;
        const columns = await attributeColumns(sql, cohort.id);
        const form = settingsFromForm(lastValues(await readForm(c)), columns);
        if (!form.ok)
          return c.html(
            <SettingsPage admin={c.var.admin} cohort={cohort} columns={columns} errors={inWords(form.problems, c.var.admin.text)} />,
            422,
          );
        await saveMatchSettings(sql, cohort.id, form.settings);
        return c.redirect(`/admin/cohorts/${cohort.slug}/matching/settings?notice=saved`, 303);
      })

      .post('/cohorts/:slug/matching/rerun', async (c) => {
        const { cohort } = c.var;
        const run = await proposalHead(sql, { cohortId: cohort.id });
        if (!run) return c.redirect(`/admin/cohorts/${cohort.slug}/matching`, 303); // nothing proposed yet: the page says so
        const form = settingsFromForm(lastValues(await readForm(c)), await attributeColumns(sql, cohort.id));
        if (!form.ok) {
          const { text } = c.var.admin;
          return render(
            c,
            cohort,
            run,
            { problem: text.t('admin.matching.problem.settings'), settingsErrors: inWords(form.problems, text) },
            422,
          );
        }
        // The cohort's settings are the web's to write: saved, they serve this re-run and every round after.
        await saveMatchSettings(sql, cohort.id, form.settings);
        return back(c, cohort, await workflows.rerunMatch(cohort.slug, form.settings), 'rerun');
      })
  );
}

function SettingsPage(props: { admin: AdminFrame; cohort: Cohort; columns: string[]; errors?: FieldErrors; saved?: boolean }) {
  const { cohort } = props;
  const { t } = props.admin.text;
  return (
    <Layout title={t('admin.matching.settings.title', { cohort: cohort.name })} admin={props.admin}>
      <p>
        <a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a>
      </p>
      {props.saved && (
        <div class="banner ok" role="status">
          {t('admin.matching.settings.saved')}
        </div>
      )}
      <SettingsForm
        action={`/admin/cohorts/${cohort.slug}/matching/settings`}
        csrf={props.admin.csrf}
        settings={cohort.matchSettings ?? DEFAULT_MATCH_SETTINGS}
        columns={props.columns}
        errors={props.errors ?? {}}
        title={t('admin.matching.settings')}
        submit={t('admin.matching.settings.save')}
      />
    </Layout>
  );
}
