import { render, toPlainText } from '@react-email/components';
import { createElement, type ReactElement } from 'react';
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { findSentEmails, recordSentEmails, refusalKey, refusedAddresses } from '../../db/emails.js';
import { cohortManagerRecipients } from '../../db/admin-accounts.js';
import { getOrganisation } from '../../db/organisation.js';
import { notErased } from '../../db/participants.js';
import type { Sql } from '../../db/sql.js';
import { raiseSystemAlert, resolveSystemAlert } from '../../db/system-alerts.js';
import { brandOf, replyToOf, senderOf } from '../../domain/organisation.js';
import { BrandContext } from '../../emails/components/brand.js';
import { forEachConcurrently } from '../concurrency.js';
import {
  AddressRejected,
  BATCH_LIMIT,
  EMAIL_ACCOUNT_REJECTED,
  RateLimited,
  type BatchOutcome,
  type EmailSender,
  type OutgoingEmail,
} from '../email/sender.js';
import { logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Notification, Recipient } from './catalogue.js';

export interface NotifierDeps {
  sql: Sql;
  sender: EmailSender;
  /** EMAIL_FROM: the sender while the organisation has none of its own. */
  from: string;
  /** Where the organisation's logo is served from. */
  publicBaseUrl: string;
  /** Where a cohort's admin messages go while it has no manager with an address (ADMIN_EMAIL); without either, they are only on the admin pages. */
  adminAlertsTo?: string;
  /** Counts each attempt by kind and outcome. */
  metrics: Metrics;
  /** Told when a participant's address is refused for good. */
  onBounce: (bounce: { cohortId: string; participantId: string; reason: string }) => Promise<void>;
}

export interface Message<P, O> {
  /** The cohort it is about; none for an email about an admin's own account. */
  cohortId: string | null;
  /** A participant or an admin account, or nobody for an admin message (it goes to the cohort's managers). */
  to?: Recipient;
  /** What the email says and what it is about. */
  says: P & O;
}

export type Delivery = 'sent' | 'already-sent' | 'bounced' | 'no-admin-address' | 'recipient-erased';

/** Plain-text bodies keep their headings' case (upper-casing them mangles names: "ÇA VA, SIOBHÁN"). */
const PLAIN_TEXT = { selectors: ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } })) };

/** An email as it goes out: its HTML, and the plain-text alternative read from that HTML (React renders once). */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html, PLAIN_TEXT) };
}

/** The operator's banner while the mail service refuses Tandem's account. */
const ACCOUNT_ALERT = 'email-account';

/** A message to one recipient. */
interface Letter<P, O> {
  message: Message<P, O>;
  to: Recipient;
}

/** The key one request of the provider's batch endpoint goes under: its kind, and what it carries. */
const batchKeyOf = (kind: string, keys: readonly string[]) =>
  `${kind}:batch:${createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 40)}`;

/** Resend's `retry-after`, honoured: the activity's next try waits that long, whatever its backoff says. */
const honoured = (error: unknown) =>
  error instanceof RateLimited && error.retryAfterMs !== undefined
    ? ApplicationFailure.create({ type: 'RateLimited', message: error.message, nextRetryDelay: error.retryAfterMs, cause: error })
    : error;

/**
 * The one step every email goes through. Sent at most once: our own record is checked first (Resend keeps
 * keys for a day only); between sending and recording, a crash is covered by the provider's idempotency key,
 * and rendering holds no timestamp, so a retry sends the very same payload under the same key.
 * - An address refused for good is recorded as a bounce against the participant (never tried again) and
 *   the admin is alerted; the step goes on, and the workflow with it.
 * - Our account refused (a revoked key, an unverified domain) raises the operator's banner and fails the
 *   activity, which retries with backoff until the account works again; the next success clears it.
 * - Asked to slow down, the activity's next try waits as long as the service said.
 * - Anything else temporary fails the activity, which retries.
 */
export function createNotifier(deps: NotifierDeps) {
  const { sql } = deps;

  /**
   * Whom a message goes to: its participant or account; for an admin message, the cohort's managers (their
   * accounts active, with an address), or ADMIN_EMAIL while the cohort has none.
   */
  async function recipientsOf<P, O>(notification: Notification<P, O>, message: Message<P, O>): Promise<Recipient[]> {
    if (notification.audience !== 'admin') return message.to ? [message.to] : [];
    const managers = message.cohortId ? await cohortManagerRecipients(sql, message.cohortId) : [];
    if (managers.length > 0) return managers.map((m) => ({ name: m.name, email: m.email, accountId: m.id }));
    return deps.adminAlertsTo ? [{ name: 'Tandem admin', email: deps.adminAlertsTo }] : [];
  }

  /** Sends the message to each of its recipients; what happened to the first (an admin message may have several). */
  async function notify<P, O>(notification: Notification<P, O>, message: Message<P, O>): Promise<Delivery> {
    const recipients = await recipientsOf(notification, message);
    if (recipients.length === 0) return 'no-admin-address';
    const deliveries: Delivery[] = [];
    for (const to of recipients) deliveries.push(...(await deliver(notification, [{ message, to }])));
    return deliveries[0]!;
  }

  /**
   * Letters of one notification, in one request: one email alone, several through the batch endpoint under a
   * key made of their own keys (a retry of the same letters reproduces the request exactly). What went out
   * before, or may not go (its recipient erased, its address refused before), is left out; what the request
   * did is recorded in one transaction, so a retry finds all of it or none.
   */
  async function deliver<P, O>(notification: Notification<P, O>, letters: readonly Letter<P, O>[]): Promise<Delivery[]> {
    const keys = letters.map(({ message, to }) => notification.key(message.says, to));
    const participantIds = letters.flatMap(({ to }) => (to.participantId ? [to.participantId] : []));
    const [recorded, here, refused] = await Promise.all([
      findSentEmails(sql, keys),
      notErased(sql, participantIds),
      refusedAddresses(sql, participantIds),
    ]);
    const deliveries: Delivery[] = [];
    const refusedBefore = [];
    const toSend: { letter: Letter<P, O>; key: string; index: number }[] = [];
    for (const [index, letter] of letters.entries()) {
      const key = keys[index]!;
      const { to, message } = letter;
      const earlier = recorded.get(key);
      const refusedAs = to.participantId ? refused.get(refusalKey(to.participantId, to.email)) : undefined;
      if (earlier?.status === 'bounced') {
        // Told again on a retry: the attempt that recorded the bounce may have failed to alert the admin (the alert is idempotent).
        if (to.participantId && earlier.error && message.cohortId)
          await deps.onBounce({ cohortId: message.cohortId, participantId: to.participantId, reason: earlier.error });
        deliveries[index] = 'bounced';
      } else if (earlier) deliveries[index] = 'already-sent';
      // Someone erased meanwhile (a step retried, a reminder due) is written to no more.
      else if (to.participantId && !here.has(to.participantId)) deliveries[index] = 'recipient-erased';
      // An address refused once is not tried again: repeated bounces hurt every later email's delivery.
      else if (refusedAs !== undefined) {
        refusedBefore.push({
          ...recordOf(notification, letter, key),
          providerMessageId: null,
          status: 'bounced' as const,
          error: refusedAs,
        });
        deliveries[index] = 'bounced';
      } else toSend.push({ letter, key, index });
    }
    await recordSentEmails(sql, refusedBefore);
    if (toSend.length === 0) return deliveries;

    const kind = notification.kind(letters[0]!.message.says);
    const counted = (outcome: string, n = 1) => deps.metrics.emails.inc({ kind, outcome }, n);
    const emails = await render(notification, toSend);
    let outcomes: BatchOutcome[];
    try {
      outcomes =
        emails.length === 1
          ? [
              await deps.sender
                .send(emails[0]!)
                .catch((error: unknown) => (error instanceof AddressRejected ? { refused: error.message } : Promise.reject(error))),
            ]
          : await deps.sender.sendBatch(emails, {
              idempotencyKey: batchKeyOf(
                kind,
                toSend.map((s) => s.key),
              ),
            });
    } catch (error) {
      const accountRefused = (error as { type?: string }).type === EMAIL_ACCOUNT_REJECTED;
      counted(accountRefused ? 'account_rejected' : error instanceof RateLimited ? 'rate_limited' : 'failed', emails.length);
      if (accountRefused) {
        logger.error({ kind, error: (error as Error).message }, "Email: the mail service refuses Tandem's account or sender");
        await raiseSystemAlert(
          sql,
          ACCOUNT_ALERT,
          `The mail service refuses to send for Tandem (${(error as Error).message}). No email goes out until the API key or the sending domain is fixed; they are retried until then.`,
        );
      }
      throw honoured(error);
    }
    for (const outcome of outcomes) counted('refused' in outcome ? 'bounced' : 'sent');
    await recordSentEmails(
      sql,
      toSend.map(({ letter, key }, i) => {
        const outcome = outcomes[i]!;
        const record = recordOf(notification, letter, key);
        return 'refused' in outcome
          ? { ...record, providerMessageId: null, status: 'bounced' as const, error: outcome.refused }
          : { ...record, providerMessageId: outcome.providerMessageId };
      }),
    );
    for (const [i, { letter, index }] of toSend.entries()) {
      const outcome = outcomes[i]!;
      const { to, message } = letter;
      deliveries[index] = 'refused' in outcome ? 'bounced' : 'sent';
      if ('refused' in outcome && to.participantId && message.cohortId)
        await deps.onBounce({ cohortId: message.cohortId, participantId: to.participantId, reason: outcome.refused });
    }
    if (outcomes.some((o) => 'providerMessageId' in o)) await resolveSystemAlert(sql, ACCOUNT_ALERT);
    return deliveries;
  }

  /** What our record keeps of a message: no subject, which names the partner, whose words are not the recipient's to keep. */
  const recordOf = <P, O>(notification: Notification<P, O>, { message, to }: Letter<P, O>, key: string) => ({
    idempotencyKey: key,
    kind: notification.kind(message.says),
    cohortId: message.cohortId,
    participantId: to.participantId ?? null,
    toAddress: to.email,
  });

  /** Each letter as it goes out, in the organisation's look and under its sender, as the organisation is now. */
  async function render<P, O>(notification: Notification<P, O>, letters: readonly { letter: Letter<P, O>; key: string }[]) {
    const organisation = await getOrganisation(sql);
    const brand = brandOf(organisation, deps.publicBaseUrl, organisation?.logoVersion ?? undefined);
    const replyTo = replyToOf(organisation);
    const from = senderOf(organisation, deps.from);
    const emails: OutgoingEmail[] = [];
    for (const { letter, key } of letters) {
      const { says } = letter.message;
      const element = createElement(BrandContext.Provider, { value: brand }, createElement(notification.template as never, says as never));
      emails.push({
        idempotencyKey: key,
        from,
        ...(replyTo ? { replyTo } : {}),
        to: `${letter.to.name.replace(/[<>",]/g, '')} <${letter.to.email}>`,
        subject: notification.subject(says),
        ...(await renderEmail(element)),
      });
    }
    return emails;
  }

  /**
   * The same notification to many (a whole cohort), eight at a time: a refused address does not stop the
   * others, and a temporary or account failure is thrown once every other message has had its try, so the
   * activity's retry only sends what is left.
   */
  async function notifyEach<T, P, O>(
    items: readonly T[],
    notification: Notification<P, O>,
    message: (item: T) => Message<P, O>,
    onProgress?: (done: number) => void,
  ) {
    const outcome = { sent: 0, bounced: 0 };
    let done = 0;
    await forEachConcurrently(items, 8, async (item) => {
      const delivery = await notify(notification, message(item));
      if (delivery === 'sent') outcome.sent++;
      if (delivery === 'bounced') outcome.bounced++;
      if (++done % 50 === 0) onProgress?.(done);
    });
    return outcome;
  }

  /**
   * A participant notification to many in one request of the provider's batch endpoint (up to `BATCH_LIMIT`):
   * what a paced mailing sends at each of its steps.
   */
  async function notifyBatch<P, O>(notification: Notification<P, O>, messages: readonly (Message<P, O> & { to: Recipient })[]) {
    if (messages.length > BATCH_LIMIT) throw new Error(`A batch carries at most ${BATCH_LIMIT} emails, not ${messages.length}`);
    const deliveries = await deliver(
      notification,
      messages.map((message) => ({ message, to: message.to })),
    );
    return { sent: deliveries.filter((d) => d === 'sent').length, bounced: deliveries.filter((d) => d === 'bounced').length };
  }

  return { notify, notifyEach, notifyBatch };
}

export type Notifier = ReturnType<typeof createNotifier>;
