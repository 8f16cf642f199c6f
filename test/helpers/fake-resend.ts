import { createServer, type IncomingHttpHeaders } from 'node:http';
import { freePort } from '../../dev/ports.js';

interface Email {
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
}

/** One HTTP request: a single email (`/emails`) or a batch (`/emails/batch`). */
export interface ResendRequest {
  path: string;
  headers: IncomingHttpHeaders;
  emails: Email[];
  status: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/** One email as the fake saw it: `status` 200 when accepted, else its request's status (or 422 when a batch refused it alone). */
export interface ResendEmail extends Email {
  status: number;
  key: string;
  /** Its provider id, when accepted. */
  id?: string;
}

type Answer = { status: number; body: object; headers?: Record<string, string> };
/** A scripted failure; `retryAfter` (seconds) goes out as the header Resend sends with a 429. */
type Failure = { status: number; name: string; message?: string; retryAfter?: number };
const error = (status: number, name: string, message = name): Answer => ({ status, body: { statusCode: status, name, message } });
const failure = (f: Failure): Answer => ({
  ...error(f.status, f.name, f.message),
  ...(f.retryAfter !== undefined ? { headers: { 'retry-after': String(f.retryAfter) } } : {}),
});
const INVALID_TO = 'Invalid `to` field. The email address needs to follow the `email@example.com` format.';

/**
 * A local stand-in for the Resend API (the real SDK talks to it through its base URL), single and batch
 * endpoints. It answers the next scripted statuses first, refuses addresses it was told to (a batch, permissive,
 * refuses those alone), fails everything while an outage lasts, and beyond its rate limit answers 429 with
 * `retry-after`; then 200. Like Resend, a key already accepted gets the same ids back, and the same key with
 * other content is refused (409).
 */
export async function startFakeResend() {
  const requests: ResendRequest[] = [];
  const emails: ResendEmail[] = [];
  const script: Answer[] = [];
  const refused = new Set<string>();
  const scriptedFor = new Map<string, Answer[]>();
  let outage: { until: number; answer: Answer } | undefined;
  let limit: { perSecond: number; recent: number[] } | undefined;
  let loseNext = 0;
  const accepted = new Map<string, { payload: string; answer: Answer }>();
  let nextId = 1;

  const isRefused = (to: string) => [...refused].some((address) => to.includes(address));
  /** Beyond the limit in the last second: the 429 Resend sends, with the wait it asks for. */
  function rateLimited(now: number): Answer | undefined {
    if (!limit) return undefined;
    limit.recent = limit.recent.filter((t) => now - t < 1000);
    if (limit.recent.length < limit.perSecond) return void limit.recent.push(now);
    const answer = error(429, 'rate_limit_exceeded', `Too many requests. You can only make ${limit.perSecond} requests per second.`);
    return { ...answer, headers: { 'retry-after': '1', 'ratelimit-limit': String(limit.perSecond), 'ratelimit-remaining': '0' } };
  }

  function answer(path: string, batch: Email[], key: string, strict: boolean): Answer {
    const to = batch.map((e) => [e.to].flat().join(',')).join(',');
    const now = Date.now();
    const scripted =
      [...scriptedFor].find(([address, answers]) => to.includes(address) && answers.length > 0)?.[1].shift() ??
      script.shift() ??
      (outage && now < outage.until ? outage.answer : undefined) ??
      rateLimited(now);
    if (scripted) return scripted;
    const payload = JSON.stringify(batch);
    const earlier = key ? accepted.get(key) : undefined;
    if (earlier)
      return earlier.payload === payload
        ? earlier.answer
        : error(409, 'invalid_idempotent_request', 'Same idempotency key, other content.');
    const refusals = batch.flatMap((e, index) => (isRefused([e.to].flat().join(',')) ? [{ index, message: INVALID_TO }] : []));
    if (refusals.length > 0 && (path === '/emails' || strict)) return error(422, 'validation_error', INVALID_TO);
    const ids = batch.filter((_, i) => !refusals.some((r) => r.index === i)).map(() => ({ id: `email-${nextId++}` }));
    const ok: Answer = { status: 200, body: path === '/emails' ? ids[0]! : { data: ids, errors: refusals } };
    if (key) accepted.set(key, { payload, answer: ok });
    return ok;
  }

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const path = req.url ?? '/emails';
      const key = String(req.headers['idempotency-key'] ?? '');
      const body = JSON.parse(raw) as Email | Email[];
      const batch = [body].flat();
      const next = answer(path, batch, key, req.headers['x-batch-validation'] !== 'permissive');
      requests.push({ path, headers: req.headers, emails: batch, status: next.status, at: Date.now() });
      const ids =
        next.status !== 200 ? [] : path === '/emails' ? [next.body as { id: string }] : (next.body as { data: { id: string }[] }).data;
      const refusedAt = new Set(((next.body as { errors?: { index: number }[] }).errors ?? []).map((e) => e.index));
      let accepted = 0;
      batch.forEach((email, index) => {
        const status = next.status !== 200 ? next.status : refusedAt.has(index) ? 422 : 200;
        emails.push({ ...email, status, key, ...(status === 200 ? { id: ids[accepted++]!.id } : {}) });
      });
      // Accepted, but the answer never reaches the sender: as when a worker dies before it hears back.
      if (loseNext > 0 && next.status === 200) return void (loseNext--, res.destroy());
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(JSON.stringify(next.body));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Every email of every request, with what became of it. */
    emails,
    /** The next responses, in order: e.g. a 429 then a 500 before the API recovers. */
    failNext(...responses: Failure[]) {
      script.push(...responses.map(failure));
    },
    /** The next responses to requests carrying this address, in order (requests for others are answered as usual). */
    failNextTo(address: string, ...responses: Failure[]) {
      scriptedFor.set(address, [...(scriptedFor.get(address) ?? []), ...responses.map(failure)]);
    },
    /** Refuses every message to this address, as Resend refuses an invalid one (422). */
    refuse(address: string) {
      refused.add(address);
    },
    /** Every request fails this way for `ms`, as when the API key is revoked until someone fixes it. */
    failFor(ms: number, response: Failure) {
      outage = { until: Date.now() + ms, answer: failure(response) };
    },
    /** At most this many requests a second, as Resend allows a team; beyond, 429 with `retry-after`. */
    limitRate(perSecond: number | undefined) {
      limit = perSecond ? { perSecond, recent: [] } : undefined;
    },
    /** The next accepted request's answer is lost on the way back (the connection drops). */
    loseNextAnswer() {
      loseNext++;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
