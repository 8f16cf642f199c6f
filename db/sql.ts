import postgres from 'postgres';

/**
 * The one place that creates a database client. Columns are camelCase in code, snake_case in SQL. A database
 * that does not answer fails a connection within 3 s (pages then say so rather than hang), and a restarted
 * one is reconnected to by the next query, without waiting.
 */
export function createSql(url: string, options: { max?: number } = {}) {
  return postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 3,
    transform: { undefined: null, column: { from: postgres.toCamel, to: postgres.fromCamel } },
    onnotice: () => {},
  });
}

export type Sql = ReturnType<typeof createSql>;
export type Tx = postgres.TransactionSql;
/** A piece of SQL to compose into a query. */
export type Fragment = postgres.Fragment;

/** A value stored as jsonb: our objects are JSON by construction, which postgres.js cannot see in their types. */
export const json = (sql: Sql | Tx, value: object) => sql.json(value as postgres.JSONValue);
/** A value that may be missing: SQL null then, not JSON's. */
export const jsonOrNull = (sql: Sql | Tx, value: object | null) => (value ? json(sql, value) : null);
