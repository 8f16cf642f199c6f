/** How forms are read and checked: as browsers send them (urlencoded), or as a script might (multipart). Over real HTTP. */
import { Hono } from 'hono';
import { z } from 'zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { checkForm, lastValues, readForm } from '../../web/form-body.js';
import { serveApp } from '../helpers/serve.js';

const invitation = z.object({
  email: z.email('admin.accounts.error.email'),
  role: z.enum(['owner', 'manager'], 'admin.accounts.error.role'),
  cohorts: z.array(z.string()),
});

let server: { close(): Promise<void> };
let base: string;
beforeAll(async () => {
  const app = new Hono()
    .post('/all', async (c) => c.json(await readForm(c)))
    .post('/last', async (c) => c.json(lastValues(await readForm(c))))
    .post('/checked', async (c) => c.json(await checkForm(c, invitation, { lists: ['cohorts'] })))
    // As behind the admin pages' CSRF check, which reads the form as FormData first.
    .post('/after-form-data', async (c) => (await c.req.formData(), c.json(await readForm(c))));
  const port = await freePort();
  server = await serveApp(app, port);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => server?.close());

const post = async (path: string, body: URLSearchParams | FormData) => (await fetch(`${base}${path}`, { method: 'POST', body })).json();

it('reads a urlencoded form: text as sent, the boxes of one question as a list', async () => {
  const form = new URLSearchParams([
    ['goals', 'Négocier & “grandir” = 100%'],
    ['helpWith', 'Networking'],
    ['helpWith', 'Career choices'],
    ['empty', ''],
  ]);
  expect(await post('/all', form)).toEqual({ goals: 'Négocier & “grandir” = 100%', helpWith: ['Networking', 'Career choices'], empty: '' });
  expect(await post('/last', form)).toEqual({ goals: 'Négocier & “grandir” = 100%', helpWith: 'Career choices', empty: '' });
});

it('reads a urlencoded form the same way after a middleware has read it as FormData', async () => {
  const form = new URLSearchParams([
    ['_csrf', 'token'],
    ['helpWith', 'Networking'],
    ['helpWith', 'Career choices'],
  ]);
  expect(await post('/after-form-data', form)).toEqual({ _csrf: 'token', helpWith: ['Networking', 'Career choices'] });
});

it('reads a multipart form the same way, leaving files out', async () => {
  const form = new FormData();
  form.append('goals', 'Learn');
  form.append('helpWith', 'Networking');
  form.append('helpWith', 'Career choices');
  form.append('attachment', new File(['secret'], 'cv.pdf'));
  expect(await post('/all', form)).toEqual({ goals: 'Learn', helpWith: ['Networking', 'Career choices'] });
});

it('checks a form against its schema: typed data, or its problems as catalogue keys, a field not sent among them', async () => {
  const good = new URLSearchParams([
    ['email', 'ada@example.org'],
    ['role', 'manager'],
    ['cohorts', 'lyon'],
  ]);
  expect(await post('/checked', good)).toEqual({
    ok: true,
    data: { email: 'ada@example.org', role: 'manager', cohorts: ['lyon'] },
    values: { email: 'ada@example.org', role: 'manager', cohorts: 'lyon' },
  });
  expect(await post('/checked', new URLSearchParams([['email', 'not an address']]))).toEqual({
    ok: false,
    problems: { email: { key: 'admin.accounts.error.email', values: {} }, role: { key: 'admin.accounts.error.role', values: {} } },
    values: { email: 'not an address' },
  });
  // A multipart form from a script is checked the same way; no box ticked is an empty list.
  const multipart = new FormData();
  multipart.append('email', 'ada@example.org');
  multipart.append('role', 'owner');
  expect(await post('/checked', multipart)).toMatchObject({ ok: true, data: { cohorts: [] } });
});
