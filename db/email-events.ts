import { oweSignal } from './owed-signals.js';
import type { OwedSignal } from '../domain/types.js';
import { sealedFor } from './data-keys.js';
import type { Sql } from './sql.js';

/** An event the mail provider reported about an email it had accepted (`email.bounced`, `email.complained`...). */
export interface ProviderEvent {
  /** The provider's id for this event: it sends an event again until we answer, and we act on it once. */
  id: string;
  type: string;
  providerMessageId: string;
  bounce?: { type: string; message: string };
}

export type EventOutcome = 'refused' | 'recorded' | 'already-recorded';

/**
 * Why an event means the address must not be written to again: a permanent bounce, a complaint (the person
 * marked Tandem's email as spam), or the provider suppressing the address. Delays and soft bounces pass.
 */
function refusalOf(event: ProviderEvent): string | undefined {
  if (event.type === 'email.bounced' && event.bounce?.type === 'Permanent') return `Resend bounce: ${event.bounce.message}`;
  if (event.type === 'email.complained') return 'Resend complaint: the recipient marked the email as spam';
  if (event.type === 'email.suppressed') return 'Resend suppressed the address (an earlier bounce or complaint)';
  return undefined;
}

/**
 * Records a provider event once. One that refuses the address marks its email bounced, as a refusal at
 * sending does: nothing more is sent to that address, the cohort's page lists it, and the cohort's workflow is
 * owed `owed(slug, participantId)` so that its admin is alerted. An event about an email Tandem did not
 * send (another app on the same account) is kept and changes nothing.
 */
export async function recordEmailEvent(
  sql: Sql,
  event: ProviderEvent,
  owed: (cohortSlug: string, participantId: string) => OwedSignal,
): Promise<EventOutcome> {
  return sql.begin(async (tx) => {
    const [fresh] = await tx`
      insert into email_events (id, type, provider_message_id) values (${event.id}, ${event.type}, ${event.providerMessageId})
      on conflict (id) do nothing returning id`;
    if (!fresh) return 'already-recorded';
    const refusal = refusalOf(event);
    if (!refusal) return 'recorded';
    const [email] = await tx<{ participantId: string | null; slug: string | null }[]>`
      select e.participant_id, c.slug from sent_emails e left join cohorts c on c.id = e.cohort_id
      where e.provider_message_id = ${event.providerMessageId} and e.status = 'sent'
      for update of e`;
    if (!email) return 'recorded';
    // The reason may quote the address: sealed under the person's key, like a refusal at sending.
    const { error } = email.participantId ? await sealedFor(tx, email.participantId, { error: refusal }, ['error']) : { error: refusal };
    await tx`update sent_emails set status = 'bounced', error = ${error} where provider_message_id = ${event.providerMessageId}`;
    if (email.participantId && email.slug) {
      await oweSignal(tx, owed(email.slug, email.participantId));
    }
    return 'refused';
  });
}
