/**
 * Roles on every admin route: the table of permissions read against the routes the app registers (a route
 * added without its line fails here), each role's answer on each route, and each page showing only the forms
 * and links its reader may use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cohort } from '../../db/cohorts.js';
import { ROUTE_PERMISSIONS } from '../../web/admin/permissions.js';
import { grants, type Role } from '../../domain/admin-roles.js';
import { createAccount } from '../helpers/accounts.js';
import { approvedPairOf, startCohort } from '../helpers/cohort-fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { webClient } from '../helpers/web-client.js';

/** Admin pages anyone may open: signing in (with a password or the organisation's provider), and the links of invitations and resets. */
const PUBLIC = [
  '/admin/login',
  '/admin/login/code',
  '/admin/welcome/:token',
  '/admin/reset',
  '/admin/reset/:token',
  '/admin/sso',
  '/admin/sso/callback',
];

let stack: TestStack;
let managed: Cohort;
let other: Cohort;
let pairId: string;
let participantId: string;
const clients: Record<string, ReturnType<typeof webClient>> = {};
const accountIds: Record<string, string> = {};
const csrf: Record<string, string> = {};

/** Who is tested: each role, and a manager limited to `managed`, inside and outside it. */
const READERS: Record<string, { role: Role; limited?: boolean }> = {
  owner: { role: 'owner' },
  manager: { role: 'manager' },
  limited: { role: 'manager', limited: true },
  viewer: { role: 'viewer' },
};

beforeAll(async () => {
  stack = await startTestStack();
  ({
    cohort: managed,
    pair: { id: pairId, menteeId: participantId },
  } = await approvedPairOf(stack, 'roles-managed'));
  other = await startCohort(stack, 'roles-other', ['Noa:mentor', 'Eli:mentee']);
  for (const [name, reader] of Object.entries(READERS)) {
    const account = await createAccount(stack.sql, { login: `${name}@roles.test`, ...reader, manages: [managed.id] });
    accountIds[name] = account.id;
    clients[name] = webClient(stack.app);
    await clients[name].logIn(account);
    csrf[name] = (await clients[name].hiddenFields('/admin/account'))._csrf!;
  }
}, 60_000);
afterAll(async () => stack?.stop());

/** Every admin route the app answers, as `METHOD path`. */
const adminRoutes = () =>
  [
    ...new Set(
      stack.app.routes
        .filter((r) => r.path.startsWith('/admin') && !r.path.endsWith('*') && r.method !== 'ALL' && !PUBLIC.includes(r.path))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ].sort();

/** A route's path with its parameters filled in: the cohort, its pair and mentee, the viewer's account. */
const pathOf = (route: string, cohort: Cohort) =>
  route
    .split(' ')[1]!
    .replace(':slug', cohort.slug)
    .replace(':pairId', pairId)
    .replace(':participantId', participantId)
    .replace(':accountId', accountIds.viewer!)
    .replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');

describe('roles', () => {
  it('has a permission for every admin route, and none for a route that does not exist', () => {
    const routes = adminRoutes();
    expect(routes.filter((r) => !(r in ROUTE_PERMISSIONS))).toEqual([]);
    expect(Object.keys(ROUTE_PERMISSIONS).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers each role on each route as its permission says: 403 for what the role may not do', async () => {
    const refusals: string[] = [];
    const wrong: string[] = [];
    for (const [name, reader] of Object.entries(READERS)) {
      for (const cohort of [managed, other]) {
        for (const route of adminRoutes()) {
          if (route === 'POST /admin/logout' || route.startsWith('POST /admin/account/')) continue; // ending one's own session is tested below
          const permission = ROUTE_PERMISSIONS[route]!;
          const outside =
            reader.limited && cohort === other && route.includes(':slug') && ['read', 'run', 'personal-data'].includes(permission);
          const allowed = grants(reader.role, permission) && !outside;
          const client = clients[name]!;
          const [method] = route.split(' ');
          const path = pathOf(route, cohort);
          const response = method === 'GET' ? await client.get(path) : await client.post(path, { _csrf: csrf[name]! });
          if (response.status === 403) refusals.push(`${name} ${method} ${path}`);
          if ((response.status === 403) === allowed) wrong.push(`${name} ${route} on ${cohort.slug}: ${response.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(refusals.length).toBeGreaterThan(50);
  }, 120_000);

  it('shows each reader only the forms and links their role allows, on every page they may open', async () => {
    const allowedPath = (name: string, path: string) => {
      const route = Object.keys(ROUTE_PERMISSIONS).find((r) => {
        const pattern = new RegExp(`^${r.split(' ')[1]!.replace(/:\w+/g, '[^/]+')}$`);
        return pattern.test(path);
      });
      if (!route) return true; // not an admin route (an asset, the Temporal UI)
      const reader = READERS[name]!;
      const outside = reader.limited && path.includes(`/${other.slug}`);
      return grants(reader.role, ROUTE_PERMISSIONS[route]!) && !outside;
    };
    const shownButRefused: string[] = [];
    for (const name of Object.keys(READERS)) {
      const client = clients[name]!;
      for (const route of adminRoutes().filter(
        (r) => r.startsWith('GET ') && !r.endsWith('.csv') && !r.endsWith('.json') && !r.endsWith('.svg'),
      )) {
        const path = pathOf(route, managed);
        const response = await client.get(path);
        if (response.status !== 200) continue;
        const html = await response.text();
        for (const [, target] of html.matchAll(/(?:action|href)="(\/admin[^"?#]*)/g)) {
          if (!allowedPath(name, target!)) shownButRefused.push(`${name} on ${path}: ${target}`);
        }
      }
    }
    expect(shownButRefused).toEqual([]);
  }, 120_000);

  it('lists to a limited manager only the cohorts they manage', async () => {
    const list = await (await clients.limited!.get('/admin')).text();
    expect(list).toContain(managed.name);
    expect(list).not.toContain(other.name);
    const everything = await (await clients.manager!.get('/admin')).text();
    expect(everything).toContain(other.name);
  });
});
