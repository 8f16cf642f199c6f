import { moveWindow, pairWindowKey } from '../db/answers.js';
import { endPair, otherActivePartners } from '../db/matching.js';
import { markLeft, setPairStage } from '../db/pair-lifecycle.js';
import type { Participant } from '../db/participants.js';
import { getSurveyAnswers } from '../db/survey-answers.js';
import { describeAgain } from '../matching/criteria.js';
import type { Mentee, Mentor } from '../matching/profiles.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import { pairTools, type PairActivityDeps, type PairContext } from './pair-context.js';
import { textOf } from '../domain/cohort-texts.js';
import type { CharterToSign, PartnerProfile } from '../emails/MatchIntroduction.js';

/** A pair from its introduction to its start: the match email, the charter and its reminders, the kick-off or the dissolution. */
export function createCharterActivities(deps: PairActivityDeps) {
  const { sql, notifier, alertAdmin } = deps;
  const tools = pairTools(deps);

  /** The charter as one party reads it, with their link to sign it by `deadline`. */
  const charterToSign = (context: PairContext, person: Participant, deadline: string): CharterToSign => ({
    text: textOf(context.cohort, 'charter', tools.textFor(context, person)),
    url: tools.link('charter', person, context.pair.id, deadline),
    deadline: tools.when(context, person, deadline),
  });

  async function sendCharter(context: PairContext, only: string[] | undefined, deadline: string, reminder: boolean, nudge?: number) {
    for (const person of tools.people(context, only)) {
      const charter = charterToSign(context, person, deadline);
      await notifier.notify(NOTIFICATIONS.charter, {
        cohortId: context.cohort.id,
        to: tools.recipient(person),
        says: {
          ...tools.addressing(context, person),
          charter: charter.text,
          charterUrl: charter.url,
          deadline: charter.deadline,
          reminder,
          pairId: context.pair.id,
          ...(nudge ? { nudge } : {}),
        },
      });
    }
  }

  /**
   * The match email, to each of the two: who their partner is, why they fit, and the charter to sign by
   * `deadline` (for pairs from before, what comes next instead).
   */
  async function introduce(context: PairContext, deadline?: string) {
    const met = context.pair.criteria.filter((c) => c.met);
    const [menteeAnswers, mentorAnswers] = await Promise.all([
      getSurveyAnswers(sql, context.mentee.id),
      getSurveyAnswers(sql, context.mentor.id),
    ]);
    /** Why they fit, in this person's words, from their answers (a pair's criteria keep no words of theirs). */
    const reasonsFor = (person: Participant) => {
      if (!menteeAnswers || !mentorAnswers) return met.flatMap((c) => (c.reason ? [c.reason] : [])); // runs before 019 kept them
      const mentee = { ...context.mentee, answers: menteeAnswers.answers } as Mentee;
      const mentor = { ...context.mentor, answers: mentorAnswers.answers } as Mentor;
      return met.map((c) => describeAgain(c, mentee, mentor, tools.textFor(context, person)));
    };
    /** The partner as their survey describes them: what the email shows to break the ice. */
    const profileOf = (partner: Participant): PartnerProfile | undefined => {
      const answers = (partner.id === context.mentee.id ? menteeAnswers : mentorAnswers)?.answers;
      if (!answers || partner.erasedAt) return undefined;
      return {
        field: answers.field,
        languages: answers.languages,
        topics: answers.role === 'mentee' ? answers.helpWith : answers.offers,
      };
    };
    for (const person of tools.people(context)) {
      const partner = profileOf(tools.partnerOf(context, person));
      await notifier.notify(NOTIFICATIONS.matchIntroduction, {
        cohortId: context.cohort.id,
        to: tools.recipient(person),
        says: {
          ...tools.addressing(context, person),
          role: person.role,
          reasons: reasonsFor(person),
          ...(partner ? { partner } : {}),
          ...(deadline ? { charter: charterToSign(context, person, deadline) } : {}),
          pairId: context.pair.id,
        },
      });
    }
  }

  return {
    /** The match email alone, for pairs started before it carried the charter (patch introduction-with-charter). */
    async sendMatchIntroduction({ pairId }: { pairId: string }): Promise<void> {
      await introduce(await tools.load(pairId));
    },

    /** Opens the charter's window and emails it to both: within their introduction for a new pair, else alone. */
    async openCharter({
      pairId,
      deadline,
      introduce: withIntroduction,
    }: {
      pairId: string;
      deadline: string;
      introduce?: boolean;
    }): Promise<void> {
      const context = await tools.load(pairId);
      await setPairStage(sql, pairId, 'charter');
      await tools.openWindow(context, { form: 'charter' }, deadline);
      if (withIntroduction) await introduce(context, deadline);
      else await sendCharter(context, undefined, deadline, false);
    },
    async remindCharter({
      pairId,
      participantIds,
      deadline,
      nudge,
    }: {
      pairId: string;
      participantIds: string[];
      deadline: string;
      nudge?: number;
    }): Promise<void> {
      await sendCharter(await tools.load(pairId), participantIds, deadline, true, nudge);
    },

    async saveCharterDeadline({ pairId, deadline }: { pairId: string; deadline: string }): Promise<void> {
      await moveWindow(sql, pairWindowKey(pairId, { form: 'charter' }), new Date(deadline));
    },

    async alertCharterUnsigned({
      pairId,
      participantIds,
      deadline,
    }: {
      pairId: string;
      participantIds: string[];
      deadline: string;
    }): Promise<void> {
      const { cohort, mentee, mentor } = await tools.load(pairId);
      await alertAdmin({
        cohortId: cohort.id,
        pairId,
        key: `charter-unsigned:${pairId}`,
        details: {
          kind: 'charter-unsigned',
          menteeId: mentee.id,
          mentorId: mentor.id,
          missingIds: [mentee.id, mentor.id].filter((id) => participantIds.includes(id)),
          deadline,
        },
      });
    },

    /**
     * The pair starts: each other's contact, the charter, the check-in dates (a flash pair: the date of its
     * feedback). `continued`: a flash pair both of whose parties chose to go on as a long pair, until `endsAt`.
     */
    async kickOffPair({
      pairId,
      checkIns,
      endsAt,
      continued = false,
    }: {
      pairId: string;
      checkIns: string[];
      endsAt?: string;
      continued?: boolean;
    }): Promise<void> {
      const context = await tools.load(pairId);
      const flash = continued ? undefined : context.cohort.schedule.flash;
      await setPairStage(sql, pairId, 'active');
      for (const person of tools.people(context)) {
        const partner = tools.partnerOf(context, person);
        const when = (instant: string | Date) => tools.when(context, person, instant);
        await notifier.notify(NOTIFICATIONS.kickOff, {
          cohortId: context.cohort.id,
          to: tools.recipient(person),
          says: {
            ...tools.addressing(context, person),
            partnerEmail: partner.email,
            partnerRole: partner.role,
            charter: textOf(context.cohort, 'charter', tools.textFor(context, person)),
            checkIns: flash ? [] : checkIns.map(when),
            programmeEnd: when(endsAt ?? context.cohort.programmeEndsAt!),
            pairId,
            continued,
            ...(flash ? { flash: { meetings: flash.meetings, by: when(checkIns[0]!) } } : {}),
          },
        });
      }
    },

    /**
     * The charter was not signed by both in time: the pair ends, whoever signed (or both, if the admin so
     * decided) is offered a new partner for this place, and everyone is told. Whoever did not sign gives up
     * this place only: they leave the programme unless they go on in another pair (a mentor of several).
     */
    async dissolvePair({
      pairId,
      signedIds,
      rematchIds = signedIds,
    }: {
      pairId: string;
      signedIds: string[];
      rematchIds?: string[];
    }): Promise<void> {
      const context = await tools.load(pairId);
      const people = tools.people(context);
      await endPair(sql, pairId, 'charter not signed in time', rematchIds);
      await setPairStage(sql, pairId, 'dissolved');
      const goesOnWith = new Map(await Promise.all(people.map(async (p) => [p.id, await otherActivePartners(sql, p.id, pairId)] as const)));
      await markLeft(
        sql,
        people.filter((p) => !rematchIds.includes(p.id) && goesOnWith.get(p.id)!.length === 0).map((p) => p.id),
      );
      for (const person of people) {
        await notifier.notify(NOTIFICATIONS.pairDissolved, {
          cohortId: context.cohort.id,
          to: tools.recipient(person),
          says: {
            ...tools.addressing(context, person),
            staysInProgramme: rematchIds.includes(person.id),
            signed: signedIds.includes(person.id),
            goesOnWith: goesOnWith.get(person.id)!,
            pairId,
          },
        });
      }
      await alertAdmin({
        cohortId: context.cohort.id,
        pairId,
        key: `pair-dissolved:${pairId}`,
        details: { kind: 'pair-dissolved', menteeId: context.mentee.id, mentorId: context.mentor.id },
      });
    },
  };
}
