import type { Sql } from './sql.js';

export interface SystemAlert {
  alertKey: string;
  message: string;
  firstAt: Date;
  lastAt: Date;
}

/** Raises (or renews) an operator alert; it stays until resolved. */
export async function raiseSystemAlert(sql: Sql, key: string, message: string): Promise<void> {
  await sql`
    insert into system_alerts (alert_key, message) values (${key}, ${message})
    on conflict (alert_key) do update set message = excluded.message, last_at = now(),
      first_at = case when system_alerts.resolved_at is null then system_alerts.first_at else now() end, resolved_at = null`;
}

export async function resolveSystemAlert(sql: Sql, key: string): Promise<void> {
  await sql`update system_alerts set resolved_at = now() where alert_key = ${key} and resolved_at is null`;
}

export async function openSystemAlerts(sql: Sql): Promise<SystemAlert[]> {
  return sql<SystemAlert[]>`select alert_key, message, first_at, last_at from system_alerts where resolved_at is null order by first_at`;
}
