import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getCohortBySlug, type Cohort } from '../../db/cohorts.js';
import { listAdjustments } from '../../db/match-adjustments.js';
import { getMatchRun, latestMatchRun, saveMatchSettings, type MatchRun } from '../../db/matching.js';
import { attributeColumns } from '../../db/participants.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { unlessUnavailable } from '../guards.js';
import { MessagePage } from '../views/Layout.js';
import type { FieldErrors } from '../views/form.js';
import { DEFAULT_MATCH_SETTINGS } from '../../matching/settings.js';
import { Layout, type AdminFrame } from '../views/Layout.js';
import { MatchReviewPage, SettingsForm } from './MatchingPages.js';
import { settingsFromForm } from './match-settings-form.js';

const ids = { runId: z.uuid(), requestId: z.uuid(), reason: z.string().trim().min(3, 'Reason: say why (at least 3 characters)').max(500, 'Reason: at most 500 characters') };
/** One schema per change the admin can make to a proposal. */
export const adjustFormSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pair'), menteeId: z.uuid('Choose a mentee'), mentorId: z.uuid('Choose a mentor'), ...ids }),
  z.object({ action: z.literal('unpair'), menteeId: z.uuid(), ...ids }),
  z.object({ action: z.literal('swap'), menteeId: z.uuid(), otherMenteeId: z.uuid('Choose the other mentee'), ...ids }),
]);

const NOTICES: Record<string, string> = {
  approved: 'Approved: the pair workflows are starting and each participant receives an introduction.',
  adjusted: 'Change saved; the pair it touched is shown with its score and any warning.',
  rerun: 'Re-running matching with the new settings: the new proposal appears here in a moment.',
};
const PROBLEMS: Record<string, string> = {
  closed: 'This proposal is no longer open for review (it was approved or replaced).',
};

/** The admin's review of a match proposal: approve, change pairs with a reason, or re-run with other weights. */
export function createMatchingRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  async function render(c: Context<AdminEnv>, cohort: Cohort, run: MatchRun, extra: { problem?: string; settingsErrors?: FieldErrors } = {}, status: 200 | 422 = 200) {
    const [state, adjustments, columns] = await Promise.all([workflows.cohortState(cohort.slug), listAdjustments(sql, run.id), attributeColumns(sql, cohort.id)]);
    const problem = extra.problem ?? PROBLEMS[c.req.query('problem') ?? ''];
    return c.html(
      <MatchReviewPage admin={c.var.admin} cohort={cohort} run={run} stage={state?.stage} adjustments={adjustments} attributeColumns={columns}
        notice={NOTICES[c.req.query('notice') ?? '']} problem={problem} settingsErrors={extra.settingsErrors} />,
      status,
    );
  }

  const findCohort = async (c: Context<AdminEnv>) => getCohortBySlug(sql, c.req.param('slug') ?? '');
  const notFound = (c: Context<AdminEnv>) => c.html(<MessagePage title="No such cohort"><p><a href="/admin">All cohorts</a></p></MessagePage>, 404);
  const back = (c: Context<AdminEnv>, cohort: Cohort, outcome: { ok: boolean; reason?: string }, notice: string) =>
    c.redirect(`/admin/cohorts/${cohort.slug}/matching?${unlessUnavailable(outcome).ok ? `notice=${notice}` : 'problem=closed'}`, 303);

  return new Hono<AdminEnv>()
    .get('/cohorts/:slug/matching', async (c) => {
      const cohort = await findCohort(c);
      if (!cohort) return notFound(c);
      const requested = c.req.query('run');
      const run = requested && z.uuid().safeParse(requested).success ? await getMatchRun(sql, requested) : await latestMatchRun(sql, cohort.id);
      if (!run || run.cohortId !== cohort.id) {
        return c.html(<MessagePage title="No proposal yet"><p>Matching runs when the intake survey closes. <a href={`/admin/cohorts/${cohort.slug}`}>Back to {cohort.name}</a></p></MessagePage>);
      }
      return render(c, cohort, run);
    })

    .post('/cohorts/:slug/matching/approve', async (c) => {
      const cohort = await findCohort(c);
      if (!cohort) return notFound(c);
      const runId = String((await c.req.parseBody()).runId ?? '');
      return back(c, cohort, await workflows.approveMatch(cohort.slug, runId), 'approved');
    })

    .post('/cohorts/:slug/matching/adjust', async (c) => {
      const cohort = await findCohort(c);
      if (!cohort) return notFound(c);
      const parsed = adjustFormSchema.safeParse(await c.req.parseBody());
      const run = await latestMatchRun(sql, cohort.id);
      if (!run) return notFound(c);
      if (!parsed.success) return render(c, cohort, run, { problem: parsed.error.issues.map((i) => i.message).join('; ') }, 422);
      const { runId, requestId, reason, ...adjustment } = parsed.data;
      const outcome = await workflows.adjustMatch(cohort.slug, { runId, requestId, reason, adjustment });
      if (!outcome.ok && outcome.reason === 'invalid') return render(c, cohort, run, { problem: outcome.message }, 422);
      return back(c, cohort, outcome, 'adjusted');
    })

    // Before the survey closes: the settings the first proposal will use (the cohort row is the web's to write).
    .get('/cohorts/:slug/matching/settings', async (c) => {
      const cohort = await findCohort(c);
      if (!cohort) return notFound(c);
      return c.html(<SettingsPage admin={c.var.admin} cohort={cohort} columns={await attributeColumns(sql, cohort.id)} saved={c.req.query('notice') === 'saved'} />);
    })

    .post('/cohorts/:slug/matching/settings', async (c) => {
      const cohort = await findCohort(c);
      if (!cohort) return notFound(c);
      const columns = await attributeColumns(sql, cohort.id);
      const form = settingsFromForm(await c.req.parseBody(), columns);
      if (!form.ok) return c.html(<SettingsPage admin={c.var.admin} cohort={cohort} columns={columns} errors={form.errors} />, 422);
      await saveMatchSettings(sql, cohort.id, form.settings);
      return c.redirect(`/admin/cohorts/${cohort.slug}/matching/settings?notice=saved`, 303);
    })

    .post('/cohorts/:slug/matching/rerun', async (c) => {
      const cohort = await findCohort(c);
      if (!cohort) return notFound(c);
      const run = await latestMatchRun(sql, cohort.id);
      if (!run) return notFound(c);
      const form = settingsFromForm(await c.req.parseBody(), await attributeColumns(sql, cohort.id));
      if (!form.ok) return render(c, cohort, run, { problem: 'Some settings are not valid; see below.', settingsErrors: form.errors }, 422);
      return back(c, cohort, await workflows.rerunMatch(cohort.slug, form.settings), 'rerun');
    });
}

function SettingsPage(props: { admin: AdminFrame; cohort: Cohort; columns: string[]; errors?: FieldErrors; saved?: boolean }) {
  const { cohort } = props;
  return (
    <Layout title={`Matching settings · ${cohort.name}`} admin={props.admin}>
      <p><a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a></p>
      {props.saved && <div class="banner ok" role="status">Settings saved: the next proposal uses them.</div>}
      <SettingsForm action={`/admin/cohorts/${cohort.slug}/matching/settings`} csrf={props.admin.csrf} settings={cohort.matchSettings ?? DEFAULT_MATCH_SETTINGS}
        columns={props.columns} errors={props.errors ?? {}} title="Matching settings" submit="Save settings" />
    </Layout>
  );
}
