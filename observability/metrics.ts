import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Tandem's own series, in Prometheus format: every one is named here, so the dashboard and the alert rules
 * (monitoring/) have one place to look. Each process (web app, worker) makes its own registry and exports what
 * it does. Labels hold kinds, routes and outcomes, never a person or a cohort: their number stays small.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tandem_' }); // tandem_process_* and tandem_nodejs_*: memory, CPU, event loop, GC
  const registers = [registry];
  return {
    registry,
    httpRequests: new Histogram({
      name: 'tandem_http_request_duration_seconds',
      help: 'Web requests by route (its pattern, never the path: links carry tokens), method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    answersStored: new Counter({
      name: 'tandem_answers_stored_total',
      help: 'Answers stored, by form (survey, charter, check-in, final-survey)',
      labelNames: ['form'] as const,
      registers,
    }),
    emails: new Counter({
      name: 'tandem_emails_total',
      help: 'Attempts to send an email, by kind and outcome: sent, bounced, rate_limited, account_rejected, failed (the last three are retried)',
      labelNames: ['kind', 'outcome'] as const,
      registers,
    }),
    signalsRelayed: new Counter({
      name: 'tandem_relay_signals_total',
      help: 'Answers the signal relay passed to their workflows (delivered) or could not yet (failed, tried again)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    matchingRuns: new Histogram({
      name: 'tandem_matching_duration_seconds',
      help: 'Matching runs (a cohort, or a rematch) and how long each took',
      labelNames: ['kind'] as const,
      buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The signal relay's backlog: answers stored whose workflow has not been told yet, and how long the oldest has waited. */
export interface RelayBacklog {
  waiting: number;
  oldestSeconds: number;
}

/** Open workflows by the stage and health they show the Temporal UI (their search attributes). */
export interface OpenWorkflows {
  stages: { workflow: 'cohort' | 'pair'; stage: string; count: number }[];
  pairHealth: { health: string; count: number }[];
}

/** Where the work in flight is read at each scrape. */
export interface WorkSources {
  relay: () => Promise<RelayBacklog>;
  workflows: () => Promise<OpenWorkflows>;
}

/**
 * Gauges read when Prometheus scrapes: the relay's backlog and lag (PostgreSQL), open workflows by stage and
 * health (Temporal). The worker registers them; with several workers each reports the same figures
 * (dashboards take the max). A source that does not answer leaves its gauges out, not the whole page.
 */
export function addStateGauges(metrics: Metrics, sources: WorkSources, onError: (error: Error) => void) {
  const registers = [metrics.registry];
  /** One read per source and scrape, shared by its gauges. */
  function perScrape<T>(read: () => Promise<T>): () => Promise<T | undefined> {
    let reading: Promise<T | undefined> | undefined;
    return () =>
      (reading ??= read()
        .catch((error: Error) => (onError(error), undefined))
        .finally(() => setTimeout(() => (reading = undefined), 100)));
  }
  function gauge<T, L extends string>(
    source: () => Promise<T | undefined>,
    config: { name: string; help: string; labelNames?: readonly L[] },
    fill: (gauge: Gauge<L>, value: T) => void,
  ) {
    return new Gauge({
      ...config,
      registers,
      async collect() {
        const value = await source();
        this.reset();
        if (value !== undefined) fill(this, value);
      },
    });
  }
  const relay = perScrape(sources.relay);
  const workflows = perScrape(sources.workflows);
  gauge(relay, { name: 'tandem_relay_waiting_signals', help: 'Answers stored whose workflow has not been told yet' }, (g, r) =>
    g.set(r.waiting),
  );
  gauge(
    relay,
    { name: 'tandem_relay_lag_seconds', help: 'How long the oldest answer not yet passed to its workflow has waited (0 when none waits)' },
    (g, r) => g.set(r.oldestSeconds),
  );
  gauge(
    workflows,
    {
      name: 'tandem_open_workflows',
      help: 'Running cohort and pair workflows by their stage (TandemStage)',
      labelNames: ['workflow', 'stage'],
    },
    (g, w) => w.stages.forEach(({ workflow, stage, count }) => g.set({ workflow, stage }, count)),
  );
  gauge(
    workflows,
    {
      name: 'tandem_open_pairs_by_health',
      help: 'Running pair workflows by health after their last check-in (TandemHealth)',
      labelNames: ['health'],
    },
    (g, w) => w.pairHealth.forEach(({ health, count }) => g.set({ health }, count)),
  );
}
