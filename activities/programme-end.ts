import { withdrawMatchRun } from '../db/matching.js';
import type { Sql } from '../db/sql.js';
import type { AlertAdmin } from './notifications/alerts.js';

/** What the programme's end cuts short: a rematch proposal still in review, a rematch asked for too late. Each tells the admin. */
export function createProgrammeEndActivities({ sql, alertAdmin }: { sql: Sql; alertAdmin: AlertAdmin }) {
  return {
    async withdrawProposal({ cohortId, runId }: { cohortId: string; runId: string }): Promise<void> {
      const withdrawn = await withdrawMatchRun(sql, runId);
      if (withdrawn)
        await alertAdmin({
          cohortId,
          key: `proposal-withdrawn:${runId}`,
          details: { kind: 'proposal-withdrawn', mentees: withdrawn.mentees },
        });
    },

    async alertTooLateToRematch({ cohortId, participantIds }: { cohortId: string; participantIds: string[] }): Promise<void> {
      for (const participantId of participantIds) {
        await alertAdmin({
          cohortId,
          key: `too-late-to-rematch:${participantId}`,
          details: { kind: 'too-late-to-rematch', participantId },
        });
      }
    },
  };
}
