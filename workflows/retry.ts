import { ActivityFailure, ApplicationFailure, setCurrentDetails, type RetryPolicy } from '@temporalio/workflow';
import { NOT_FOUND } from '../domain/types.js';

/**
 * How every activity is retried: soon at first, then at most every ten minutes, for as long as it takes.
 * What fails is temporary (PostgreSQL or Temporal restarting, the mail service down or refusing our account,
 * which raises the operator's banner): the programme waits for it rather than failing. Only a cohort or
 * pair gone from the database is final.
 */
export const RETRY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
  nonRetryableErrorTypes: [NOT_FOUND],
};

/** An activity found its cohort or pair gone from the database (erased, say): the workflow ends quietly. */
const isGone = (error: unknown): error is ActivityFailure =>
  error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === NOT_FOUND;

/** Runs a programme to its end; if its cohort or pair is gone from the database, ends it quietly with `state`. */
export async function endQuietlyIfGone<T>(run: () => Promise<T>, state: () => T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isGone(error)) throw error;
    setCurrentDetails(`Ended: ${error.cause?.message}; nothing is left to do.`);
    return state();
  }
}
