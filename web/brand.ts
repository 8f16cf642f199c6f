import { Hono, type MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { getLogo, getOrganisation, type Organisation } from '../db/organisation.js';
import type { Sql } from '../db/sql.js';
import { brandOf, TANDEM_BRAND, type Brand } from '../domain/organisation.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The organisation's look and contact, for every page of this request. */
    brand: Brand;
  }
}

/** How long a web instance reuses the organisation it read: another instance's change shows within this. */
const FRESH_MS = 10_000;
/** The organisation last read from each database (one in production; one per app under test). */
const known = new WeakMap<Sql, { organisation: Organisation | undefined; at: number }>();

/** This instance saved new settings: its next page reads them. */
export function forgetOrganisation(sql: Sql): void {
  known.delete(sql);
}

/**
 * Every page wears the organisation (`brand` for the layout). Read at most every few seconds; while the
 * database is down, pages keep the last one read (or Tandem's) rather than wait for it.
 */
export function brandPages(sql: Sql): MiddlewareHandler {
  return async (c, next) => {
    let read = known.get(sql);
    if (!read || Date.now() - read.at > FRESH_MS) {
      const organisation = await getOrganisation(sql).catch(() => read?.organisation);
      known.set(sql, (read = { organisation, at: Date.now() }));
    }
    const { organisation } = read;
    // Relative addresses: pages load the logo from their own origin.
    c.set('brand', brandOf(organisation, '', organisation?.logoVersion ?? undefined));
    await next();
  };
}

/** The brand of the page being rendered (Tandem's outside a request). */
export const pageBrand = (): Brand => tryGetContext()?.var.brand ?? TANDEM_BRAND;

/** The logo, and the stylesheet that gives pages the organisation's colour; both cached, their address versioned. */
export function createBrandRoutes(sql: Sql) {
  return new Hono()
    .get('/logo', async (c) => {
      const logo = await getLogo(sql);
      if (!logo) return c.notFound();
      c.header('content-type', logo.logoType);
      c.header('cache-control', 'public, max-age=31536000, immutable');
      return c.body(new Uint8Array(logo.logo));
    })
    .get('/style.css', (c) => {
      const colour = /^[0-9a-f]{6}$/.exec(c.req.query('colour') ?? '')?.[0] ?? TANDEM_BRAND.colour.slice(1);
      c.header('content-type', 'text/css; charset=utf-8');
      c.header('cache-control', 'public, max-age=31536000, immutable');
      return c.body(`:root { --brand: #${colour}; }\n`);
    });
}
