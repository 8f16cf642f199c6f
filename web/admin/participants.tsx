import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkForm } from '../form-body.js';
import { recordAudit } from '../../db/audit-log.js';
import type { Cohort } from '../../db/cohorts.js';
import { eraseParticipant, personalDataOf, type PersonalData } from '../../db/personal-data.js';
import { surveyProgress } from '../../db/participants.js';
import { pageOf, searchFor, searchPageSchema } from '../../domain/paging.js';
import type { CohortEnv } from './cohort-loader.js';
import type { WebDeps } from '../deps.js';
import { unlessUnavailable } from '../guards.js';
import { Layout, MessagePage, type AdminFrame } from '../views/Layout.js';
import { PeoplePage } from './PeoplePage.js';
import { PersonalDataPage } from './PersonalDataPage.js';

/** Why a pair ends when one of its parties is erased; the other is offered a new partner. Stored, so in English. */
const ERASED_REASON = 'the other party asked for their data to be erased';

/** Only whether it passes matters: the page says what is missing in the admin's words. */
const eraseFormSchema = z.object({ confirm: z.literal('on') });

/**
 * A participant's data, for the admin answering their requests: everything Tandem holds about them as JSON
 * (GDPR article 15), and its erasure (article 17). Both are written to the cohort's audit log.
 */
export function createParticipantRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  async function load(c: Context<CohortEnv>): Promise<{ cohort: Cohort; data: PersonalData } | Response> {
    const { cohort } = c.var;
    const id = c.req.param('participantId')!;
    const data = z.uuid().safeParse(id).success ? await personalDataOf(sql, id) : undefined;
    if (!data || data.participant.cohortId !== cohort.id) {
      const { t } = c.var.admin.text;
      return c.html(
        <MessagePage text={c.var.admin.text} title={t('admin.participant.notFound.title')}>
          <p>
            {t('admin.participant.notFound.body')} <a href="/admin">{t('admin.pair.allCohorts')}</a>
          </p>
        </MessagePage>,
        404,
      );
    }
    return { cohort, data };
  }

  return new Hono<CohortEnv>()
    .get('/cohorts/:slug/participants/:participantId', async (c) => {
      const found = await load(c);
      if (found instanceof Response) return found;
      return c.html(<ParticipantPage {...found} admin={c.var.admin} erased={c.req.query('notice') === 'erased'} />);
    })

    .get('/cohorts/:slug/participants/:participantId/data.json', async (c) => {
      const found = await load(c);
      if (found instanceof Response) return found;
      await recordAudit(sql, {
        cohortId: found.cohort.id,
        accountId: c.var.account.id,
        action: 'export',
        subjectId: found.data.participant.id,
      });
      c.header('content-disposition', `attachment; filename="tandem-${found.cohort.slug}-${found.data.participant.id}.json"`);
      return c.json({ exportedAt: new Date().toISOString(), ...found.data });
    })

    .get('/cohorts/:slug/participants/:participantId/data', async (c) => {
      const found = await load(c);
      if (found instanceof Response) return found;
      await recordAudit(sql, {
        cohortId: found.cohort.id,
        accountId: c.var.account.id,
        action: 'export',
        subjectId: found.data.participant.id,
      });
      return c.html(<PersonalDataPage {...found} admin={c.var.admin} exportedAt={new Date()} jsonUrl={`${c.req.path}.json`} />);
    })

    .post('/cohorts/:slug/participants/:participantId/erase', async (c) => {
      const found = await load(c);
      if (found instanceof Response) return found;
      const { cohort, data } = found;
      if (!(await checkForm(c, eraseFormSchema)).ok) {
        return c.html(
          <ParticipantPage {...found} admin={c.var.admin} problem={c.var.admin.text.t('admin.participant.erase.unconfirmed')} />,
          422,
        );
      }
      const erasure = (await eraseParticipant(sql, data.participant.id))!;
      if (erasure.erased)
        await recordAudit(sql, {
          cohortId: cohort.id,
          accountId: c.var.account.id,
          action: 'erase',
          subjectId: data.participant.id,
          details: { pairsEnded: erasure.activePairs.length },
        });
      // Their running pairs end as a rematch would end them: the other party is offered a new partner. Sent
      // again after an outage, the erasure is done already and only what is left is asked for.
      for (const pair of erasure.activePairs) {
        unlessUnavailable(
          await workflows.requestRematch(cohort.slug, {
            participantId: pair.partnerId,
            reason: ERASED_REASON,
            requestId: `erased:${pair.pairId}`,
            pairId: pair.pairId,
          }),
        );
      }
      unlessUnavailable(await workflows.forgetParticipant(cohort.slug, data.participant.id));
      return c.redirect(`/admin/cohorts/${cohort.slug}/participants/${data.participant.id}?notice=erased`, 303);
    })

    .get('/cohorts/:slug/people', async (c) => {
      const { cohort } = c.var;
      const { q, page } = searchPageSchema.parse(c.req.query());
      const found = searchFor(q);
      const people = (await surveyProgress(sql, cohort.id)).filter((p) => found(p.name) || found(p.email));
      return c.html(<PeoplePage admin={c.var.admin} cohort={cohort} q={q} people={pageOf(people, page)} />);
    });
}

function ParticipantPage(props: { cohort: Cohort; data: PersonalData; admin: AdminFrame; erased?: boolean; problem?: string }) {
  // The page itself is outside the Layout that provides the language: it reads the admin's own.
  const { t } = props.admin.text;
  const { cohort, data } = props;
  const { participant } = data;
  const base = `/admin/cohorts/${cohort.slug}/participants/${participant.id}`;
  return (
    <Layout title={`${participant.name} · ${cohort.name}`} admin={props.admin}>
      <p>
        <a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a>
      </p>
      <h1>
        {participant.name} <span class="muted">({t(participant.role === 'mentee' ? 'role.mentee' : 'role.mentor')})</span>
      </h1>
      {props.erased && (
        <div class="banner ok" role="status">
          {t('admin.participant.erased')}
        </div>
      )}
      {props.problem && (
        <div class="banner bad" role="alert">
          {props.problem}
        </div>
      )}
      <div class="card">
        <p>
          {t('admin.participant.summary', {
            email: participant.email,
            pairs: data.pairs.length,
            answered: Boolean(data.surveyAnswers),
            emails: data.emails.length,
          })}
        </p>
        <p>
          <a href={`${base}/data`} data-export="html">
            {t('admin.participant.export')}
          </a>{' '}
          ·{' '}
          <a href={`${base}/data.json`} data-export="json">
            {t('admin.participant.export.json')}
          </a>{' '}
          <span class="hint">{t('admin.participant.export.hint')}</span>
        </p>
      </div>
      {!participant.erasedAt && (
        <form method="post" action={`${base}/erase`} class="card">
          <input type="hidden" name="_csrf" value={props.admin.csrf} />
          <h2>{t('admin.participant.erase.title')}</h2>
          <p>{t('admin.participant.erase.body')}</p>
          <label>
            <input type="checkbox" name="confirm" /> {t('admin.participant.erase.confirm', { name: participant.name })}
          </label>
          <p>
            <button type="submit">{t('admin.participant.erase.button')}</button>
          </p>
        </form>
      )}
    </Layout>
  );
}
