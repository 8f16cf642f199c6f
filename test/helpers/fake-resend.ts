import { createServer, type IncomingHttpHeaders } from 'node:http';
import { freePort } from '../../dev/ports.js';

export interface ResendRequest {
  headers: IncomingHttpHeaders;
  body: { from: string; to: string | string[]; subject: string; html: string; text: string };
  status: number;
}

type Answer = { status: number; body: object };
const error = (status: number, name: string, message = name): Answer => ({ status, body: { statusCode: status, name, message } });

/**
 * A local stand-in for the Resend API (the real SDK talks to it through its base URL). It answers the next
 * scripted statuses first, refuses addresses it was told to, fails everything while an outage lasts, then
 * answers 200; like Resend, a key already accepted gets the same id back.
 */
export async function startFakeResend() {
  const requests: ResendRequest[] = [];
  const script: Answer[] = [];
  const refused = new Set<string>();
  const scriptedFor = new Map<string, Answer[]>();
  let outage: { until: number; answer: Answer } | undefined;
  const accepted = new Map<string, string>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const body = JSON.parse(raw) as ResendRequest['body'];
      const to = [body.to].flat().join(',');
      const next = [...scriptedFor].find(([address, answers]) => to.includes(address) && answers.length > 0)?.[1].shift() ??
        script.shift() ??
        (outage && Date.now() < outage.until ? outage.answer : undefined) ??
        ([...refused].some((address) => to.includes(address))
          ? error(422, 'validation_error', 'Invalid `to` field. The email address needs to follow the `email@example.com` format.')
          : undefined) ?? { status: 200, body: { id: accepted.get(key) ?? `email-${accepted.size + 1}` } };
      if (next.status === 200) accepted.set(key, (next.body as { id: string }).id);
      requests.push({ headers: req.headers, body, status: next.status });
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
      script.push(...responses.map((r) => error(r.status, r.name, r.message)));
    },
    /** The next responses to messages for this address, in order (messages to others are answered as usual). */
    failNextTo(address: string, ...responses: { status: number; name: string; message?: string }[]) {
      scriptedFor.set(address, [...(scriptedFor.get(address) ?? []), ...responses.map((r) => error(r.status, r.name, r.message))]);
    },
    /** Refuses every message to this address, as Resend refuses an invalid one (422). */
    refuse(address: string) {
      refused.add(address);
    },
    /** Every request fails this way for `ms`, as when the API key is revoked until someone fixes it. */
    failFor(ms: number, response: { status: number; name: string; message?: string }) {
      outage = { until: Date.now() + ms, answer: error(response.status, response.name, response.message) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
