import { randomUUID } from 'node:crypto';
import type { OrganisationSettings } from '../domain/organisation.js';
import type { Sql } from './sql.js';

export interface Organisation extends OrganisationSettings {
  /** Changes with each new logo (its address carries it, so caches fetch the new one); none without a logo. */
  logoVersion: string | null;
}

export async function getOrganisation(sql: Sql): Promise<Organisation | undefined> {
  const [row] = await sql<Organisation[]>`
    select name, colour, sender_name, sender_address, reply_to, contact_name, contact_email, logo_version from organisation`;
  return row;
}

/** Saves the settings; a new logo replaces the old, `logo: null` removes it, none keeps it. */
export async function saveOrganisation(
  sql: Sql,
  settings: OrganisationSettings,
  logo?: { bytes: Uint8Array; type: string } | null,
): Promise<void> {
  const logoColumns =
    logo === undefined
      ? {}
      : logo === null
        ? { logo: null, logoType: null, logoVersion: null }
        : { logo: Buffer.from(logo.bytes), logoType: logo.type, logoVersion: randomUUID().slice(0, 8) };
  const row = { ...settings, ...logoColumns, updatedAt: new Date() };
  await sql`
    insert into organisation ${sql(row)}
    on conflict (id) do update set ${sql(row)}`;
}

export async function getLogo(sql: Sql): Promise<{ logo: Buffer; logoType: string } | undefined> {
  const [row] = await sql<{ logo: Buffer; logoType: string }[]>`select logo, logo_type from organisation where logo is not null`;
  return row;
}
