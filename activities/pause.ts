import { moveWindow, pairWindowKey, type PairWindow } from '../db/answers.js';
import { setPairPaused } from '../db/pair-lifecycle.js';
import type { Participant } from '../db/participants.js';
import type { Upcoming } from '../workflows/pair/contract.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import { pairTools, type PairActivityDeps, type PairContext } from './pair-context.js';

/** The admin pauses a pair (a party away) and resumes it: shown on the admin pages, and both are told. */
export function createPauseActivities(deps: PairActivityDeps) {
  const { sql, notifier } = deps;
  const tools = pairTools(deps);

  const tellBoth = async (
    context: PairContext,
    notification: typeof NOTIFICATIONS.pairPaused,
    pause: number,
    news: (person: Participant) => { reason?: string; next?: string },
  ) => {
    for (const person of tools.people(context)) {
      await notifier.notify(notification, {
        cohortId: context.cohort.id,
        to: tools.recipient(person),
        says: { ...tools.addressing(context, person), ...news(person), pairId: context.pair.id, pause },
      });
    }
  };

  /** What comes next, in this person's words. */
  const nextFor = (context: PairContext, person: Participant, upcoming: Upcoming) => {
    const { t, instant } = tools.textFor(context, person);
    if (upcoming.kind === 'open-check-in') return t('pairPaused.openCheckIn', { round: upcoming.round, at: instant(upcoming.until) });
    return upcoming.kind === 'end'
      ? t('pairPaused.ends', { at: instant(upcoming.at) })
      : t('pairPaused.nextCheckIn', { at: instant(upcoming.at) });
  };

  return {
    async pausePair({ pairId, pause, reason, since }: { pairId: string; pause: number; reason: string; since?: string }): Promise<void> {
      const context = await tools.load(pairId);
      // The workflow's time, the same on every retry (pauses of before gave none).
      await setPairPaused(sql, pairId, { since: since ? new Date(since) : new Date(), reason });
      await tellBoth(context, NOTIFICATIONS.pairPaused, pause, () => ({ reason }));
    },

    /** The pair runs again (its open check-in later by the time paused): both are told what comes next. */
    async resumePair({
      pairId,
      pause,
      upcoming,
      window,
    }: {
      pairId: string;
      pause: number;
      upcoming: Upcoming;
      window?: PairWindow & { closesAt: string };
    }): Promise<void> {
      const context = await tools.load(pairId);
      if (window) await moveWindow(sql, pairWindowKey(pairId, window), new Date(window.closesAt));
      await setPairPaused(sql, pairId, null);
      await tellBoth(context, NOTIFICATIONS.pairResumed, pause, (person) => ({ next: nextFor(context, person, upcoming) }));
    },
  };
}
