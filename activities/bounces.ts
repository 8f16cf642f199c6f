import { bouncedParticipants } from '../db/emails.js';
import type { Sql } from '../db/sql.js';

export type AlertBounce = (bounce: { cohortId: string; participantId: string; reason: string }) => Promise<void>;

/** Addresses the mail provider refused after accepting an email (its webhook, web/webhooks.ts): the admin is alerted. */
export function createBounceActivities({ sql, alertBounce }: { sql: Sql; alertBounce: AlertBounce }) {
  return {
    async alertBounces({ cohortId, participantIds }: { cohortId: string; participantIds: string[] }): Promise<void> {
      const bounced = await bouncedParticipants(sql, cohortId);
      for (const participantId of participantIds) {
        const bounce = bounced.find((b) => b.participantId === participantId);
        if (bounce) await alertBounce({ cohortId, participantId, reason: bounce.reason });
      }
    },
  };
}
