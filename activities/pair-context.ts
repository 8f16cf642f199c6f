import { openWindow, pairWindowKey, type PairWindow } from '../db/answers.js';
import { getCohort, type Cohort } from '../db/cohorts.js';
import { getPair, type Pair } from '../db/matching.js';
import { getParticipant, type Participant } from '../db/participants.js';
import type { Sql } from '../db/sql.js';
import { LINK_GRACE_MS, type LinkScope, type LinkSigner } from '../domain/link-tokens.js';
import { translatorFor } from '../i18n/translator.js';
import { notFound } from './not-found.js';
import type { Recipient } from './notifications/catalogue.js';
import type { AlertAdmin } from './notifications/alerts.js';
import type { Notifier } from './notifications/notify.js';

/** What a pair's activities are built from. */
export interface PairActivityDeps {
  sql: Sql;
  notifier: Notifier;
  alertAdmin: AlertAdmin;
  links: LinkSigner;
  publicBaseUrl: string;
}

/** A pair with its cohort and its two people, as every step about it needs them. */
export interface PairContext {
  pair: Pair;
  cohort: Cohort;
  mentee: Participant;
  mentor: Participant;
}

const partnerOf = ({ mentee, mentor }: PairContext, person: Participant) => (person.id === mentee.id ? mentor : mentee);
/** How this person reads Tandem: their language and time zone (or the cohort's). */
const textFor = (context: PairContext, person: Participant) => translatorFor(person, context.cohort);

/** Loading a pair, its people as recipients, their personal links, and the pair's answer windows. */
export function pairTools({ sql, links, publicBaseUrl }: Pick<PairActivityDeps, 'sql' | 'links' | 'publicBaseUrl'>) {
  return {
    async load(pairId: string): Promise<PairContext> {
      const pair = await getPair(sql, pairId);
      if (!pair) throw notFound(`Pair ${pairId}`);
      const [cohort, mentee, mentor] = await Promise.all([
        getCohort(sql, pair.cohortId),
        getParticipant(sql, pair.menteeId),
        getParticipant(sql, pair.mentorId),
      ]);
      if (!cohort || !mentee || !mentor) throw notFound(`Pair ${pairId}'s cohort or people`);
      return { pair, cohort, mentee, mentor };
    },

    /** The pair's people in order, or those of them named. */
    people: ({ mentee, mentor }: PairContext, only?: string[]) => [mentee, mentor].filter((p) => !only || only.includes(p.id)),
    partnerOf,
    recipient: (p: Participant): Recipient => ({ name: p.name, email: p.email, participantId: p.id }),
    textFor,
    /** What every email about the pair says first: to whom, in which language, about which partner and cohort. */
    addressing: (context: PairContext, person: Participant) => {
      const text = textFor(context, person);
      const partner = partnerOf(context, person);
      // A partner erased is not named, even as the row's placeholder.
      return {
        locale: text.locale,
        name: person.name,
        partnerName: partner.erasedAt ? text.t('partner.erased') : partner.name,
        cohortName: context.cohort.name,
      };
    },
    /** A date as this person reads it. */
    when: (context: PairContext, person: Participant, at: string | number | Date) => textFor(context, person).instant(at),

    /** A personal link about the pair, valid a month past its deadline so a late visitor reads "closed". */
    link: (scope: LinkScope, person: Participant, subjectId: string, deadline: string) =>
      `${publicBaseUrl}/${scope}/${links.sign({ scope, participantId: person.id, subjectId, expiresAt: Date.parse(deadline) + LINK_GRACE_MS })}`,

    /** Opens one of the pair's answer windows: from now until `closesAt`, the web accepts answers to it. */
    openWindow: ({ pair, cohort }: PairContext, window: PairWindow, closesAt: string) =>
      openWindow(sql, { ...pairWindowKey(pair.id, window), cohortId: cohort.id, pairId: pair.id, closesAt: new Date(closesAt) }),
  };
}
