import { Resend, type ErrorResponse } from 'resend';
import { AddressRejected, RateLimited, accountRejected, type EmailSender, type OutgoingEmail } from './sender.js';

/**
 * What a Resend error means for us. Rate limits, Resend's own trouble, the network and a key still being
 * processed pass. A validation error about the `to` field names one message's address: that address
 * bounces. Anything else refuses the account or our sender (401/403: a revoked key or an unverified
 * domain; an invalid from address, or any other field Tandem filled wrongly): no email can go out until an
 * operator acts, so no participant is marked bounced for it.
 */
function classify(statusCode: number | null | undefined, name: string, message: string): 'temporary' | 'address' | 'account' {
  if (statusCode == null || statusCode === 429 || statusCode >= 500 || name === 'concurrent_idempotent_requests') return 'temporary';
  if (isAboutAddress(statusCode, name, message)) return 'address';
  return 'account';
}

const isAboutAddress = (statusCode: number, name: string, message: string) =>
  statusCode === 422 && name === 'validation_error' && /`to`|\bto field\b|recipient/i.test(message);

/** `retry-after` in seconds or as a date, as HTTP allows. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** The error a failed request throws, as the sender interface says. */
function failure(error: ErrorResponse | null, headers: Record<string, string> | null): Error {
  const statusCode = (error as { statusCode?: number | null } | null)?.statusCode;
  const name = error?.name ?? 'unknown_error';
  const message = `Resend ${statusCode ?? 'network'} ${name}: ${error?.message ?? 'no message'}`;
  const meaning = classify(statusCode, name, error?.message ?? '');
  if (meaning === 'address') return new AddressRejected(message);
  if (meaning === 'account') return accountRejected(message);
  return statusCode === 429 ? new RateLimited(message, retryAfterMs(headers?.['retry-after'])) : new Error(message);
}

const payloadOf = (email: OutgoingEmail) => ({
  from: email.from,
  to: email.to,
  subject: email.subject,
  html: email.html,
  text: email.text,
  ...(email.replyTo ? { replyTo: email.replyTo } : {}),
});

/** The Resend SDK returns errors instead of throwing them; this throws them as the sender interface says. */
export function createResendSender(options: { apiKey: string; baseUrl?: string }): EmailSender {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    async send(email) {
      const { data, error, headers } = await resend.emails.send(payloadOf(email), { idempotencyKey: email.idempotencyKey });
      if (data) return { providerMessageId: data.id };
      throw failure(error, headers);
    },

    /**
     * Resend's batch endpoint, permissive: an invalid address refuses its own email and the others go. The
     * accepted ones' ids come back in the batch's order, the refused ones by index.
     */
    async sendBatch(emails, { idempotencyKey }) {
      const { data, error, headers } = await resend.batch.send(emails.map(payloadOf), { idempotencyKey, batchValidation: 'permissive' });
      if (!data) throw failure(error, headers);
      const refused = new Map((data.errors ?? []).map((e) => [e.index, e.message]));
      const ids = data.data.values();
      return emails.map((_, index) => {
        const reason = refused.get(index);
        return reason !== undefined ? { refused: `Resend 422 validation_error: ${reason}` } : { providerMessageId: ids.next().value!.id };
      });
    },
  };
}
