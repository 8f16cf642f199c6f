import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { forEachConcurrently } from '../activities/concurrency.js';
import type { Sql } from '../db/sql.js';
import type { OwedSignal } from '../domain/types.js';

const BATCH = 500;
/** Woken by an answer, the relay waits this long for others: answers that trickle in go as one signal, not one each. */
const GATHER_MS = 250;

/** A row of the outbox: what is owed, by its id. */
type OwedRow = OwedSignal & { id: string };

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
  pollMs = 1_000,
  log = console.warn,
}: {
  sql: Sql;
  client: Client;
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
    >`select id, workflow_id, signal, payload from workflow_signals order by id limit ${BATCH} for update skip locked`;
    const groups = new Map<string, OwedRow[]>();
    for (const row of rows)
      groups.set(`${row.workflowId}\u0000${row.signal}`, [...(groups.get(`${row.workflowId}\u0000${row.signal}`) ?? []), row]);
    const done: string[] = [];
    const failed: { ids: string[]; error: string }[] = [];
    await forEachConcurrently([...groups.values()], 16, async (group) => {
      const { workflowId, signal } = group[0]!;
      const ids = group.map((r) => r.id);
      try {
        await client.withDeadline(Date.now() + 5_000, () =>
          client.workflow.getHandle(workflowId).signal(
            signal,
            group.map((r) => r.payload),
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
    return { delivered: done.length, failed: failed.length };
  });
}
