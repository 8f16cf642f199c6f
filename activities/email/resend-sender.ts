import { Resend } from 'resend';
import { AddressRejected, RateLimited, accountRejected, type EmailSender } from './sender.js';

/**
 * What a Resend error means for us. Rate limits, Resend's own trouble, the network and a key still being
 * processed pass. A validation error about the `to` field names one message's address: that address
 * bounces. Anything else refuses the account or our sender (401/403: a revoked key or an unverified
 * domain; an invalid from address, or any other field Tandem filled wrongly): no email can go out until an
 * operator acts, so no participant is marked bounced for it.
 */
function classify(statusCode: number | null | undefined, name: string, message: string): 'temporary' | 'address' | 'account' {
  if (statusCode == null || statusCode === 429 || statusCode >= 500 || name === 'concurrent_idempotent_requests') return 'temporary';
  if (statusCode === 422 && name === 'validation_error' && /`to`|\bto field\b|recipient/i.test(message)) return 'address';
  return 'account';
}

/** The Resend SDK returns errors instead of throwing them; this throws them as the sender interface says. */
export function createResendSender(options: { apiKey: string; baseUrl?: string }): EmailSender {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (data) return { providerMessageId: data.id };
      const statusCode = (error as { statusCode?: number | null } | null)?.statusCode;
      const name = error?.name ?? 'unknown_error';
      const message = `Resend ${statusCode ?? 'network'} ${name}: ${error?.message ?? 'no message'}`;
      const meaning = classify(statusCode, name, error?.message ?? '');
      if (meaning === 'address') throw new AddressRejected(message);
      if (meaning === 'account') throw accountRejected(message);
      throw statusCode === 429 ? new RateLimited(message) : new Error(message);
    },
  };
}
