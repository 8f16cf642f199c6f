import postgres from 'postgres';

/** The one place that creates a database client. Columns are camelCase in code, snake_case in SQL. */
export function createSql(url: string, options: { max?: number } = {}) {
  return postgres(url, {
    max: options.max ?? 10,
    transform: { undefined: null, column: { from: postgres.toCamel, to: postgres.fromCamel } },
    onnotice: () => {},
  });
}

export type Sql = ReturnType<typeof createSql>;
