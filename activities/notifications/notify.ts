import { render, toPlainText } from '@react-email/components';
import { createElement, type ReactElement } from 'react';
import { bounceOf, findSentEmail, recordSentEmail } from '../../db/emails.js';
import { cohortManagerRecipients } from '../../db/admin-accounts.js';
import { getOrganisation } from '../../db/organisation.js';
import { isErased } from '../../db/participants.js';
import type { Sql } from '../../db/sql.js';
import { raiseSystemAlert, resolveSystemAlert } from '../../db/system-alerts.js';
import { brandOf, replyToOf, senderOf } from '../../domain/organisation.js';
import { BrandContext } from '../../emails/components/brand.js';
import { forEachConcurrently } from '../concurrency.js';
import { AddressRejected, EMAIL_ACCOUNT_REJECTED, RateLimited, type EmailSender } from '../email/sender.js';
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

/**
 * The one step every email goes through. Sent at most once: our own record is checked first (Resend keeps
 * keys for a day only); between sending and recording, a crash is covered by the provider's idempotency key,
 * and rendering holds no timestamp, so a retry sends the very same payload under the same key.
 * - An address refused for good is recorded as a bounce against the participant (never tried again) and
 *   the admin is alerted; the step goes on, and the workflow with it.
 * - Our account refused (a revoked key, an unverified domain) raises the operator's banner and fails the
 *   activity, which retries with backoff until the account works again; the next success clears it.
 * - Anything temporary fails the activity, which retries.
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
    for (const to of recipients) deliveries.push(await deliver(notification, message, to));
    return deliveries[0]!;
  }

  async function deliver<P, O>(notification: Notification<P, O>, message: Message<P, O>, to: Recipient): Promise<Delivery> {
    const key = notification.key(message.says, to);
    const recorded = await findSentEmail(sql, key);
    if (recorded?.status === 'bounced') {
      // Told again on a retry: the attempt that recorded the bounce may have failed to alert the admin (the alert is idempotent).
      if (to.participantId && recorded.error && message.cohortId)
        await deps.onBounce({ cohortId: message.cohortId, participantId: to.participantId, reason: recorded.error });
      return 'bounced';
    }
    if (recorded) return 'already-sent';
    // Someone erased meanwhile (a step retried, a reminder due) is written to no more.
    if (to.participantId && (await isErased(sql, to.participantId))) return 'recipient-erased';
    const subject = notification.subject(message.says);
    // The record keeps no subject: subjects name the partner, whose words are not the recipient's to keep.
    const record = {
      idempotencyKey: key,
      kind: notification.kind(message.says),
      cohortId: message.cohortId,
      participantId: to.participantId ?? null,
      toAddress: to.email,
    };
    // An address refused once is not tried again: repeated bounces hurt every later email's delivery.
    const refused = to.participantId ? await bounceOf(sql, to.participantId, to.email) : undefined;
    if (refused) {
      await recordSentEmail(sql, { ...record, providerMessageId: null, status: 'bounced', error: refused });
      return 'bounced';
    }
    // The organisation as it is now: its look, its sender, where replies go.
    const organisation = await getOrganisation(sql);
    const brand = brandOf(organisation, deps.publicBaseUrl, organisation?.logoVersion ?? undefined);
    const element = createElement(
      BrandContext.Provider,
      { value: brand },
      createElement(notification.template as never, message.says as never),
    );
    const { html, text } = await renderEmail(element);
    const replyTo = replyToOf(organisation);
    let providerMessageId: string;
    const counted = (outcome: string) => deps.metrics.emails.inc({ kind: record.kind, outcome });
    try {
      ({ providerMessageId } = await deps.sender.send({
        idempotencyKey: key,
        from: senderOf(organisation, deps.from),
        ...(replyTo ? { replyTo } : {}),
        to: `${to.name.replace(/[<>",]/g, '')} <${to.email}>`,
        subject,
        html,
        text,
      }));
    } catch (error) {
      if (error instanceof AddressRejected) {
        counted('bounced');
        await recordSentEmail(sql, { ...record, providerMessageId: null, status: 'bounced', error: error.message });
        if (to.participantId && message.cohortId)
          await deps.onBounce({ cohortId: message.cohortId, participantId: to.participantId, reason: error.message });
        return 'bounced';
      }
      const accountRefused = (error as { type?: string }).type === EMAIL_ACCOUNT_REJECTED;
      counted(accountRefused ? 'account_rejected' : error instanceof RateLimited ? 'rate_limited' : 'failed');
      if (accountRefused) {
        logger.error({ kind: record.kind, error: (error as Error).message }, "Email: the mail service refuses Tandem's account or sender");
        await raiseSystemAlert(
          sql,
          ACCOUNT_ALERT,
          `The mail service refuses to send for Tandem (${(error as Error).message}). No email goes out until the API key or the sending domain is fixed; they are retried until then.`,
        );
      }
      throw error;
    }
    counted('sent');
    await recordSentEmail(sql, { ...record, providerMessageId });
    await resolveSystemAlert(sql, ACCOUNT_ALERT);
    return 'sent';
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

  return { notify, notifyEach };
}

export type Notifier = ReturnType<typeof createNotifier>;
