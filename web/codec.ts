import { createHash, timingSafeEqual } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import type { AdminAuthGuard } from './auth.js';

/**
 * The codec endpoint of the Temporal UI and CLI (`POST /codec/decode`, `POST /codec/encode`): it opens the
 * encrypted payloads for an operator, so it answers only
 * - a signed-in Tandem admin: a UI on the same site as Tandem sends the session cookie when its codec
 *   setting "include cross-origin credentials" is on;
 * - the bearer of `CODEC_TOKEN`, in the Authorization header (the CLI's `--codec-auth`) or as the endpoint's
 *   last path segment (`/codec/<token>`), for a UI that can send neither: the dev server's, Temporal Cloud's.
 * It serves Tandem's namespace only, and browsers may call it from the Temporal UI's origin alone.
 */
export interface CodecDeps {
  codec: PayloadCodec;
  auth: AdminAuthGuard;
  namespace: string;
  /** Where the Temporal UI is served; its origin is the one allowed to call from a browser. */
  uiUrl: string;
  token?: string;
}

/** Payloads as protobuf's JSON writes them: bytes in base64, and an empty list left out (the CLI sends `{}`). */
const payloadsJson = z.object(
  {
    payloads: z
      .array(z.object({ metadata: z.record(z.string(), z.base64()).optional(), data: z.base64().optional() }), {
        error: 'must be a list of payloads',
      })
      .default([]),
  },
  { error: 'must be a JSON object with "payloads"' },
);

const fromBase64 = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? '', 'base64'));
const toBase64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('base64');

const sameToken = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function createCodecRoutes(deps: CodecDeps) {
  async function authorised(c: Context): Promise<boolean> {
    const given = c.req.param('token') ?? /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (given && deps.token && sameToken(given, deps.token)) return true;
    return deps.auth.isSignedIn(c);
  }

  const route = (direction: 'encode' | 'decode') => async (c: Context) => {
    if (!(await authorised(c))) return c.json({ error: 'Log in to Tandem as an admin, or send the codec token, to read payloads.' }, 401);
    const namespace = c.req.header('x-namespace');
    if (namespace && namespace !== deps.namespace) return c.json({ error: `This codec serves namespace "${deps.namespace}" only.` }, 403);
    const parsed = payloadsJson.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: `The body ${parsed.error.issues[0]?.message ?? 'is not valid'}.` }, 400);
    const payloads: Payload[] = parsed.data.payloads.map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([key, value]) => [key, fromBase64(value)])),
      data: fromBase64(p.data),
    }));
    let result: Payload[];
    try {
      result = await deps.codec[direction](payloads);
    } catch (error) {
      return c.json({ error: (error as Error).message }, 422);
    }
    return c.json({
      payloads: result.map((p) => ({
        metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([key, value]) => [key, toBase64(value)])),
        data: toBase64(p.data),
      })),
    });
  };

  return new Hono()
    .use(
      cors({
        origin: new URL(deps.uiUrl).origin,
        credentials: true,
        allowMethods: ['POST'],
        allowHeaders: ['Content-Type', 'X-Namespace', 'Authorization'],
        maxAge: 600,
      }),
    )
    .post('/encode', route('encode'))
    .post('/decode', route('decode'))
    .post('/:token/encode', route('encode'))
    .post('/:token/decode', route('decode'));
}
