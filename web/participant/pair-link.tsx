import type { Context } from 'hono';
import { getCohort, type Cohort } from '../../db/cohorts.js';
import { getPair, type Pair } from '../../db/matching.js';
import { getParticipant, type Participant } from '../../db/participants.js';
import type { LinkScope } from '../../domain/link-tokens.js';
import { preferredLocale } from '../../i18n/locales.js';
import { translator, translatorFor, type MessageKey, type Translator } from '../../i18n/translator.js';
import type { WebDeps } from '../deps.js';
import { MessagePage } from '../views/Layout.js';
import { erasedLink } from './erased-link.js';
import { applyLanguageMenu } from './LanguageMenu.js';

export interface PairLink {
  pair: Pair;
  cohort: Cohort;
  participant: Participant;
  partner: Participant;
  /** What follows the pair id in the link's subject, e.g. the check-in round of `pair#round`. */
  detail: string | undefined;
  /** The participant's language: their pages and errors are written in it. */
  text: Translator;
}

const EXPIRED = {
  charter: 'link.expired.charter',
  'check-in': 'link.expired.checkIn',
  'final-survey': 'link.expired.finalSurvey',
  'new-partner': 'link.expired.newPartner',
} as const;

/**
 * Resolves a party's personal link about their pair (charter, check-in, final survey, new partner) to the people it
 * concerns, or to the page that explains why it cannot be used: expired, altered, or not theirs (in the
 * browser's language, since the link names nobody we can trust).
 */
export async function resolvePairLink(
  c: Context,
  { sql, links }: Pick<WebDeps, 'sql' | 'links'>,
  scope: keyof typeof EXPIRED,
): Promise<PairLink | Response> {
  const check = links.verify(c.req.param('token') ?? '', scope satisfies LinkScope);
  const browser = translator(preferredLocale(c.req.header('accept-language')));
  if (!check.ok && check.reason === 'expired') {
    return c.html(
      <MessagePage text={browser} title={browser.t('link.expired.title')}>
        <p>
          {browser.t(EXPIRED[scope])} {browser.t('link.expired.help')}
        </p>
      </MessagePage>,
      410,
    );
  }
  const [pairId, detail] = check.ok ? check.claims.subjectId.split('#') : [];
  const pair = pairId ? await getPair(sql, pairId) : undefined;
  const participantId = check.ok ? check.claims.participantId : '';
  if (!pair || (pair.menteeId !== participantId && pair.mentorId !== participantId)) {
    return c.html(
      <MessagePage text={browser} title={browser.t('link.invalid.title')}>
        <p>{browser.t('link.invalid.body')}</p>
      </MessagePage>,
      404,
    );
  }
  const [cohort, participant, partner] = await Promise.all([
    getCohort(sql, pair.cohortId),
    getParticipant(sql, participantId),
    getParticipant(sql, pair.menteeId === participantId ? pair.mentorId : pair.menteeId),
  ]);
  if (participant!.erasedAt) return erasedLink(c);
  return { pair, cohort: cohort!, participant: participant!, partner: partner!, detail, text: translatorFor(participant!, cohort!) };
}

/** The language menu of a pair's pages (see LanguageMenu.tsx). */
export const languageMenuOf =
  (deps: Pick<WebDeps, 'sql' | 'links'>, scope: keyof typeof EXPIRED) =>
  async (c: Context): Promise<Response> => {
    const found = await resolvePairLink(c, deps, scope);
    return found instanceof Response ? found : applyLanguageMenu(c, deps.sql, found.participant.id);
  };

/** A page about the pair that only says something (thanks, closed, paused), in the participant's language. */
export const messageTo = (c: Context, { text }: PairLink, title: MessageKey, body: MessageKey, status: 200 | 409 | 410 = 200) =>
  c.html(
    <MessagePage text={text} title={text.t(title)}>
      <p>{text.t(body)}</p>
    </MessagePage>,
    status,
  );
