import { round } from './embedded-stack.js';

export interface ViewFigures {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  kb: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Asks for each admin view `requests` times, one request at a time as an admin would, after one warm-up each
 * (the first request compiles and connects). A view that does not answer 200 with `expected` in it fails the bench.
 */
export async function measureViews(
  views: Record<string, string>,
  { cookie, requests, expected, log }: { cookie: string; requests: number; expected: string; log: (line: string) => void },
): Promise<{ views: Record<string, ViewFigures>; p99Ms: number }> {
  const fetchPage = async (url: string) => {
    const begun = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${html.slice(0, 300)}`);
    if (!html.includes(expected)) throw new Error(`${url} shows no ${expected}`);
    return { ms: performance.now() - begun, bytes: Buffer.byteLength(html) };
  };
  for (const url of Object.values(views)) await fetchPage(url);

  const figures: Record<string, ViewFigures> = {};
  const all: number[] = [];
  for (const [name, url] of Object.entries(views)) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const fetched = await fetchPage(url);
      times.push(fetched.ms);
      bytes = fetched.bytes;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const view = {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      p99: round(percentile(times, 99)),
      max: round(times.at(-1)!),
      kb: round(bytes / 1024),
    };
    figures[name] = view;
    log(`${name}: p50 ${view.p50} ms, p95 ${view.p95} ms, p99 ${view.p99} ms, ${view.kb} KB`);
  }
  all.sort((a, b) => a - b);
  return { views: figures, p99Ms: round(percentile(all, 99)) };
}
