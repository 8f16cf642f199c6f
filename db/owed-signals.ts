import type { OwedSignal } from '../domain/types.js';
import { currentTrace } from '../observability/tracing.js';
import { json, jsonOrNull, type Fragment, type Sql, type Tx } from './sql.js';

/**
 * The insert that owes a workflow a signal, put in the statement (or transaction) that writes what the signal
 * tells, so that both are kept or neither. With `from` (a CTE of the same statement, and its condition), it is
 * owed only if that CTE wrote a row. The worker's relay (worker/signal-relay.ts) is woken when it commits, and
 * carries the trace along.
 */
export const oweSignal = (sql: Sql | Tx, { workflowId, signal, payload }: OwedSignal, from?: Fragment): Fragment => sql`
  insert into workflow_signals (workflow_id, signal, payload, trace_context)
  select ${workflowId}, ${signal}, ${json(sql, payload)}, ${jsonOrNull(sql, currentTrace())} ${from ? sql`from ${from}` : sql``}
  returning pg_notify('workflow_signals', '')`;
