/** One interface, two ways out: Resend in production, the dev outbox in PostgreSQL otherwise. */
export interface OutgoingEmail {
  idempotencyKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface EmailSender {
  /** Sends once per idempotency key; throws a retryable error for temporary failures. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}
