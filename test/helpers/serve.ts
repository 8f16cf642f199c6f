import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Serves the app on a loopback port for a browser; resolves once it listens. */
export function serveApp(app: Hono, port: number): Promise<{ close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
      resolve({ close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
}
