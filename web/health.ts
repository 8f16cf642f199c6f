import { Hono } from 'hono';
import type { WebDeps } from './deps.js';

/** Each check gets this long: /health answers within a second, whatever is down. */
const CHECK_MS = 800;

const within = async (check: () => Promise<unknown>): Promise<'ok' | 'down'> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), CHECK_MS)));
  const outcome = check().then(
    () => 'ok' as const,
    () => 'down' as const,
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** For load balancers and operators: 200 when PostgreSQL and Temporal answer, else 503 naming what does not. */
export function createHealthRoutes({ sql, workflows }: Pick<WebDeps, 'sql' | 'workflows'>) {
  return new Hono().get('/', async (c) => {
    const [postgres, temporal] = await Promise.all([within(() => sql`select 1`), within(() => workflows.reachable())]);
    const ok = postgres === 'ok' && temporal === 'ok';
    return c.json({ ok, postgres, temporal }, ok ? 200 : 503);
  });
}
