import type { RelayBacklog } from '../observability/metrics.js';
import type { Sql } from './sql.js';

/** For the relay's gauges: what waits, and since when. */
export async function readRelayBacklog(sql: Sql): Promise<RelayBacklog> {
  const [backlog] = await sql<RelayBacklog[]>`
    select count(*)::int as waiting, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest_seconds
    from workflow_signals`;
  return backlog!;
}
