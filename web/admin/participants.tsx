import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { auditLogOf, recordAudit } from '../../db/audit-log.js';
import { getCohortBySlug, type Cohort } from '../../db/cohorts.js';
import { eraseParticipant, personalDataOf, type PersonalData } from '../../db/personal-data.js';
import { plural } from '../../domain/format.js';
import type { AdminEnv } from '../auth.js';
import type { WebDeps } from '../deps.js';
import { unlessUnavailable } from '../guards.js';
import { Layout, MessagePage, type AdminFrame } from '../views/Layout.js';

/** Why a pair ends when one of its parties is erased; the other is offered a new partner. */
const ERASED_REASON = 'the other party asked for their data to be erased';

const eraseFormSchema = z.object({ confirm: z.literal('on', { error: 'Tick the box to confirm: erasure cannot be undone.' }) });

/**
 * A participant's data, for the admin answering their requests: everything Tandem holds about them as JSON
 * (GDPR article 15), and its erasure (article 17). Both are written to the cohort's audit log.
 */
export function createParticipantRoutes(deps: WebDeps) {
  const { sql, workflows } = deps;

  async function load(c: Context<AdminEnv>): Promise<{ cohort: Cohort; data: PersonalData } | Response> {
    const cohort = await getCohortBySlug(sql, c.req.param('slug')!);
    const id = c.req.param('participantId')!;
    const data = cohort && z.uuid().safeParse(id).success ? await personalDataOf(sql, id) : undefined;
    if (!cohort || !data || data.participant.cohortId !== cohort.id) {
      return c.html(<MessagePage title="No such participant"><p>This person is not in this cohort. <a href="/admin">All cohorts</a></p></MessagePage>, 404);
    }
    return { cohort, data };
  }

  return new Hono<AdminEnv>()
    .get('/cohorts/:slug/participants/:participantId', async (c) => {
      const found = await load(c);
      if (found instanceof Response) return found;
      return c.html(<ParticipantPage {...found} admin={c.var.admin} erased={c.req.query('notice') === 'erased'} />);
    })

    .get('/cohorts/:slug/participants/:participantId/data.json', async (c) => {
      const found = await load(c);
      if (found instanceof Response) return found;
      await recordAudit(sql, { cohortId: found.cohort.id, actor: c.var.adminUser, action: 'export', subjectId: found.data.participant.id });
      c.header('content-disposition', `attachment; filename="tandem-${found.cohort.slug}-${found.data.participant.id}.json"`);
      return c.json({ exportedAt: new Date().toISOString(), ...found.data });
    })

    .post('/cohorts/:slug/participants/:participantId/erase', async (c) => {
      const found = await load(c);
      if (found instanceof Response) return found;
      const { cohort, data } = found;
      if (!eraseFormSchema.safeParse(await c.req.parseBody()).success) {
        return c.html(<ParticipantPage {...found} admin={c.var.admin} problem="Tick the box to confirm: erasure cannot be undone." />, 422);
      }
      const erasure = (await eraseParticipant(sql, data.participant.id))!;
      if (erasure.erased) await recordAudit(sql, { cohortId: cohort.id, actor: c.var.adminUser, action: 'erase', subjectId: data.participant.id, details: { pairsEnded: erasure.activePairs.length } });
      // Their running pairs end as a rematch would end them: the other party is offered a new partner. Sent
      // again after an outage, the erasure is done already and only what is left is asked for.
      for (const pair of erasure.activePairs) {
        unlessUnavailable(await workflows.requestRematch(cohort.slug, { participantId: pair.partnerId, reason: ERASED_REASON, requestId: `erased:${pair.pairId}`, pairId: pair.pairId }));
      }
      unlessUnavailable(await workflows.forgetParticipant(cohort.slug, data.participant.id));
      return c.redirect(`/admin/cohorts/${cohort.slug}/participants/${data.participant.id}?notice=erased`, 303);
    })

    .get('/cohorts/:slug/audit', async (c) => {
      const cohort = await getCohortBySlug(sql, c.req.param('slug'));
      if (!cohort) return c.html(<MessagePage title="No such cohort"><p><a href="/admin">All cohorts</a></p></MessagePage>, 404);
      const entries = await auditLogOf(sql, cohort.id);
      return c.html(
        <Layout title={`Audit log · ${cohort.name}`} admin={c.var.admin}>
          <p><a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a></p>
          <h1>Audit log</h1>
          <p class="hint">Exports and erasures of participants' data, and the admins' actions on pairs, newest first.</p>
          <table>
            <thead><tr><th>When</th><th>Who</th><th>What</th><th>On</th></tr></thead>
            <tbody>{entries.map((e) => <tr data-audit={e.action}><td>{c.var.admin.text.instant(e.at)}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.subjectId}</td></tr>)}</tbody>
          </table>
        </Layout>,
      );
    });
}

function ParticipantPage(props: { cohort: Cohort; data: PersonalData; admin: AdminFrame; erased?: boolean; problem?: string }) {
  const { cohort, data } = props;
  const { participant } = data;
  const base = `/admin/cohorts/${cohort.slug}/participants/${participant.id}`;
  return (
    <Layout title={`${participant.name} · ${cohort.name}`} admin={props.admin}>
      <p><a href={`/admin/cohorts/${cohort.slug}`}>← {cohort.name}</a></p>
      <h1>{participant.name} <span class="muted">({participant.role})</span></h1>
      {props.erased && <div class="banner ok" role="status">Erased: Tandem no longer holds this person's name, email or words; their pairs have ended and each partner is offered a new one.</div>}
      {props.problem && <div class="banner bad" role="alert">{props.problem}</div>}
      <div class="card">
        <p>{participant.email} · {plural(data.pairs.length, 'pair')} · survey {data.surveyAnswers ? 'answered' : 'not answered'} · {plural(data.emails.length, 'email')} sent</p>
        <p><a href={`${base}/data.json`} data-export>Download everything Tandem holds about them (JSON)</a> <span class="hint">for an access request; the download is written to the audit log</span></p>
      </div>
      {!participant.erasedAt && (
        <form method="post" action={`${base}/erase`} class="card">
          <input type="hidden" name="_csrf" value={props.admin.csrf} />
          <h2>Erase this person</h2>
          <p>Their name, email, survey answers and everything they wrote are removed or replaced by "[erased]" wherever Tandem copied them; ratings and counts stay, so the cohort's report keeps its figures. A running pair ends and the other party is offered a new partner. Tandem's workflows start a fresh history without them. This cannot be undone.</p>
          <label><input type="checkbox" name="confirm" /> I confirm: erase {participant.name}'s personal data</label>
          <p><button type="submit">Erase</button></p>
        </form>
      )}
    </Layout>
  );
}
