/**
 * The move to named accounts on a database as the previous release left it: its sessions end, and at the first
 * start the admin of ADMIN_USER and ADMIN_PASSWORD becomes the owner, named in the audit entries they made.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstOwner } from '../../db/admin-accounts.js';
import { auditLog } from '../../db/audit-log.js';
import { migrate } from '../../db/migrate.js';
import { hashPassword, passwordMatches } from '../../domain/password-hash.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase({ until: '025' });
});
afterAll(async () => db?.drop());

it('makes the configured admin the owner once, named in the audit entries they made before', async () => {
  const { sql } = db;
  const [cohort] = await sql<{ id: string }[]>`
    insert into cohorts (slug, form_id, name, charter, schedule) values ('before', ${randomUUID()}, 'Before', 'We meet.', '{"checkInCount": 2}')
    returning id`;
  await sql`insert into audit_log (cohort_id, actor, action, subject_id) values (${cohort!.id}, 'Admin', 'export', ${randomUUID()})`;
  await sql`insert into admin_sessions (id, user_name, expires_at) values ('old-session', 'admin', now() + interval '1 hour')`;
  await migrate(sql);
  expect(await sql`select id from admin_sessions`).toEqual([]);

  const config = { login: 'Admin', passwordHash: () => hashPassword('the password of before'), email: 'admin@assoc.example' };
  expect(await ensureFirstOwner(sql, config)).toBe(true);
  expect(await ensureFirstOwner(sql, { ...config, passwordHash: () => hashPassword('a later password') })).toBe(false);

  const [owner] = await sql<{ login: string; role: string; status: string; passwordHash: string }[]>`select * from admin_accounts`;
  expect(owner).toMatchObject({ login: 'admin', role: 'owner', status: 'active' });
  expect(await passwordMatches('the password of before', owner!.passwordHash)).toBe(true);
  const { entries } = await auditLog(sql, {}, { offset: 0, limit: 10 });
  expect(entries.map((e) => e.who)).toEqual([expect.objectContaining({ name: 'Admin', email: 'admin@assoc.example' })]);
});
