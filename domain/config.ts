import { z } from 'zod';
import { ROLES, type Role } from './admin-roles.js';
import { parsePayloadKeys, type PayloadKey } from './payload-encryption.js';

/**
 * The one description of Tandem's environment. Every entry point calls `loadConfig(process.env)` once and
 * passes the typed result on; nothing else reads `process.env`.
 */
const secret = (what: string) => z.string({ error: `is required (${what})` }).min(32, 'must be at least 32 characters');
/** pino's levels, the quietest last. */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
const port = z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535);
const url = z.url({ error: 'must be a URL such as http://localhost:3000' });

export const configSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'is required, e.g. postgres://user:pass@localhost:5432/tandem' })
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('tandem'),
  TEMPORAL_UI_URL: url.default('http://localhost:8233'),
  WORKER_CACHED_WORKFLOWS: z.coerce.number({ error: 'must be a number of workflows' }).int().min(2, 'must be at least 2').default(500),
  PUBLIC_BASE_URL: url.transform((u) => u.replace(/\/+$/, '')),
  PORT: port.default(3000),
  METRICS_PORT: port.optional(),
  TEMPORAL_METRICS_PORT: port.optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ADMIN_USER: z.string({ error: 'is required (the admin login)' }).min(1),
  ADMIN_PASSWORD: z.string({ error: 'is required (the admin password)' }).min(12, 'must be at least 12 characters'),
  ADMIN_EMAIL: z.email('must be an email address').optional(),
  TRUST_PROXY: z.stringbool({ error: 'must be true or false' }).default(false),
  SESSION_SECRET: secret('signs admin session cookies'),
  LINK_SECRET: secret('signs the links emailed to participants'),
  PAYLOAD_KEYS: z.string({ error: 'is required (id:base64 keys that encrypt what Tandem stores in Temporal)' }).transform((value, ctx) => {
    try {
      return parsePayloadKeys(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
  CODEC_TOKEN: secret('lets the temporal CLI decode payloads through /codec').optional(),
  EMAIL_FROM: z.string().min(3).default('Tandem <tandem@localhost>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: url.optional(),
  EMAIL_REQUESTS_PER_SECOND: z.coerce.number({ error: 'must be a number of requests a second' }).positive('must be above 0').default(5),
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be the signing secret Resend shows for the webhook (whsec_...)')
    .optional(),
  OIDC_ISSUER: url.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(60).default('your organisation'),
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((list) => list.split(',').map((d) => d.trim().toLowerCase().replace(/^@/, '')))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be email domains separated by commas, e.g. alumni-lyon.org')))
    .default([]),
  OIDC_ROLE: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).default('viewer'),
});

export type Env = z.input<typeof configSchema>;

/**
 * How web and worker reach Temporal: after a restart of the server, reconnect within a second (gRPC's own
 * backoff grows to two minutes).
 */
export const TEMPORAL_CHANNEL_ARGS = { 'grpc.initial_reconnect_backoff_ms': 100, 'grpc.max_reconnect_backoff_ms': 1_000 };

export interface Config {
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string };
  /** Workflows the worker keeps in memory between their tasks (see .env.example for why so few). */
  workerCachedWorkflows: number;
  publicBaseUrl: string;
  port: number;
  /** Where this process serves Tandem's Prometheus series, and (the worker) the Temporal SDK's; unset, none. */
  metrics: { port?: number; temporalPort?: number };
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where traces go over OTLP/HTTP (an OpenTelemetry collector, Jaeger, Tempo...); unset, nowhere. */
  otlpUrl?: string;
  admin: { user: string; password: string; sessionSecret: string; trustProxy: boolean };
  linkSecret: string;
  /** The first encrypts; every one decrypts (see domain/payload-encryption.ts). */
  payloadKeys: PayloadKey[];
  codecToken?: string;
  /** `webhookSecret`: Resend's webhook (bounces and complaints after sending) is heard, its signature checked with it. */
  /** `requestsPerSecond`: the mail provider's rate for the team (Resend's default is 5), which mailings to a whole cohort keep to. */
  email: {
    from: string;
    requestsPerSecond: number;
    resend?: { apiKey: string; baseUrl?: string; webhookSecret?: string };
    adminAlertsTo?: string;
  };
  /** Single sign-on with the organisation's OpenID provider, when it has one. */
  sso?: SsoSettings;
}

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider as admins know it, on the login page's button: "Sign in with {name}". */
  name: string;
  /** Whose verified email is in these domains gets an account at their first sign-in, with `role`. */
  allowedDomains: string[];
  role: Role;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

type RawEnv = Record<string, string | undefined>;

function parseEnv<S extends z.ZodType>(schema: S, env: RawEnv): z.infer<S> {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  return parsed.data;
}

/** For `npm run migrate`, which needs nothing but the database. */
export function loadDatabaseUrl(env: RawEnv): string {
  return parseEnv(configSchema.pick({ DATABASE_URL: true }), env).DATABASE_URL;
}

/** Validates the environment and names every bad or missing variable at once. */
export function loadConfig(env: RawEnv): Config {
  const e = parseEnv(configSchema, env);
  if (e.OIDC_ISSUER && !(e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET)) {
    throw new ConfigError(['OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER (the client registered at the provider)']);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE, uiUrl: e.TEMPORAL_UI_URL },
    workerCachedWorkflows: e.WORKER_CACHED_WORKFLOWS,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    port: e.PORT,
    metrics: { port: e.METRICS_PORT, temporalPort: e.TEMPORAL_METRICS_PORT },
    logLevel: e.LOG_LEVEL,
    ...(e.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpUrl: e.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
    admin: { user: e.ADMIN_USER, password: e.ADMIN_PASSWORD, sessionSecret: e.SESSION_SECRET, trustProxy: e.TRUST_PROXY },
    linkSecret: e.LINK_SECRET,
    payloadKeys: e.PAYLOAD_KEYS,
    ...(e.CODEC_TOKEN ? { codecToken: e.CODEC_TOKEN } : {}),
    email: {
      from: e.EMAIL_FROM,
      requestsPerSecond: e.EMAIL_REQUESTS_PER_SECOND,
      ...(e.ADMIN_EMAIL ? { adminAlertsTo: e.ADMIN_EMAIL } : {}),
      ...(e.RESEND_API_KEY
        ? {
            resend: {
              apiKey: e.RESEND_API_KEY,
              ...(e.RESEND_BASE_URL ? { baseUrl: e.RESEND_BASE_URL } : {}),
              ...(e.RESEND_WEBHOOK_SECRET ? { webhookSecret: e.RESEND_WEBHOOK_SECRET } : {}),
            },
          }
        : {}),
    },
    ...(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          sso: {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
            allowedDomains: e.OIDC_ALLOWED_DOMAINS,
            role: e.OIDC_ROLE,
          },
        }
      : {}),
  };
}
