import { Hono } from 'hono';
import { Resend } from 'resend';
import { recordEmailEvent } from '../db/email-events.js';
import type { Sql } from '../db/sql.js';
import { logger } from '../observability/logger.js';
import { emailBouncedOwed } from '../workflows/cohort/contract.js';

/**
 * What the mail provider tells Tandem after sending: `POST /webhooks/resend`, signed by Resend (Svix's
 * Standard Webhooks: an id, a timestamp within five minutes, an HMAC of both and the body). A call whose
 * signature does not hold is refused with 401, and nothing is read from it; a signed event is recorded once,
 * however often the provider sends it again.
 */
export function createWebhookRoutes(deps: { sql: Sql; resend: { apiKey: string; webhookSecret: string } }) {
  const { webhooks } = new Resend(deps.resend.apiKey);
  return new Hono().post('/resend', async (c) => {
    const payload = await c.req.text();
    const header = (name: string) => c.req.header(`svix-${name}`) ?? c.req.header(`webhook-${name}`) ?? '';
    let event: ReturnType<typeof webhooks.verify>;
    try {
      event = webhooks.verify({
        payload,
        headers: { id: header('id'), timestamp: header('timestamp'), signature: header('signature') },
        webhookSecret: deps.resend.webhookSecret,
      });
    } catch (error) {
      logger.warn(
        { requestId: c.get('requestId'), reason: (error as Error).message },
        'Resend webhook refused: its signature does not hold',
      );
      return c.json({ error: 'The signature does not hold.' }, 401);
    }
    if (!event.type.startsWith('email.') || !('email_id' in event.data)) return c.json({ ignored: event.type });
    const bounce = 'bounce' in event.data ? event.data.bounce : undefined;
    const outcome = await recordEmailEvent(
      deps.sql,
      { id: header('id'), type: event.type, providerMessageId: event.data.email_id, ...(bounce ? { bounce } : {}) },
      (slug, participantId) => emailBouncedOwed(slug, { participantId }),
    );
    return c.json({ outcome });
  });
}
