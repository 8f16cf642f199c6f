import type { Adjustment } from '../matching/adjust.js';
import type { PairWarning } from '../matching/explanations.js';
import type { MatchResult } from '../matching/match-cohort.js';
import { withoutWords } from './match-run-people.js';
import type { Sql } from './sql.js';

/** Logs an admin's change with its reason and stores the changed proposal, once per request id. */
export async function applyAdjustment(
  sql: Sql,
  change: { runId: string; requestId: string; adjustment: Adjustment; reason: string; result: MatchResult; warnings: PairWarning[] },
): Promise<void> {
  await sql.begin(async (tx) => {
    const [logged] = await tx`
      insert into match_adjustments (match_run_id, request_id, action, details, reason, warnings)
      values (${change.runId}, ${change.requestId}, ${change.adjustment.action}, ${tx.json(change.adjustment as never)}, ${change.reason}, ${tx.json(change.warnings)})
      on conflict (request_id) do nothing returning id`;
    if (logged)
      await tx`update match_runs set result = ${tx.json(withoutWords(change.result) as never)} where id = ${change.runId} and status = 'proposed'`;
  });
}

export interface LoggedAdjustment {
  action: Adjustment['action'];
  details: Adjustment;
  reason: string;
  warnings: PairWarning[];
  createdAt: Date;
}

export async function listAdjustments(sql: Sql, runId: string): Promise<LoggedAdjustment[]> {
  return sql<
    LoggedAdjustment[]
  >`select action, details, reason, warnings, created_at from match_adjustments where match_run_id = ${runId} order by id`;
}
