/** Prometheus's text format read back: each sample by its series (`name{label="value",...}`, labels sorted). */
export type Samples = Map<string, number>;

export function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample: ${line}`);
    const labels = [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => `${k}="${v}"`).sort();
    samples.set(`${match[1]}{${labels.join(',')}}`, Number(match[3]));
  }
  return samples;
}

/** The sum of a metric's samples whose labels include all of `labels`. */
export function total(samples: Samples, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const [series, value] of samples) {
    const [seriesName, rest] = series.split('{') as [string, string];
    if (seriesName === name && wanted.every((label) => rest.slice(0, -1).split(',').includes(label))) sum += value;
  }
  return sum;
}

/** The metric names a scrape holds (a histogram's `_bucket`, `_sum` and `_count` each count). */
export const namesOf = (samples: Samples) => new Set([...samples.keys()].map((series) => series.split('{')[0]!));
