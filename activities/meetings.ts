import { NOTIFICATIONS } from './notifications/catalogue.js';
import { pairTools, type PairActivityDeps } from './pair-context.js';

/** A flash pair's meetings: the reminder to book them. Their feedback is the pair's check-in round 0. */
export function createMeetingActivities(deps: PairActivityDeps) {
  const { notifier } = deps;
  const tools = pairTools(deps);

  return {
    async remindMeetingBooking({ pairId, by }: { pairId: string; by: string }): Promise<void> {
      const context = await tools.load(pairId);
      const meetings = context.cohort.schedule.flash?.meetings ?? 1;
      for (const person of tools.people(context)) {
        await notifier.notify(NOTIFICATIONS.meetingBooking, {
          cohortId: context.cohort.id,
          to: tools.recipient(person),
          says: {
            ...tools.addressing(context, person),
            partnerEmail: tools.partnerOf(context, person).email,
            meetings,
            by: tools.when(context, person, by),
            pairId,
          },
        });
      }
    },
  };
}
