import type { Sql } from '../../db/sql.js';
import type { Role } from '../../domain/admin-roles.js';
import { hashPassword } from '../../domain/password-hash.js';

/** A password good enough for the policy, shared by the test accounts (hashed once). */
export const ACCOUNT_PASSWORD = 'lantern orchard fifteen quietly';
let hashed: Promise<string> | undefined;

/** An active admin account, as an accepted invitation leaves it. */
export async function createAccount(
  sql: Sql,
  account: { login: string; role: Role; name?: string; limited?: boolean; manages?: string[] },
): Promise<{ id: string; login: string; password: string }> {
  const [row] = await sql<{ id: string }[]>`
    insert into admin_accounts (login, name, email, role, limited, status, password_hash)
    values (${account.login}, ${account.name ?? account.login}, ${account.login}, ${account.role}, ${account.limited ?? false},
      'active', ${await (hashed ??= hashPassword(ACCOUNT_PASSWORD))})
    returning id`;
  for (const cohortId of account.manages ?? []) {
    await sql`insert into cohort_managers (cohort_id, account_id) values (${cohortId}, ${row!.id})`;
  }
  return { id: row!.id, login: account.login, password: ACCOUNT_PASSWORD };
}
