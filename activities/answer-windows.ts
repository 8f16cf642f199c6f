import { closeWindow, moveWindow, pairWindowKey, type PairWindow } from '../db/answers.js';
import { checkInAnswersOf, finalSurveyRespondents, signaturesOf } from '../db/pair-lifecycle.js';
import type { Sql } from '../db/sql.js';
import { toDecision } from '../domain/pair-health.js';
import type { RoundAnswers } from '../workflows/pair/contract.js';

/**
 * A pair's forms close here: the window shuts (an answer being stored lands first), then the answers
 * PostgreSQL accepted are read back for the workflow to decide on. Free text stays behind.
 */
export function createAnswerWindowActivities({ sql }: { sql: Sql }) {
  return {
    async closeCharter({ pairId }: { pairId: string }): Promise<{ signed: Record<string, string> }> {
      await closeWindow(sql, pairWindowKey(pairId, { form: 'charter' }));
      return { signed: Object.fromEntries((await signaturesOf(sql, pairId)).map((s) => [s.participantId, s.signedAt.toISOString()])) };
    },

    async closeCheckIn({ pairId, round }: { pairId: string; round: number }): Promise<{ answers: RoundAnswers }> {
      await closeWindow(sql, pairWindowKey(pairId, { form: 'check-in', round }));
      return {
        answers: Object.fromEntries(Object.entries(await checkInAnswersOf(sql, pairId, round)).map(([p, a]) => [p, toDecision(a)])),
      };
    },

    async closeFinalSurvey({ pairId }: { pairId: string }): Promise<{ answered: string[] }> {
      await closeWindow(sql, pairWindowKey(pairId, { form: 'final-survey' }));
      return { answered: await finalSurveyRespondents(sql, pairId) };
    },

    /** The admin extended an open check-in or final survey. */
    async moveAnswerWindow({ pairId, closesAt, ...window }: { pairId: string; closesAt: string } & PairWindow): Promise<void> {
      await moveWindow(sql, pairWindowKey(pairId, window), new Date(closesAt));
    },
  };
}
