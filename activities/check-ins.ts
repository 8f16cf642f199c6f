import { setPairHealth } from '../db/pair-lifecycle.js';
import { checkInNumber, isMeetingFeedback } from '../domain/programme-format.js';
import type { Health, HealthReason, NewPartnerReason } from '../domain/pair-health.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import { pairTools, type PairActivityDeps, type PairContext } from './pair-context.js';

/** An offer stays open until the programme ends (the pair's link then says the programme is over). */
const offerValidUntil = ({ cohort, pair }: PairContext) => (cohort.programmeEndsAt ?? pair.createdAt).toISOString();

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
     * What the pair's workflow decided of a closed round: its health, on the admin pages (anything but "on
     * track" alerts the admin, who reads what is in the way of `blockedIds` in their answers), and a new
     * partner offered, one click away, to whoever it names. A call scheduled by the release before carries no
     * `blockedIds` or `offers`.
     */
    async recordHealth({
      pairId,
      round,
      health,
      reasons,
      blockedIds = [],
      offers = [],
    }: {
      pairId: string;
      round: number;
      health: Health;
      reasons: HealthReason[];
      blockedIds?: string[];
      offers?: { participantId: string; reason: NewPartnerReason }[];
    }): Promise<void> {
      const context = await tools.load(pairId);
      await setPairHealth(sql, pairId, health, reasons);
      if (health !== 'on-track') {
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
      for (const { participantId, reason } of offers) {
        const person = tools.people(context).find((p) => p.id === participantId);
        if (!person) continue;
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
