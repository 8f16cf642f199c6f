import { ApplicationFailure } from '@temporalio/common';
import { Resend } from 'resend';
import type { EmailSender } from './sender.js';

/** Errors worth retrying: rate limits, Resend's own trouble, the network, a key still being processed. */
function isTemporary(statusCode: number | null | undefined, name: string): boolean {
  return statusCode == null || statusCode === 429 || statusCode >= 500 || name === 'concurrent_idempotent_requests';
}

/**
 * The Resend SDK returns errors instead of throwing them. Temporary ones become plain errors (the activity
 * retries under the same idempotency key); the rest fail for good, naming what Resend said.
 */
export function createResendSender(options: { apiKey: string; baseUrl?: string }): EmailSender {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    async send(email) {
      const { data, error } = await resend.emails.send(
        { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: email.idempotencyKey },
      );
      if (data) return { providerMessageId: data.id };
      const statusCode = (error as { statusCode?: number | null } | null)?.statusCode;
      const name = error?.name ?? 'unknown_error';
      const message = `Resend ${statusCode ?? 'network'} ${name}: ${error?.message ?? 'no message'}`;
      if (isTemporary(statusCode, name)) throw new Error(message);
      throw ApplicationFailure.create({ type: 'EmailRejected', message, nonRetryable: true, details: [{ statusCode, name }] });
    },
  };
}
