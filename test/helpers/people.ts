import { emailIndexesOf, opened, sealedFor } from '../../db/data-keys.js';
import type { Participant } from '../../db/participants.js';
import type { Sql } from '../../db/sql.js';

/**
 * Participants as the product reads them, their sealed fields opened: tests look people up by their address or
 * name, which PostgreSQL holds only sealed (see db/data-keys.ts).
 */
export async function everyParticipant(sql: Sql): Promise<Participant[]> {
  return opened(sql, await sql<Participant[]>`select * from participants order by csv_line, id`);
}

/** The participant with this address, in whichever cohort (tests give each cohort its own addresses). */
export async function participantByEmail(sql: Sql, email: string): Promise<Participant | undefined> {
  const [row] = await sql<Participant[]>`select * from participants where email_index = any(${emailIndexesOf(email)}::text[])`;
  return opened(sql, row);
}

/** Renames a participant as an admin's correction would, sealed like every name. */
export async function renameParticipant(sql: Sql, participantId: string, name: string): Promise<void> {
  const sealed = await sealedFor(sql, participantId, { name }, ['name']);
  await sql`update participants set name = ${sealed.name} where id = ${participantId}`;
}
