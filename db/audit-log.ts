import type { Sql } from './sql.js';

/** What admins did with people's data and pairs. Ids and actions only: never the personal data itself. */
export interface AuditEntry {
  actor: string;
  action: string;
  subjectId: string;
  details: Record<string, string | number | boolean>;
  at: Date;
}

export async function recordAudit(
  sql: Sql,
  entry: { cohortId: string; actor: string; action: string; subjectId: string; details?: AuditEntry['details'] },
): Promise<void> {
  await sql`insert into audit_log (cohort_id, actor, action, subject_id, details) values (${entry.cohortId}, ${entry.actor}, ${entry.action}, ${entry.subjectId}, ${sql.json(entry.details ?? {})})`;
}

export async function auditLogOf(sql: Sql, cohortId: string): Promise<AuditEntry[]> {
  return sql<
    AuditEntry[]
  >`select actor, action, subject_id, details, at from audit_log where cohort_id = ${cohortId} order by at desc, id desc`;
}
