import type { Context } from 'hono';
import { getCohort, type Cohort } from '../../db/cohorts.js';
import { getPair, type Pair } from '../../db/matching.js';
import { getParticipant, type Participant } from '../../db/participants.js';
import type { LinkScope } from '../../domain/link-tokens.js';
import type { WebDeps } from '../deps.js';
import { MessagePage } from '../views/Layout.js';

export interface PairLink {
  pair: Pair;
  cohort: Cohort;
  participant: Participant;
  partner: Participant;
  /** What follows the pair id in the link's subject, e.g. the check-in round of `pair#round`. */
  detail: string | undefined;
}

/**
 * Resolves a party's personal link about their pair (charter, check-in, final survey) to the people it
 * concerns, or to the page that explains why it cannot be used: expired, altered, or not theirs.
 */
export async function resolvePairLink(c: Context, { sql, links }: Pick<WebDeps, 'sql' | 'links'>, scope: LinkScope, expired: string): Promise<PairLink | Response> {
  const check = links.verify(c.req.param('token') ?? '', scope);
  if (!check.ok && check.reason === 'expired') {
    return c.html(<MessagePage title="This link has expired"><p>{expired} Contact your programme's organisers if you still need help.</p></MessagePage>, 410);
  }
  const [pairId, detail] = check.ok ? check.claims.subjectId.split('#') : [];
  const pair = pairId ? await getPair(sql, pairId) : undefined;
  const participantId = check.ok ? check.claims.participantId : '';
  if (!pair || (pair.menteeId !== participantId && pair.mentorId !== participantId)) {
    return c.html(<MessagePage title="This link is not valid"><p>Check that you opened the whole link from your email; links cannot be shared or altered.</p></MessagePage>, 404);
  }
  const [cohort, participant, partner] = await Promise.all([
    getCohort(sql, pair.cohortId),
    getParticipant(sql, participantId),
    getParticipant(sql, pair.menteeId === participantId ? pair.mentorId : pair.menteeId),
  ]);
  return { pair, cohort: cohort!, participant: participant!, partner: partner!, detail };
}
