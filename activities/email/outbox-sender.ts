import { insertOutboxMessage } from '../../db/emails.js';
import type { Sql } from '../../db/sql.js';
import type { EmailSender, OutgoingEmail } from './sender.js';

/** Development and demos: messages land in PostgreSQL and the web app shows them at /dev/outbox. */
export function createOutboxSender(sql: Sql): EmailSender {
  async function send(email: OutgoingEmail) {
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
  }
  return {
    send,
    // Each message is stored once under its own key, so a batch is its messages one by one.
    async sendBatch(emails) {
      const outcomes = [];
      for (const email of emails) outcomes.push(await send(email));
      return outcomes;
    },
  };
}
