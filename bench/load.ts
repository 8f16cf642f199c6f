/** Load shapes and figures shared by the benchmarks that time requests. */
import http from 'node:http';

export interface Outcome {
  ms: number;
  status: number;
}

export interface PhaseFigures {
  requests: number;
  ok: number;
  busy: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Sends every request at the same moment. */
export async function burst(count: number, send: (i: number) => Promise<number>): Promise<Outcome[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => timed(() => send(i))));
}

/** Open loop: one request every 1/rate s whatever the answers take, as people do not wait for each other. */
export async function sustained(ratePerSecond: number, seconds: number, send: (i: number) => Promise<number>): Promise<Outcome[]> {
  const total = Math.round(ratePerSecond * seconds);
  const start = performance.now();
  const pending: Promise<Outcome>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(timed(() => send(i)));
  }
  return Promise.all(pending);
}

async function timed(send: () => Promise<number>): Promise<Outcome> {
  const start = performance.now();
  let status: number;
  try {
    status = await send();
  } catch {
    status = 0; // the connection failed
  }
  return { ms: performance.now() - start, status };
}

/** Success is a 200; "busy" the 503 page; anything else a failure. */
export function figures(outcomes: Outcome[]): PhaseFigures {
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  const ok = outcomes.filter((o) => o.status === 200).length;
  const busy = outcomes.filter((o) => o.status === 503).length;
  return {
    requests: outcomes.length,
    ok,
    busy,
    failed: outcomes.length - ok - busy,
    p50Ms: pct(50),
    p99Ms: pct(99),
    maxMs: Math.round(sorted.at(-1) ?? 0),
  };
}

export const describeFigures = (f: PhaseFigures) =>
  `${f.ok}/${f.requests} ok, ${f.busy} busy, ${f.failed} failed; p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms`;

/**
 * Posts a form as a browser does (urlencoded, on a connection of its own) and reads the whole answer. With
 * node:http rather than fetch: on a machine of two cores the load generator takes its CPU from the system it
 * measures, and fetch takes more of it per request.
 */
export function postForm(
  url: string,
  form: URLSearchParams,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const body = form.toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
