import { opened, sealedFor } from './data-keys.js';
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

export async function findSentEmail(sql: Sql, idempotencyKey: string): Promise<SentEmail | undefined> {
  const [row] = await sql<SentEmail[]>`select * from sent_emails where idempotency_key = ${idempotencyKey}`;
  return opened(sql, row);
}

/**
 * Records a message once, its address (and the refusal, which may quote it) sealed under the participant's key.
 * Sent to someone erased meanwhile (the email was on its way), it keeps no address.
 */
export async function recordSentEmail(
  sql: Sql,
  email: Omit<SentEmail, 'sentAt' | 'status' | 'error'> & Partial<Pick<SentEmail, 'status' | 'error'>>,
): Promise<void> {
  await sql.begin(async (tx) => {
    const [erased] = email.participantId
      ? await tx`select 1 from participants where id = ${email.participantId} and erased_at is not null for share`
      : [];
    const row = erased
      ? { ...email, toAddress: '', error: null }
      : email.participantId
        ? await sealedFor(tx, email.participantId, email, ['toAddress', 'error'])
        : email;
    await tx`insert into sent_emails ${tx(row)} on conflict (idempotency_key) do nothing`;
  });
}

/** Why the mail service refused this participant's address, if it ever did. */
export async function bounceOf(sql: Sql, participantId: string, address: string): Promise<string | undefined> {
  const rows = await sql<
    { toAddress: string; error: string }[]
  >`select to_address, error from sent_emails where participant_id = ${participantId} and status = 'bounced'`;
  return (await opened(sql, rows)).find((row) => row.toAddress === address)?.error;
}

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
