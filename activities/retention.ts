import { Context } from '@temporalio/activity';
import { eraseParticipant, forgetMatchRuns } from '../db/personal-data.js';
import type { Sql } from '../db/sql.js';

/** The end of a cohort's retention: every participant erased as on an erasure request; the report stays. */
export function createRetentionActivities({ sql }: { sql: Sql }) {
  return {
    async eraseCohortPersonalData({ cohortId }: { cohortId: string }): Promise<{ erased: number }> {
      const people = await sql<
        { id: string }[]
      >`select id from participants where cohort_id = ${cohortId} and erased_at is null order by id`;
      // The match runs name everyone: emptied of words once, rather than once per person.
      await forgetMatchRuns(sql, cohortId);
      for (const [done, { id }] of people.entries()) {
        await eraseParticipant(sql, id, { matchRuns: false }); // each in its own transaction: a retry goes on where it stopped
        Context.current().heartbeat({ done: done + 1 }); // a large cohort takes longer than the heartbeat timeout
      }
      // Sign-ups never confirmed name nobody in the cohort: gone with the rest (confirmed ones went with their participant).
      await sql`delete from enrolment_requests where cohort_id = ${cohortId} and participant_id is null`;
      await sql`update cohorts set personal_data_erased_at = coalesce(personal_data_erased_at, now()) where id = ${cohortId}`;
      return { erased: people.length };
    },
  };
}
