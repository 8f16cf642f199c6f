import { opened, sealedFor } from './data-keys.js';
import type { MailingRecord } from '../domain/mailing.js';
import type { Sql } from './sql.js';

export interface SentEmail {
  idempotencyKey: string;
  cohortId: string | null;
  participantId: string | null;
  kind: string;
  toAddress: string;
  providerMessageId: string | null;
  /** Refused for its address by the mail service: never tried again. */
  status: 'sent' | 'bounced';
  error: string | null;
  sentAt: Date;
}

/** Our record of these messages, by idempotency key. */
export async function findSentEmails(sql: Sql, idempotencyKeys: readonly string[]): Promise<Map<string, SentEmail>> {
  const rows = await sql<SentEmail[]>`select * from sent_emails where idempotency_key = any(${idempotencyKeys as string[]})`;
  return new Map((await opened(sql, rows)).map((row) => [row.idempotencyKey, row]));
}

/**
 * Records messages once each, together (a batch went out or not as one), each address (and the refusal, which
 * may quote it) sealed under its participant's key. Sent to someone erased meanwhile (the email was on its
 * way), a message keeps no address.
 */
export async function recordSentEmails(
  sql: Sql,
  emails: readonly (Omit<SentEmail, 'sentAt' | 'status' | 'error'> & Partial<Pick<SentEmail, 'status' | 'error'>>)[],
): Promise<void> {
  if (emails.length === 0) return;
  await sql.begin(async (tx) => {
    const participantIds = emails.flatMap((e) => (e.participantId ? [e.participantId] : []));
    const erased = new Set(
      (await tx<{ id: string }[]>`select id from participants where id = any(${participantIds}) and erased_at is not null for share`).map(
        (r) => r.id,
      ),
    );
    const rows = [];
    for (const email of emails)
      rows.push(
        email.participantId && erased.has(email.participantId)
          ? { ...email, toAddress: '', error: null }
          : email.participantId
            ? await sealedFor(tx, email.participantId, email, ['toAddress', 'error'])
            : email,
      );
    const columns = ['idempotencyKey', 'kind', 'cohortId', 'participantId', 'toAddress', 'providerMessageId', 'status', 'error'] as const;
    const complete = rows.map((row) => ({ status: 'sent', error: null, ...row }));
    await tx`insert into sent_emails ${tx(complete, ...columns)} on conflict (idempotency_key) do nothing`;
  });
}

/** Each address the mail service refused for these participants, and why. */
export async function refusedAddresses(sql: Sql, participantIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await sql<{ participantId: string; toAddress: string; error: string }[]>`
    select participant_id, to_address, error from sent_emails where participant_id = any(${participantIds as string[]}) and status = 'bounced'`;
  return new Map((await opened(sql, rows)).map((row) => [refusalKey(row.participantId, row.toAddress), row.error]));
}
export const refusalKey = (participantId: string, address: string) => `${participantId} ${address}`;

export interface Bounce {
  participantId: string;
  name: string;
  email: string;
  reason: string;
  at: Date;
}

/** Participants of a cohort whose address the mail service refused, with the last reason. */
export async function bouncedParticipants(sql: Sql, cohortId: string): Promise<Bounce[]> {
  return opened(
    sql,
    await sql<Bounce[]>`
      select distinct on (e.participant_id) e.participant_id, p.name, p.email, e.error as reason, e.sent_at as at
      from sent_emails e join participants p on p.id = e.participant_id
      where e.cohort_id = ${cohortId} and e.status = 'bounced'
      order by e.participant_id, e.sent_at desc`,
  );
}

/** What the cohort's record says of its emails of a kind: how many, and when the first and the last went. */
export async function mailingRecord(sql: Sql, cohortId: string, kind: string): Promise<MailingRecord> {
  const [row] = await sql<MailingRecord[]>`
    with mailing as (select sent_at from sent_emails where cohort_id = ${cohortId} and kind = ${kind})
    select count(*)::int as sent, min(sent_at) as first_at, max(sent_at) as last_at,
      (select count(*)::int from mailing where sent_at = (select min(sent_at) from mailing)) as sent_first
    from mailing`;
  return row!;
}

export async function countSentEmails(sql: Sql, cohortId: string, kind: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from sent_emails where cohort_id = ${cohortId} and kind = ${kind}`;
  return row?.n ?? 0;
}

export interface OutboxMessage {
  id: string;
  idempotencyKey: string;
  fromAddress: string;
  replyTo: string | null;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  createdAt: Date;
}

/** Returns the stored message's id; storing the same key twice keeps the first. */
export async function insertOutboxMessage(sql: Sql, message: Omit<OutboxMessage, 'id' | 'createdAt'>): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into outbox_messages ${sql(message)}
    on conflict (idempotency_key) do update set idempotency_key = excluded.idempotency_key
    returning id`;
  return String(row!.id);
}

export async function listOutboxMessages(
  sql: Sql,
  options: { to?: string; limit?: number } = {},
): Promise<Omit<OutboxMessage, 'html' | 'text'>[]> {
  return sql`
    select id, idempotency_key, from_address, reply_to, to_address, subject, created_at from outbox_messages
    ${options.to ? sql`where position(${options.to.toLowerCase()} in lower(to_address)) > 0` : sql``}
    order by id desc limit ${options.limit ?? 200}`;
}

export async function getOutboxMessage(sql: Sql, id: string): Promise<OutboxMessage | undefined> {
  if (!/^\d+$/.test(id)) return undefined;
  const [row] = await sql<OutboxMessage[]>`select * from outbox_messages where id = ${id}`;
  return row;
}
