import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkInAnswersOf } from '../../db/pair-lifecycle.js';
import type { WebDeps } from '../deps.js';
import { checkForm } from '../form-body.js';
import { unlessUnavailable } from '../guards.js';
import { Layout } from '../views/Layout.js';
import { Language } from '../views/language.js';
import { messageTo, resolvePairLink, type PairLink, languageMenuOf } from './pair-link.js';
import { LanguageMenu } from './LanguageMenu.js';

/** Why the pair ends, as the admin's pages and the report show it. */
const REASON = 'asked for a new partner at a check-in';
/** The offer's one field: its request id, which makes a double click one request. */
const offerFormSchema = z.object({ requestId: z.uuid() });

function OfferPage(props: PairLink & { action: string }) {
  const { t } = props.text;
  return (
    <Language.Provider value={props.text}>
      <Layout title={t('newPartnerPage.title', { cohort: props.cohort.name })}>
        <LanguageMenu action={`${props.action}/language`} />
        <h1>{t('newPartnerPage.title', { cohort: props.cohort.name })}</h1>
        <form method="post" action={props.action} class="card">
          <p>{t('newPartnerPage.body', { partner: props.partner.name })}</p>
          <input type="hidden" name="requestId" value={randomUUID()} />
          <p>
            <button type="submit">{t('newPartnerPage.confirm')}</button>
          </p>
        </form>
      </Layout>
    </Language.Provider>
  );
}

/**
 * The new partner offered by email to whoever wants to go on when their partner would rather stop, or who has
 * met all their objectives at the review: /new-partner/<pair#round token>. The link opens a page with one
 * button (a link alone must not act: mail scanners open links), which ends the pair and puts this person in
 * the next matching round, with their partner only if that partner said they want to go on.
 */
export function createNewPartnerRoutes({ sql, links, workflows }: WebDeps) {
  const resolve = (c: Context) => resolvePairLink(c, { sql, links }, 'new-partner');
  const page = (
    c: Context,
    link: PairLink,
    title: 'newPartnerPage.done.title' | 'newPartnerPage.over.title',
    body: 'newPartnerPage.done.body' | 'newPartnerPage.over.body',
  ) =>
    c.html(
      <Language.Provider value={link.text}>
        <Layout title={link.text.t(title)}>
          <div class="card">
            <h1>{link.text.t(title)}</h1>
            <p>{link.text.t(body, { partner: link.partner.name })}</p>
          </div>
        </Layout>
      </Language.Provider>,
      title === 'newPartnerPage.over.title' ? 410 : 200,
    );
  /** An ended pair: ended by this offer (the link opened again), or otherwise before it was taken up. */
  const ended = (c: Context, link: PairLink) =>
    link.pair.endedReason === REASON
      ? page(c, link, 'newPartnerPage.done.title', 'newPartnerPage.done.body')
      : page(c, link, 'newPartnerPage.over.title', 'newPartnerPage.over.body');

  return new Hono()
    .post('/:token/language', languageMenuOf({ sql, links }, 'new-partner'))
    .get('/:token', async (c) => {
      const link = await resolve(c);
      if (link instanceof Response) return link;
      if (link.pair.status !== 'active') return ended(c, link);
      return c.html(<OfferPage {...link} action={c.req.path} />);
    })
    .post('/:token', async (c) => {
      const link = await resolve(c);
      if (link instanceof Response) return link;
      if (link.pair.status !== 'active') return ended(c, link);
      // Sent twice while the pair still runs (a double click), the form is one request: its id is the update's.
      const form = await checkForm(c, offerFormSchema);
      // A partner who said at that check-in that they want to go on is matched again too; otherwise they give up the place.
      const partnerGoesOn =
        link.detail !== undefined && (await checkInAnswersOf(sql, link.pair.id, Number(link.detail)))[link.partner.id]?.continue === 'yes';
      const outcome = unlessUnavailable(
        await workflows.requestRematch(link.cohort.slug, {
          participantId: link.participant.id,
          pairId: link.pair.id,
          reason: REASON,
          requestId: form.ok ? form.data.requestId : randomUUID(),
          alone: !partnerGoesOn,
        }),
      );
      if (!outcome.ok) return messageTo(c, link, 'newPartnerPage.over.title', 'link.expired.newPartner', 410);
      return page(c, link, 'newPartnerPage.done.title', 'newPartnerPage.done.body');
    });
}
