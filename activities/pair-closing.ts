import { endPair } from '../db/matching.js';
import { savePairSummary, setPairStage } from '../db/pair-lifecycle.js';
import { NOTIFICATIONS } from './notifications/catalogue.js';
import { pairTools, type PairActivityDeps } from './pair-context.js';

/** A pair's end: the satisfaction survey that closes it, then its summary. */
export function createPairClosingActivities(deps: PairActivityDeps) {
  const { sql, notifier } = deps;
  const tools = pairTools(deps);

  return {
    /** Opens the survey (its window, the form to both) or reminds the silent. */
    async requestFinalSurvey({
      pairId,
      closesAt,
      participantIds,
      reminder,
      nudge,
    }: {
      pairId: string;
      closesAt: string;
      participantIds: string[];
      reminder: boolean;
      nudge?: number;
    }): Promise<void> {
      const context = await tools.load(pairId);
      await setPairStage(sql, pairId, 'final-survey');
      if (!reminder) await tools.openWindow(context, { form: 'final-survey' }, closesAt);
      for (const person of tools.people(context, participantIds)) {
        await notifier.notify(NOTIFICATIONS.finalSurvey, {
          cohortId: context.cohort.id,
          to: tools.recipient(person),
          says: {
            ...tools.addressing(context, person),
            role: person.role,
            surveyUrl: tools.link('final-survey', person, pairId, closesAt),
            closes: tools.when(context, person, closesAt),
            reminder,
            pairId,
            ...(nudge ? { nudge } : {}),
          },
        });
      }
    },

    /** The pair is over: its summary is stored (the workflow tells its cohort, which closes when its last pair has). */
    async completePair({
      pairId,
      reason,
      summary,
      stage,
    }: {
      pairId: string;
      reason: string;
      summary: object;
      stage: 'completed' | 'ended';
    }): Promise<void> {
      await tools.load(pairId); // a pair erased meanwhile ends its workflow quietly
      await endPair(sql, pairId, reason);
      await savePairSummary(sql, pairId, summary);
      await setPairStage(sql, pairId, stage);
    },
  };
}
