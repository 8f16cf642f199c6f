import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { forEachConcurrently } from '../activities/concurrency.js';
import type { Sql } from '../db/sql.js';
import type { OwedSignal } from '../domain/types.js';
import { logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { traceContextOf, tracer } from '../observability/tracing.js';

const BATCH = 500;
/** Woken by an answer, the relay waits this long for others: answers that trickle in go as one signal, not one each. */
const GATHER_MS = 250;

/** A row of the outbox: what is owed, by its id, and the trace of the request that stored it. */
type OwedRow = OwedSignal & { id: string; traceContext: Record<string, string> | null };

/**
 * Delivers what the web app owes workflows: rows of `workflow_signals`, written in the same statement as
 * each answer. Woken by NOTIFY (a moment later, to gather) and every `pollMs` regardless; the rows of one
 * workflow and signal go as one signal with a list, so a burst of answers costs the cohort a handful of
 * signals. A row leaves the table only once Temporal took it, so an answer stored while Temporal was away
 * reaches its workflow when it is back. Several workers may run it: each takes rows the others have not locked.
 */
export function startSignalRelay({
  sql,
  client,
  metrics,
  pollMs = 1_000,
  log = (message) => logger.warn(message),
}: {
  sql: Sql;
  client: Client;
  /** Counts what is delivered and what is not yet (the backlog and its lag are gauges read from the table). */
  metrics: Metrics;
  pollMs?: number;
  log?: (message: string) => void;
}) {
  let stopped = false;
  let wake = () => {};
  let failures = 0;
  // A new answer wakes the relay, unless it is backing off from an outage.
  const listening = sql.listen('workflow_signals', () => failures || wake());

  const loop = (async () => {
    while (!stopped) {
      let outcome = { delivered: 0, failed: 0 };
      try {
        outcome = await deliverBatch(sql, client, log);
      } catch (error) {
        outcome.failed++;
        log(`Signal relay: ${(error as Error).message}`);
      }
      metrics.signalsRelayed.inc({ outcome: 'delivered' }, outcome.delivered);
      metrics.signalsRelayed.inc({ outcome: 'failed' }, outcome.failed);
      failures = outcome.failed ? failures + 1 : 0;
      if (outcome.delivered === BATCH && !failures) continue; // more are waiting
      // Temporal or PostgreSQL away: wait longer each time, up to 30 s.
      const pause = failures ? Math.min(30_000, 500 * 2 ** failures) : pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        wake = () => (clearTimeout(timer), setTimeout(resolve, stopped ? 0 : GATHER_MS));
      });
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      await (await listening.catch(() => undefined))?.unlisten();
    },
  };
}

async function deliverBatch(sql: Sql, client: Client, log: (message: string) => void): Promise<{ delivered: number; failed: number }> {
  return sql.begin(async (tx) => {
    const rows = await tx<
      OwedRow[]
    >`select id, workflow_id, signal, payload, trace_context from workflow_signals order by id limit ${BATCH} for update skip locked`;
    const groups = new Map<string, OwedRow[]>();
    for (const row of rows)
      groups.set(`${row.workflowId}\u0000${row.signal}`, [...(groups.get(`${row.workflowId}\u0000${row.signal}`) ?? []), row]);
    const done: string[] = [];
    const failed: { ids: string[]; error: string }[] = [];
    await forEachConcurrently([...groups.values()], 16, async (group) => {
      const { workflowId, signal } = group[0]!;
      const ids = group.map((r) => r.id);
      try {
        await relayed(group, () =>
          client.withDeadline(Date.now() + 5_000, () =>
            client.workflow.getHandle(workflowId).signal(
              signal,
              group.map((r) => r.payload),
            ),
          ),
        );
        done.push(...ids);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          done.push(...ids); // the workflow has finished: nobody is waiting for these answers any more
          log(`Signal relay: ${workflowId} has finished; ${ids.length} ${signal} signal(s) dropped`);
        } else {
          failed.push({ ids, error: (error as Error).message });
        }
      }
    });
    if (done.length) await tx`delete from workflow_signals where id = any(${done}::bigint[])`;
    for (const { ids, error } of failed)
      await tx`update workflow_signals set attempts = attempts + 1, last_error = ${error} where id = any(${ids}::bigint[])`;
    if (failed.length) log(`Signal relay: ${failed.length} workflow(s) not reached (${failed[0]!.error}); retrying`);
    return { delivered: done.length, failed: failed.reduce((n, f) => n + f.ids.length, 0) };
  });
}

/**
 * Sends one signal for a group of answers inside a span of the first answer's trace, linked to the others':
 * Temporal's client interceptor carries it in the signal's headers, so one answer is one trace from the form
 * post to the workflow.
 */
function relayed(group: OwedRow[], send: () => Promise<void>): Promise<void> {
  const links = group
    .slice(1)
    .map((row) => trace.getSpanContext(traceContextOf(row.traceContext)))
    .filter((context) => context !== undefined)
    .map((context) => ({ context }));
  return tracer().startActiveSpan(
    `relay ${group[0]!.signal}`,
    { kind: SpanKind.PRODUCER, links, attributes: { 'tandem.answers': group.length } },
    traceContextOf(group[0]!.traceContext),
    async (span) => {
      try {
        await send();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
