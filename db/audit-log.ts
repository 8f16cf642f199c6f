import type { Sql } from './sql.js';

/**
 * What admins did with people's data, pairs and accounts. Ids and actions only, never the personal data itself:
 * the account that acted (its name and email live in its row), what, on which subject, in which cohort, when.
 */
export interface AuditEntry {
  /** The account's name and email as they are now; entries from before accounts name the shared login. */
  who: { accountId: string | null; name: string; email: string | null };
  cohort: { name: string; slug: string } | null;
  action: string;
  subjectId: string;
  details: Record<string, string | number | boolean>;
  at: Date;
}

export async function recordAudit(
  sql: Sql,
  entry: { cohortId: string | null; accountId: string; action: string; subjectId: string; details?: AuditEntry['details'] },
): Promise<void> {
  await sql`
    insert into audit_log (cohort_id, account_id, action, subject_id, details)
    values (${entry.cohortId}, ${entry.accountId}, ${entry.action}, ${entry.subjectId}, ${sql.json(entry.details ?? {})})`;
}

export interface AuditFilter {
  cohortId?: string;
  accountId?: string;
}

/** The log, newest first, filtered by cohort and by person, a page at a time; and how many entries match. */
export async function auditLog(sql: Sql, filter: AuditFilter, page: { offset: number; limit: number }) {
  const where = sql`
    (${filter.cohortId ?? null}::uuid is null or l.cohort_id = ${filter.cohortId ?? null})
    and (${filter.accountId ?? null}::uuid is null or l.account_id = ${filter.accountId ?? null})`;
  const [entries, [count]] = await Promise.all([
    sql<AuditEntry[]>`
      select json_build_object('accountId', a.id, 'name', coalesce(a.name, l.actor), 'email', a.email) as who,
        case when c.id is null then null else json_build_object('name', c.name, 'slug', c.slug) end as cohort,
        l.action, l.subject_id, l.details, l.at
      from audit_log l left join admin_accounts a on a.id = l.account_id left join cohorts c on c.id = l.cohort_id
      where ${where}
      order by l.at desc, l.id desc
      offset ${page.offset} limit ${page.limit}`,
    sql<{ n: number }[]>`select count(*)::int as n from audit_log l where ${where}`,
  ]);
  return { entries, total: count!.n };
}
