import type { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { Sql } from '../db/sql.js';
import { raiseSystemAlert, resolveSystemAlert } from '../db/system-alerts.js';

/**
 * Activities are retried until they succeed (workflows/retry.ts): a step that keeps failing (a bug, a
 * dependency down for long) must not fail in silence. Past a few attempts it raises the operator's banner on
 * the admin pages, naming the step and its error; its next success clears it. From the fifth attempt: about
 * fifteen seconds of retries, past a restart of PostgreSQL or Temporal.
 */
export function reportFailingActivities(sql: Sql, { fromAttempt = 5 }: { fromAttempt?: number } = {}): ActivityInterceptorsFactory {
  return (ctx: Context) => {
    const { activityType, attempt } = ctx.info;
    const workflowId = ctx.info.workflowExecution?.workflowId ?? 'no workflow';
    const key = `activity:${workflowId}:${activityType}`;
    return {
      inbound: {
        async execute(input, next) {
          try {
            const result = await next(input);
            if (attempt >= fromAttempt) await resolveSystemAlert(sql, key).catch(() => undefined);
            return result;
          } catch (error) {
            if (attempt >= fromAttempt) {
              const message = `${activityType} for ${workflowId} has failed ${attempt} times and is retried until it succeeds: ${(error as Error).message}`;
              console.error(message);
              await raiseSystemAlert(sql, key, message).catch(() => undefined); // the database may be what is down
            }
            throw error;
          }
        },
      },
    };
  };
}
