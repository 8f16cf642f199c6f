import { ROOT_CONTEXT, context, propagation, trace, type Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ClientInterceptors } from '@temporalio/client';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/** Tandem's own spans: web requests and the signal relay. */
export const tracer = () => trace.getTracer('tandem');

/**
 * OpenTelemetry for one process: spans go to `processor` (tests), else over OTLP/HTTP to `otlpUrl`
 * (OTEL_EXPORTER_OTLP_ENDPOINT), else nowhere. The W3C trace context travels in HTTP headers, in Temporal's
 * headers (the client interceptors below, workflows/trace-propagation.ts inside workflows) and in the relay's
 * rows, so a form post and what it causes are one trace.
 */
export function startTracing(service: 'tandem-web' | 'tandem-worker', options: { otlpUrl?: string; processor?: SpanProcessor }) {
  const processor =
    options.processor ??
    (options.otlpUrl
      ? new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpUrl.replace(/\/+$/, '')}/v1/traces` }))
      : undefined);
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': service }),
    spanProcessors: processor ? [processor] : [],
  });
  provider.register(); // the global tracer, the async context that follows awaits, W3C propagation
  return { shutdown: () => provider.shutdown() };
}

/** For every Temporal client: a span per start, signal, update and query, its context in the workflow's headers. */
export const tracedClient = (): ClientInterceptors => ({ workflow: [new OpenTelemetryWorkflowClientInterceptor()] });

/** For every worker: each activity a span, continuing the trace its workflow carried to it. */
export const tracedActivities: ActivityInterceptorsFactory = (ctx) => ({
  inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
  outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
});

/** The current trace, to store beside what another process will carry on (an owed signal). */
export function currentTrace(): Record<string, string> | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : null;
}

/** The context of a trace stored by `currentTrace`, to carry it on. */
export const traceContextOf = (carrier: Record<string, string> | null): Context =>
  carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
