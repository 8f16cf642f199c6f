import { checkInAnswersOf, setPairHealth } from '../db/pair-lifecycle.js';
import type { CheckInAnswers } from '../domain/check-in.js';
import { checkInNumber, isMeetingFeedback } from '../domain/programme-format.js';
import type { NewPartnerReason } from '../emails/NewPartnerOffer.js';
import type { Health, HealthReason } from '../domain/pair-health.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import { pairTools, type PairActivityDeps, type PairContext } from './pair-context.js';

/** An offer stays open until the programme ends (the pair's link then says the programme is over). */
const offerValidUntil = ({ cohort, pair }: PairContext) => (cohort.programmeEndsAt ?? pair.createdAt).toISOString();

/** Why someone who wants to go on would be offered a new partner, if they would. */
function newPartnerReason(own: CheckInAnswers | undefined, partner: CheckInAnswers | undefined): NewPartnerReason | undefined {
  if (own?.continue !== 'yes') return undefined;
  if (partner?.continue === 'no') return 'partnerStops';
  if (own.progress?.length && own.progress.every((p) => p === 'achieved')) return 'objectivesMet';
  return undefined;
}

/** A pair's check-ins: the form by link (and reminders), and the health that follows from the answers. */
export function createCheckInActivities(deps: PairActivityDeps) {
  const { sql, notifier, alertAdmin } = deps;
  const tools = pairTools(deps);

  return {
    /** Opens a check-in round: its window, and the form to each party (or, for a reminder, each silent party). */
    async requestCheckIn({
      pairId,
      round,
      closesAt,
      participantIds,
      reminder,
      nudge,
    }: {
      pairId: string;
      round: number;
      closesAt: string;
      participantIds: string[];
      reminder: boolean;
      nudge?: number;
    }): Promise<void> {
      const context = await tools.load(pairId);
      if (!reminder) await tools.openWindow(context, { form: 'check-in', round }, closesAt);
      for (const person of tools.people(context, participantIds)) {
        await notifier.notify(NOTIFICATIONS.checkIn, {
          cohortId: context.cohort.id,
          to: tools.recipient(person),
          says: {
            ...tools.addressing(context, person),
            checkInUrl: tools.link('check-in', person, `${pairId}#${round}`, closesAt),
            closes: tools.when(context, person, closesAt),
            first: checkInNumber(context.cohort.schedule.flash, round) === 1,
            reminder,
            feedback: isMeetingFeedback(context.cohort.schedule.flash, round),
            pairId,
            round,
            ...(nudge ? { nudge } : {}),
          },
        });
      }
    },

    /**
     * The pair's health after a check-in, on the admin pages; anything but "on track" alerts the admin. Then
     * whoever wants to go on is offered a new partner, one click away, when their partner would rather stop
     * or when they have met all their objectives at the review.
     */
    async recordHealth({
      pairId,
      round,
      health,
      reasons,
    }: {
      pairId: string;
      round: number;
      health: Health;
      reasons: (string | HealthReason)[];
    }): Promise<void> {
      const context = await tools.load(pairId);
      await setPairHealth(sql, pairId, health, reasons);
      const answers = await checkInAnswersOf(sql, pairId, round);
      if (health !== 'on-track') {
        // What is in their way, in their words: kept out of the workflow, read from their answers by the admin.
        const blockedIds = tools
          .people(context)
          .filter((p) => answers[p.id]?.blocking)
          .map((p) => p.id);
        await alertAdmin({
          cohortId: context.cohort.id,
          pairId,
          key: `health:${pairId}:${round}`,
          details: {
            kind: 'health',
            menteeId: context.mentee.id,
            mentorId: context.mentor.id,
            atRisk: health === 'at-risk',
            checkIn: round + 1,
            reasons,
            blockedIds,
          },
        });
      }
      // A flash pair's feedback closes its programme: whoever wants more says so by going on as a long pair.
      if (isMeetingFeedback(context.cohort.schedule.flash, round)) return;
      for (const person of tools.people(context)) {
        const reason = newPartnerReason(answers[person.id], answers[tools.partnerOf(context, person).id]);
        if (!reason) continue;
        await notifier.notify(NOTIFICATIONS.newPartnerOffer, {
          cohortId: context.cohort.id,
          to: tools.recipient(person),
          says: {
            ...tools.addressing(context, person),
            reason,
            offerUrl: tools.link('new-partner', person, `${pairId}#${round}`, offerValidUntil(context)),
            pairId,
            round,
          },
        });
      }
    },
  };
}
