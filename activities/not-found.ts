import { ApplicationFailure } from '@temporalio/common';
import { NOT_FOUND } from '../domain/types.js';

/** The cohort, pair or run an activity was asked about is not in the database: retrying cannot help. */
export const notFound = (what: string) =>
  ApplicationFailure.create({ type: NOT_FOUND, message: `${what} is not in the database`, nonRetryable: true });
