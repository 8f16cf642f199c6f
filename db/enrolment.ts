import { oweSignal } from './owed-signals.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { ATTEMPTS_PER_ADDRESS_PER_HOUR, CONFIRMATION_VALID_MS, type EnrolmentForm } from '../domain/enrolment-form.js';
import type { Role } from '../domain/types.js';
import type { Locale } from '../i18n/locales.js';
import type { OwedSignal } from '../domain/types.js';
import { findParticipantByEmail, getParticipant, insertParticipants, type Participant } from './participants.js';
import { emailIndexesOf } from './data-keys.js';
import type { Sql } from './sql.js';

/** A cohort's public sign-up link: its key, whether it takes sign-ups, and how many. */
export interface Enrolment {
  key: string | null;
  open: boolean;
  cap: number | null;
}

export interface EnrolmentRequest {
  id: string;
  cohortId: string;
  name: string;
  email: string;
  role: Role;
  language: Locale | null;
  requestedAt: Date;
  confirmedAt: Date | null;
  participantId: string | null;
  /** Asked when every place was taken: the email says so, then the request goes. */
  cohortFull: boolean;
}

export async function getEnrolment(sql: Sql, cohortId: string): Promise<Enrolment> {
  const [row] = await sql<{ enrolmentKey: string | null; enrolmentOpen: boolean; enrolmentCap: number | null }[]>`
    select enrolment_key, enrolment_open, enrolment_cap from cohorts where id = ${cohortId}`;
  return { key: row?.enrolmentKey ?? null, open: row?.enrolmentOpen ?? false, cap: row?.enrolmentCap ?? null };
}

/** Opens the link (its key made once: a newsletter already sent keeps working when it reopens), up to `cap` sign-ups. */
export async function openEnrolment(sql: Sql, cohortId: string, cap: number): Promise<void> {
  await sql`
    update cohorts set enrolment_open = true, enrolment_cap = ${cap},
      enrolment_key = coalesce(enrolment_key, ${randomBytes(18).toString('base64url')})
    where id = ${cohortId}`;
}

export async function closeEnrolment(sql: Sql, cohortId: string): Promise<void> {
  await sql`update cohorts set enrolment_open = false where id = ${cohortId}`;
}

/** The cohort a sign-up link names, whether or not it is open. */
export async function cohortOfEnrolmentKey(
  sql: Sql,
  key: string,
): Promise<{ id: string; slug: string; name: string; open: boolean } | undefined> {
  const [row] = await sql<{ id: string; slug: string; name: string; enrolmentOpen: boolean }[]>`
    select id, slug, name, enrolment_open from cohorts where enrolment_key = ${key}`;
  return row && { id: row.id, slug: row.slug, name: row.name, open: row.enrolmentOpen };
}

/**
 * What became of a sign-up. `sent` whether the address is new or known, and whether places remain: the page
 * says the same to everyone, so it tells nobody who is enrolled nor how full the cohort is. A new address gets
 * the confirmation link, or word that the cohort is full; someone already in the cohort, or already waiting to
 * confirm within the hour, is sent nothing more.
 */
export type EnrolmentOutcome = 'sent' | 'closed';

/**
 * Counts a sign-up attempt against its network address (every attempt, valid or not, is one), shared by every
 * web instance; false once the address has made too many within the hour.
 */
export async function takeEnrolmentAttempt(sql: Sql, address: string): Promise<boolean> {
  const [row] = await sql<{ attempts: number }[]>`
    with expired as (delete from enrolment_attempts where address = ${address} and at < now() - interval '1 hour'),
    counted as (insert into enrolment_attempts (address) values (${address}) returning 1)
    select (select count(*)::int from enrolment_attempts where address = ${address} and at >= now() - interval '1 hour') + 1 as attempts from counted`;
  return row!.attempts <= ATTEMPTS_PER_ADDRESS_PER_HOUR;
}

/**
 * Takes a sign-up: against the cohort's cap (participants who came through the link and requests still
 * waiting to be confirmed), then stored with the confirmation email it owes, which the worker's relay asks
 * the cohort workflow to send. Serialised per cohort, so that two web instances cannot both take the last place.
 */
export async function requestEnrolment(
  sql: Sql,
  cohortId: string,
  form: EnrolmentForm,
  owed: Omit<OwedSignal, 'payload'>,
): Promise<EnrolmentOutcome> {
  return sql.begin(async (tx) => {
    const [cohort] = await tx<{ enrolmentOpen: boolean; enrolmentCap: number | null }[]>`
      select enrolment_open, enrolment_cap from cohorts where id = ${cohortId} for update`;
    if (!cohort?.enrolmentOpen) return 'closed';
    const [counts] = await tx<{ taken: number; known: boolean }[]>`
      select
        (select count(*)::int from enrolment_requests
          where cohort_id = ${cohortId} and not cohort_full
            and (confirmed_at is not null or requested_at > now() - ${CONFIRMATION_VALID_MS / 1000} * interval '1 second')) as taken,
        exists (select 1 from participants where cohort_id = ${cohortId} and email_index = any(${emailIndexesOf(form.email)}::text[]))
          or exists (select 1 from enrolment_requests where cohort_id = ${cohortId} and email = ${form.email} and confirmed_at is null and requested_at > now() - interval '1 hour') as known`;
    if (counts!.known) return 'sent';
    const full = cohort.enrolmentCap !== null && counts!.taken >= cohort.enrolmentCap;
    const requestId = randomUUID();
    await tx`
      insert into enrolment_requests (id, cohort_id, name, email, role, language, cohort_full)
      values (${requestId}, ${cohortId}, ${form.name}, ${form.email}, ${form.role}, ${form.language}, ${full})`;
    await oweSignal(tx, { ...owed, payload: { requestId } });
    return 'sent';
  });
}

export async function getEnrolmentRequest(sql: Sql, id: string): Promise<EnrolmentRequest | undefined> {
  const [row] = await sql<EnrolmentRequest[]>`select * from enrolment_requests where id = ${id}`;
  return row;
}

export async function listEnrolmentRequests(sql: Sql, cohortId: string): Promise<EnrolmentRequest[]> {
  return sql<EnrolmentRequest[]>`select * from enrolment_requests where cohort_id = ${cohortId} and not cohort_full order by requested_at`;
}

/** A request turned away because the cohort was full, once told so: nothing of it is kept, not even the email's record. */
export async function forgetFullRequest(sql: Sql, id: string): Promise<void> {
  await sql.begin(async (tx) => {
    const [gone] = await tx`delete from enrolment_requests where id = ${id} and cohort_full returning id`;
    if (gone) await tx`delete from sent_emails where idempotency_key = ${`enrolment-full:${id}`}`;
  });
}

/**
 * A confirmed address becomes a participant, once: opening the link again finds the same one. Someone already
 * in the cohort under that address is that participant. Undefined when the request was removed.
 */
export async function confirmEnrolment(sql: Sql, requestId: string): Promise<Participant | undefined> {
  return sql.begin(async (tx) => {
    const [request] = await tx<EnrolmentRequest[]>`select * from enrolment_requests where id = ${requestId} for update`;
    if (!request) return undefined;
    if (request.participantId) return getParticipant(tx, request.participantId);
    const participant =
      (await findParticipantByEmail(tx, request.cohortId, request.email)) ??
      (await getParticipant(
        tx,
        (
          await insertParticipants(tx, [
            {
              cohortId: request.cohortId,
              csvLine: 0,
              name: request.name,
              email: request.email,
              role: request.role,
              languages: [],
              language: request.language,
              timeZone: null,
              attributes: {},
              joinedLate: true,
            },
          ])
        )[0]!,
      ));
    // The participant's row is now the one home of their name and address.
    await tx`update enrolment_requests set confirmed_at = coalesce(confirmed_at, now()), participant_id = ${participant!.id}, name = '', email = ''
      where id = ${requestId}`;
    return participant;
  });
}

/** The admin removes a sign-up still waiting for its confirmation: its link then leads nowhere. */
export async function removeEnrolmentRequest(sql: Sql, cohortId: string, requestId: string): Promise<boolean> {
  return (await sql`delete from enrolment_requests where id = ${requestId} and cohort_id = ${cohortId} and confirmed_at is null`).count > 0;
}
