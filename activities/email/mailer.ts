import { render } from '@react-email/components';
import type { ReactElement } from 'react';
import { findSentEmail, recordSentEmail } from '../../db/emails.js';
import type { Sql } from '../../db/sql.js';
import type { EmailAddress } from '../../domain/types.js';
import type { EmailSender } from './sender.js';

export interface Message {
  /** Names the message for good ("survey-invitation:<participant>"): the same key is never sent twice. */
  idempotencyKey: string;
  kind: string;
  cohortId: string;
  participantId?: string;
  to: EmailAddress;
  subject: string;
  body: ReactElement;
}

/**
 * Renders and sends one message at most once. Our own record of sent messages is checked first (Resend keeps
 * keys for a day only); between sending and recording, a crash is covered by the provider's idempotency key,
 * and rendering holds no timestamp, so a retry sends the very same payload under the same key.
 */
export function createMailer(deps: { sql: Sql; sender: EmailSender; from: string }) {
  return async function sendMessage(message: Message): Promise<'sent' | 'already-sent'> {
    if (await findSentEmail(deps.sql, message.idempotencyKey)) return 'already-sent';
    const [html, text] = await Promise.all([render(message.body), render(message.body, { plainText: true })]);
    const to = `${message.to.name.replace(/[<>",]/g, '')} <${message.to.email}>`;
    const { providerMessageId } = await deps.sender.send({ idempotencyKey: message.idempotencyKey, from: deps.from, to, subject: message.subject, html, text });
    await recordSentEmail(deps.sql, {
      idempotencyKey: message.idempotencyKey,
      kind: message.kind,
      cohortId: message.cohortId,
      participantId: message.participantId ?? null,
      toAddress: message.to.email,
      subject: message.subject,
      providerMessageId,
    });
    return 'sent';
  };
}

export type SendMessage = ReturnType<typeof createMailer>;
