import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { translator, type MessageKey, type MessageValues } from '../i18n/translator.js';

/** No inline script or style anywhere (the pages' CSS and script are files); forms post to Tandem only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";

/**
 * Headers of every answer: the usual hardening, the CSP, and `no-store` (the pages show personal data, and
 * a shared computer's cache must not keep them). A route that says otherwise (an asset, the dev outbox's
 * framed email) keeps what it said.
 */
const hardening = secureHeaders({ contentSecurityPolicy: undefined, xFrameOptions: 'SAMEORIGIN' });
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await hardening(c, next);
  for (const [name, value] of [
    ['content-security-policy', CONTENT_SECURITY_POLICY],
    ['cache-control', 'no-store'],
  ] as const) {
    if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  }
};

/** Forms are small; only the cohort form carries a file. Read that far and no further. */
const FORM_LIMIT = 64 * 1024;
/** A CSV over the 5 MB limit but under this is read, so the form comes back with its error and what was typed. */
export const UPLOAD_LIMIT = 25 * 1024 * 1024;

/** The Temporal UI asks the codec endpoint for a few payloads at a time; Temporal's own limit is 2 MB each. */
const CODEC_LIMIT = 8 * 1024 * 1024;

export const bodyLimits: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  // The participants CSV and the organisation's logo (whose own limit the settings page explains) are uploads.
  const upload = c.req.method === 'POST' && (c.req.path === '/admin/cohorts' || c.req.path === '/admin/organisation');
  const maxSize = upload ? UPLOAD_LIMIT : c.req.path.startsWith('/codec/') ? CODEC_LIMIT : FORM_LIMIT;
  const tooLarge = () => {
    throw upload
      ? new Refused(413, 'error.page.uploadTooLarge', { upload: UPLOAD_LIMIT / 1048576 })
      : new Refused(413, 'error.page.tooLarge');
  };
  // A declared length (what browsers send) is checked without touching the body: reading `c.req.raw.body`
  // would make the server wrap the request in a web stream, which costs more than the rest of a form post.
  const length = c.req.header('content-length');
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) return Number(length) > maxSize ? tooLarge() : next();
  return bodyLimit({ maxSize, onError: tooLarge })(c, next);
};

/**
 * A page answers within five seconds, whatever is slow behind it: past that, the error page says Tandem
 * is slow or restarting (and keeps what was sent), while the work goes on or fails on its own.
 */
export function deadline(ms: number): MiddlewareHandler {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    const work = next().then(() => 'done' as const);
    work.catch(() => undefined); // answered already if late; its error is not anyone's to see
    try {
      if ((await Promise.race([work, late])) === 'late') throw new DependencyUnavailable('slow');
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * A request Tandem refuses, saying why with a catalogue key: the error page words it in the reader's language.
 * Its message, for logs, is the English.
 */
export class Refused extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly why: MessageKey,
    readonly values?: MessageValues,
  ) {
    super(status, { message: translator().t(why, values) });
  }
}

/** What a page cannot reach right now. */
export class DependencyUnavailable extends Error {
  constructor(readonly dependency: 'database' | 'temporal' | 'slow') {
    super(`Tandem cannot reach ${dependency}`);
  }
}

/** An admin action Temporal could not take right now: the 503 page, which keeps the form to send again. */
export function unlessUnavailable<T extends { ok: boolean; reason?: string }>(outcome: T): T {
  if (!outcome.ok && outcome.reason === 'unavailable') throw new DependencyUnavailable('temporal');
  return outcome;
}

/** Errors of a database or a Temporal server that is not there, as opposed to a bug. */
export function unavailableDependency(error: unknown): DependencyUnavailable['dependency'] | undefined {
  if (error instanceof DependencyUnavailable) return error.dependency;
  const { code, name } = error as { code?: string | number; name?: string };
  const postgres = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'CONNECT_TIMEOUT',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    '57P01',
    '57P02',
    '57P03',
    '53300',
  ];
  if (typeof code === 'string' && postgres.includes(code)) return 'database';
  if (code === 14 || code === 4 || name === 'ServiceError' || name === 'ConnectionError') return 'temporal';
  return undefined;
}
