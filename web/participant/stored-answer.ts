import type { Context } from 'hono';
import type { Form, Stored } from '../../db/answers.js';
import type { Metrics } from '../../observability/metrics.js';
import { requestLogger } from '../observe.js';

/**
 * Waits for an answer to be stored: counted once it is, and logged (under the request's id, without its
 * words) when the database did not confirm it; the page then keeps the form to send again.
 */
export async function storedAnswer<S extends Stored>(
  c: Context,
  metrics: Metrics,
  form: Form,
  storing: Promise<S>,
): Promise<S | undefined> {
  try {
    const stored = await storing;
    if (stored.ok) metrics.answersStored.inc({ form });
    return stored;
  } catch (error) {
    requestLogger(c.get('requestId')).error({ err: error, form }, 'an answer was not confirmed by the database');
    return undefined;
  }
}
