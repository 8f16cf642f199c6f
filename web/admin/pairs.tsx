import { pairTimeline } from '../../db/pair-timeline.js';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { recordAudit } from '../../db/audit-log.js';
import { bouncedParticipants } from '../../db/emails.js';
import { getPair } from '../../db/matching.js';
import { listPairAlerts, objectivesOf, signaturesOf } from '../../db/pair-lifecycle.js';
import { reviewRound } from '../../domain/objectives.js';
import { getParticipant } from '../../db/participants.js';
import { checkForm } from '../form-body.js';
import { endPairFormSchema, extendFormSchema, keepBothFormSchema, pauseFormSchema, rematchFormSchema } from '../../domain/pair-actions.js';
import type { MessageKey } from '../../i18n/translator.js';
import type { CohortEnv } from './cohort-loader.js';
import { temporalUiLink, type WebDeps } from '../deps.js';
import { unlessUnavailable } from '../guards.js';
import type { UpdateOutcome } from '../workflow-client.js';
import { MessagePage } from '../views/Layout.js';
import { inWords } from '../views/form.js';
import { PairPage, type FormEcho, type PairView } from './PairPage.js';

/** What each action's redirect (`?notice=`) tells the admin. */
const NOTICES: Partial<Record<string, MessageKey>> = {
  nudged: 'admin.pair.notice.nudged',
  extended: 'admin.pair.notice.extended',
  paused: 'admin.pair.notice.paused',
  resumed: 'admin.pair.notice.resumed',
  'keep-both': 'admin.pair.notice.keepBoth',
  rematch: 'admin.pair.notice.rematch',
  ended: 'admin.pair.notice.ended',
};

/** A pair's page for the admin, and each action on it: a form that becomes a workflow update or signal. */
export function createPairRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  async function load(c: Context<CohortEnv>): Promise<PairView | Response> {
    const { cohort } = c.var;
    const pair = await getPair(sql, c.req.param('pairId')!).catch(() => undefined);
    if (!pair || pair.cohortId !== cohort.id) {
      const { t } = c.var.admin.text;
      return c.html(
        <MessagePage text={c.var.admin.text} title={t('admin.pair.notFound.title')}>
          <p>
            {t('admin.pair.notFound.body')} <a href="/admin">{t('admin.pair.allCohorts')}</a>
          </p>
        </MessagePage>,
        404,
      );
    }
    const [mentee, mentor, state, signatures, objectives, alerts, bounced, timeline] = await Promise.all([
      getParticipant(sql, pair.menteeId),
      getParticipant(sql, pair.mentorId),
      workflows.pairState(pair.workflowId),
      signaturesOf(sql, pair.id),
      objectivesOf(sql, pair.id, reviewRound(cohort.schedule.checkInCount)),
      listPairAlerts(sql, pair.id),
      bouncedParticipants(sql, cohort.id),
      pairTimeline(sql, pair),
    ]);
    const workflowUrl = temporalUiLink(deps.temporalUi, pair.workflowId);
    return {
      cohort,
      pair,
      mentee: mentee!,
      mentor: mentor!,
      state,
      signatures,
      objectives,
      alerts,
      timeline,
      workflowUrl,
      bounced: bounced.filter((b) => b.participantId === pair.menteeId || b.participantId === pair.mentorId),
    };
  }

  /**
   * One admin action: the form is checked against its schema (errors shown beside that form, with what was
   * typed), then the workflow decides; its refusal ("already paused") is shown in the admin's words.
   */
  function action<S extends z.ZodType>(
    form: FormEcho['form'] | 'nudge' | 'resume',
    schema: S | undefined,
    notice: string,
    run: (view: PairView, values: z.output<S>) => Promise<UpdateOutcome<unknown>>,
  ) {
    return async (c: Context<CohortEnv>) => {
      const view = await load(c);
      if (view instanceof Response) return view;
      const checked = schema && (await checkForm(c, schema));
      if (checked && !checked.ok) {
        const errors = inWords(checked.problems, c.var.admin.text);
        return c.html(
          <PairPage {...view} admin={c.var.admin} echo={{ form: form as FormEcho['form'], errors, values: checked.values }} />,
          422,
        );
      }
      // Temporal away: the 503 page keeps the form as typed, to send again.
      const outcome = unlessUnavailable(await run(view, checked?.data as z.output<S>));
      if (outcome.ok) {
        await recordAudit(sql, { cohortId: view.cohort.id, accountId: c.var.account.id, action: `pair ${form}`, subjectId: view.pair.id });
        const finishing = outcome.finishing ? '&finishing' : '';
        return c.redirect(`/admin/cohorts/${view.cohort.slug}/pairs/${view.pair.id}?notice=${notice}${finishing}`, 303);
      }
      return c.html(
        <PairPage {...((await load(c)) as PairView)} admin={c.var.admin} problem={c.var.admin.text.t(`refusal.${outcome.code}`)} />,
        409,
      );
    };
  }

  return new Hono<CohortEnv>()
    .get('/cohorts/:slug/pairs/:pairId', async (c) => {
      const view = await load(c);
      if (view instanceof Response) return view;
      const { t } = c.var.admin.text;
      const notice = NOTICES[c.req.query('notice') ?? ''];
      // Taken by the pair, its emails still on their way (the mail service slow or down): the admin need not act again.
      const finishing = notice && c.req.query('finishing') !== undefined ? ` ${t('admin.pair.notice.finishing')}` : '';
      return c.html(<PairPage {...view} admin={c.var.admin} notice={notice && t(notice) + finishing} />);
    })
    .post(
      '/cohorts/:slug/pairs/:pairId/nudge',
      action('nudge', undefined, 'nudged', ({ pair }) => workflows.nudgePair(pair.workflowId)),
    )
    .post(
      '/cohorts/:slug/pairs/:pairId/extend',
      action('extend', extendFormSchema, 'extended', ({ pair }, form) =>
        workflows.extendDeadline(pair.workflowId, form.by, form.requestId),
      ),
    )
    .post(
      '/cohorts/:slug/pairs/:pairId/pause',
      action('pause', pauseFormSchema, 'paused', ({ pair }, form) => workflows.pausePair(pair.workflowId, form.reason)),
    )
    .post(
      '/cohorts/:slug/pairs/:pairId/resume',
      action('resume', undefined, 'resumed', ({ pair }) => workflows.resumePair(pair.workflowId)),
    )
    .post(
      '/cohorts/:slug/pairs/:pairId/keep-both',
      action('keep-both', keepBothFormSchema, 'keep-both', ({ pair }, form) => workflows.keepBoth(pair.workflowId, form.keepBoth)),
    )
    .post(
      '/cohorts/:slug/pairs/:pairId/rematch',
      action('rematch', rematchFormSchema, 'rematch', async ({ cohort, pair }, form) => {
        if (form.participantId !== pair.menteeId && form.participantId !== pair.mentorId)
          return { ok: false, reason: 'invalid', code: 'not-in-pair' } as const;
        return workflows.requestRematch(cohort.slug, { ...form, pairId: pair.id });
      }),
    )
    .post(
      '/cohorts/:slug/pairs/:pairId/end',
      action('end', endPairFormSchema, 'ended', ({ pair }, form) =>
        workflows.endPair(pair.workflowId, form.reason === 'other' ? form.details : form.reason),
      ),
    );
}
