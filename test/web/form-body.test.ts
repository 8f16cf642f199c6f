/** How participants' forms are read: as browsers send them (urlencoded), or as a script might (multipart). Over real HTTP. */
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { lastValues, readForm } from '../../web/form-body.js';
import { serveApp } from '../helpers/serve.js';

let server: { close(): Promise<void> };
let base: string;
beforeAll(async () => {
  const app = new Hono()
    .post('/all', async (c) => c.json(await readForm(c)))
    .post('/last', async (c) => c.json(lastValues(await readForm(c))));
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

it('reads a multipart form the same way, leaving files out', async () => {
  const form = new FormData();
  form.append('goals', 'Learn');
  form.append('helpWith', 'Networking');
  form.append('helpWith', 'Career choices');
  form.append('attachment', new File(['secret'], 'cv.pdf'));
  expect(await post('/all', form)).toEqual({ goals: 'Learn', helpWith: ['Networking', 'Career choices'] });
});
