import { ApplicationFailure } from '@temporalio/common';

/** One interface, two ways out: Resend in production, the dev outbox in PostgreSQL otherwise. */
export interface OutgoingEmail {
  idempotencyKey: string;
  from: string;
  /** Where replies go: the organisation's reply-to or contact. */
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface EmailSender {
  /**
   * Sends once per idempotency key. Throws `AddressRejected` when the service refuses this address for good,
   * `accountRejected(...)` when it refuses our account or sender (nothing will go out until an operator acts),
   * `RateLimited` when asked to slow down, and a plain error for anything else temporary.
   */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

/** The mail service refuses this recipient for good (an invalid address): a bounce at sending. */
export class AddressRejected extends Error {
  override readonly name = 'AddressRejected';
}

/** The service asks us to slow down (HTTP 429): temporary, retried like any other, but counted apart. */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';
}

/** Refused for the account or the sender (a revoked key, an unverified domain): retried slowly until an operator fixes it. */
export const EMAIL_ACCOUNT_REJECTED = 'EmailAccountRejected';
export const accountRejected = (message: string) =>
  ApplicationFailure.create({ type: EMAIL_ACCOUNT_REJECTED, message, nonRetryable: false });
