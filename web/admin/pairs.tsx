import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { recordAudit } from '../../db/audit-log.js';
import { getCohortBySlug } from '../../db/cohorts.js';
import { bouncedParticipants } from '../../db/emails.js';
import { getPair } from '../../db/matching.js';
import { listPairAlerts, signaturesOf } from '../../db/pair-lifecycle.js';
import { getParticipant } from '../../db/participants.js';
import { endPairFormSchema, extendFormSchema, keepBothFormSchema, pauseFormSchema, rematchFormSchema } from '../../domain/pair-actions.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { unlessUnavailable } from '../guards.js';
import type { UpdateOutcome } from '../workflow-client.js';
import { MessagePage } from '../views/Layout.js';
import type { FieldErrors } from '../views/form.js';
import { PairPage, type FormEcho, type PairView } from './PairPage.js';

const NOTICES: Record<string, string> = {
  nudged: 'Reminder sent to whoever the pair is waiting for.',
  extended: 'Deadline extended; whoever has not answered is told the new date.',
  paused: 'The pair is paused; both parties are told why.',
  resumed: 'The pair resumes; both parties are told what comes next.',
  'keep-both': 'Choice saved.',
  rematch: 'The pair has ended; a new partner will be proposed in the next matching round.',
  ended: 'The pair is ending; with objectives achieved it first receives its final survey.',
};

/** A pair's page for the admin, and each action on it: a form that becomes a workflow update or signal. */
export function createPairRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  async function load(c: Context<AdminEnv>): Promise<PairView | Response> {
    const [cohort, pair] = await Promise.all([getCohortBySlug(sql, c.req.param('slug')!), getPair(sql, c.req.param('pairId')!).catch(() => undefined)]);
    if (!cohort || !pair || pair.cohortId !== cohort.id) {
      return c.html(<MessagePage title="No such pair"><p>This pair is not in this cohort. <a href="/admin">All cohorts</a></p></MessagePage>, 404);
    }
    const [mentee, mentor, state, signatures, alerts, bounced] = await Promise.all([
      getParticipant(sql, pair.menteeId), getParticipant(sql, pair.mentorId), workflows.pairState(pair.workflowId), signaturesOf(sql, pair.id), listPairAlerts(sql, pair.id), bouncedParticipants(sql, cohort.id),
    ]);
    const workflowUrl = `${deps.temporalUi.url}/namespaces/${encodeURIComponent(deps.temporalUi.namespace)}/workflows/${encodeURIComponent(pair.workflowId)}`;
    return { cohort, pair, mentee: mentee!, mentor: mentor!, state, signatures, alerts, workflowUrl, bounced: bounced.filter((b) => b.participantId === pair.menteeId || b.participantId === pair.mentorId) };
  }

  /**
   * One admin action: the form is checked against its schema (errors shown beside that form, with what was
   * typed), then the workflow decides; its refusal ("already paused") is shown as it says it.
   */
  function action<S extends z.ZodType>(form: FormEcho['form'] | 'nudge' | 'resume', schema: S | undefined, notice: string, run: (view: PairView, values: z.output<S>) => Promise<UpdateOutcome<unknown>>) {
    return async (c: Context<AdminEnv>) => {
      const view = await load(c);
      if (view instanceof Response) return view;
      const body = await c.req.parseBody();
      const parsed = schema?.safeParse(body);
      if (parsed && !parsed.success) {
        const values = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
        const errors: FieldErrors = {};
        for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
        return c.html(<PairPage {...view} admin={c.var.admin} echo={{ form: form as FormEcho['form'], errors, values }} />, 422);
      }
      // Temporal away: the 503 page keeps the form as typed, to send again.
      const outcome = unlessUnavailable(await run(view, parsed?.data as z.output<S>));
      if (outcome.ok) {
        await recordAudit(sql, { cohortId: view.cohort.id, actor: c.var.adminUser, action: `pair ${form}`, subjectId: view.pair.id });
        return c.redirect(`/admin/cohorts/${view.cohort.slug}/pairs/${view.pair.id}?notice=${notice}`, 303);
      }
      return c.html(<PairPage {...(await load(c) as PairView)} admin={c.var.admin} problem={outcome.message} />, 409);
    };
  }

  return new Hono<AdminEnv>()
    .get('/cohorts/:slug/pairs/:pairId', async (c) => {
      const view = await load(c);
      if (view instanceof Response) return view;
      return c.html(<PairPage {...view} admin={c.var.admin} notice={NOTICES[c.req.query('notice') ?? '']} />);
    })
    .post('/cohorts/:slug/pairs/:pairId/nudge', action('nudge', undefined, 'nudged', ({ pair }) => workflows.nudgePair(pair.workflowId)))
    .post('/cohorts/:slug/pairs/:pairId/extend', action('extend', extendFormSchema, 'extended', ({ pair }, form) => workflows.extendDeadline(pair.workflowId, form.by, form.requestId)))
    .post('/cohorts/:slug/pairs/:pairId/pause', action('pause', pauseFormSchema, 'paused', ({ pair }, form) => workflows.pausePair(pair.workflowId, form.reason)))
    .post('/cohorts/:slug/pairs/:pairId/resume', action('resume', undefined, 'resumed', ({ pair }) => workflows.resumePair(pair.workflowId)))
    .post('/cohorts/:slug/pairs/:pairId/keep-both', action('keep-both', keepBothFormSchema, 'keep-both', ({ pair }, form) => workflows.keepBoth(pair.workflowId, form.keepBoth)))
    .post('/cohorts/:slug/pairs/:pairId/rematch', action('rematch', rematchFormSchema, 'rematch', async ({ cohort, pair }, form) => {
      if (form.participantId !== pair.menteeId && form.participantId !== pair.mentorId) return { ok: false, reason: 'invalid', message: 'Choose the mentee or the mentor of this pair.' };
      return workflows.requestRematch(cohort.slug, { ...form, pairId: pair.id });
    }))
    .post('/cohorts/:slug/pairs/:pairId/end', action('end', endPairFormSchema, 'ended', ({ pair }, form) => workflows.endPair(pair.workflowId, form.reason === 'other' ? form.details : form.reason)));
}
