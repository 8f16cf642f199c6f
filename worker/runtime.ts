import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Config } from '../domain/config.js';
import { logger } from '../observability/logger.js';

const SDK_LEVEL: Record<Config['logLevel'], LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

/**
 * The Temporal SDK's logs (the worker's, each workflow's `log` and each activity's, with their workflow and run
 * ids) become the worker's JSON lines; its runtime metrics (task latencies, schedule-to-start, polls, the
 * workflow cache) are served for Prometheus on `TEMPORAL_METRICS_PORT`, durations in seconds as Prometheus has them.
 */
export function installRuntime(config: Pick<Config, 'logLevel' | 'metrics'>) {
  const { temporalPort } = config.metrics;
  Runtime.install({
    logger: new DefaultLogger(SDK_LEVEL[config.logLevel], ({ level, message, meta }) =>
      logger[level.toLowerCase() as Lowercase<LogLevel>]({ ...meta }, message),
    ),
    ...(temporalPort
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `0.0.0.0:${temporalPort}`, useSecondsForDurations: true } } } }
      : {}),
  });
}
