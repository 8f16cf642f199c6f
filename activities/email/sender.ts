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
  /**
   * Up to `BATCH_LIMIT` emails in one request, sent once per idempotency key (the same key must carry the
   * very same emails). Each is accepted or refused for its address; anything else throws as `send` does.
   */
  sendBatch(emails: OutgoingEmail[], options: { idempotencyKey: string }): Promise<BatchOutcome[]>;
}

/** What happened to each email of a batch, in its order. */
export type BatchOutcome = { providerMessageId: string } | { refused: string };

/** The most emails one batch request may carry (Resend's limit). */
export const BATCH_LIMIT = 100;

/** The mail service refuses this recipient for good (an invalid address): a bounce at sending. */
export class AddressRejected extends Error {
  override readonly name = 'AddressRejected';
}

/** The service asks us to slow down (HTTP 429): temporary, retried once the wait it asked for is over, and counted apart. */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';
  constructor(
    message: string,
    /** The service's `retry-after`, if it said one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Refused for the account or the sender (a revoked key, an unverified domain): retried slowly until an operator fixes it. */
export const EMAIL_ACCOUNT_REJECTED = 'EmailAccountRejected';
export const accountRejected = (message: string) =>
  ApplicationFailure.create({ type: EMAIL_ACCOUNT_REJECTED, message, nonRetryable: false });
