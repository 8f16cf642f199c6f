import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { traceContextOf, tracer } from '../observability/tracing.js';

/** Hono's route patterns for what no route matched: counted together, so a scan of random paths adds no series. */
const CATCH_ALL = new Set(['*', '/*']);

/**
 * Gives each request an id (the proxy's X-Request-Id when it sends one, echoed back) and a span (continuing the
 * caller's W3C trace when it sends one), counts it in the request histogram by its route's pattern (never its
 * path: participants' links carry their tokens), and logs one JSON line for it with the same ids.
 */
export function observeRequests(metrics: Metrics): MiddlewareHandler[] {
  const observe: MiddlewareHandler = (c, next) =>
    tracer().startActiveSpan(c.req.method, { kind: SpanKind.SERVER }, traceContextOf(c.req.header()), async (span) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        const seconds = (performance.now() - started) / 1000;
        const pattern = routePath(c);
        const route = CATCH_ALL.has(pattern) ? 'unmatched' : pattern;
        const { method } = c.req;
        const { status } = c.res;
        metrics.httpRequests.observe({ route, method, status: String(status) }, seconds);
        span.updateName(`${method} ${route}`);
        span.setAttributes({
          'http.request.method': method,
          'http.route': route,
          'http.response.status_code': status,
          'tandem.request_id': c.get('requestId'),
        });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        const line = {
          requestId: c.get('requestId'),
          traceId: span.spanContext().traceId,
          method,
          route,
          status,
          ms: Math.round(seconds * 1000),
        };
        // A 503 is a dependency away, said to the person and retried; any other 5xx is a fault to look into.
        if (status === 503) logger.warn(line, 'request refused: a dependency is unavailable');
        else if (status >= 500) logger.error(line, 'request failed');
        else logger.info(line, 'request');
      }
    });
  return [requestId(), observe];
}

/** The request's logger: its lines carry the request id. */
export const requestLogger = (id: string | undefined) => logger.child({ requestId: id });
