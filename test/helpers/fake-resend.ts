import { createServer, type IncomingHttpHeaders } from 'node:http';
import { freePort } from './ports.js';

export interface ResendRequest {
  headers: IncomingHttpHeaders;
  body: { from: string; to: string | string[]; subject: string; html: string; text: string };
  status: number;
}

/**
 * A local stand-in for the Resend API (the real SDK talks to it through its base URL). It answers the next
 * scripted statuses first, then 200; like Resend, a key already accepted gets the same id back.
 */
export async function startFakeResend() {
  const requests: ResendRequest[] = [];
  const script: { status: number; body: object }[] = [];
  const accepted = new Map<string, string>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const next = script.shift() ?? { status: 200, body: { id: accepted.get(key) ?? `email-${accepted.size + 1}` } };
      if (next.status === 200) accepted.set(key, (next.body as { id: string }).id);
      requests.push({ headers: req.headers, body: JSON.parse(raw), status: next.status });
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(JSON.stringify(next.body));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** The next responses, in order: e.g. a 429 then a 500 before the API recovers. */
    failNext(...responses: { status: number; name: string; message?: string }[]) {
      script.push(...responses.map((r) => ({ status: r.status, body: { statusCode: r.status, name: r.name, message: r.message ?? r.name } })));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
