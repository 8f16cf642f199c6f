import { insertOutboxMessage } from '../../db/emails.js';
import type { Sql } from '../../db/sql.js';
import type { EmailSender } from './sender.js';

/** Development and demos: messages land in PostgreSQL and the web app shows them at /dev/outbox. */
export function createOutboxSender(sql: Sql): EmailSender {
  return {
    async send(email) {
      const id = await insertOutboxMessage(sql, {
        idempotencyKey: email.idempotencyKey,
        fromAddress: email.from,
        replyTo: email.replyTo ?? null,
        toAddress: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
      });
      return { providerMessageId: `outbox-${id}` };
    },
  };
}
