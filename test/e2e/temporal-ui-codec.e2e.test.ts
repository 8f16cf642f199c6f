import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-server.js';
import { ENCRYPTED_ENCODING } from '../../domain/payload-encryption.js';
import { createWorkflowClient } from '../../web/workflow-client.js';
import { pairStateQuery, pauseUpdate } from '../../workflows/pair/contract.js';
import { launchChromium } from '../helpers/browser.js';
import { eventually } from '../helpers/eventually.js';
import { logInOverHttp } from '../../dev/admin-over-http.js';
import { pairWorkflowKit, recording } from '../helpers/pair-workflow.js';
import { DAY } from '../helpers/time-skipping.js';
import { serveApp } from '../helpers/serve.js';
import { ADMIN, CODEC_TOKEN, createTestApp, createTestDatabase, startTestWorker, testCodec, testDataConverter } from '../helpers/stack.js';
import { createLinkSigner } from '../../domain/link-tokens.js';

/**
 * What an operator sees of a pair: Temporal (its server, its CLI) holds only ciphertext; Tandem's codec
 * endpoint opens it for the Temporal UI and the CLI, and for nobody else.
 */
const REASON = 'Zoë moved to Lyon to care for her father';
const SLUG = 'codec-ui-check';

let temporal: TemporalDevServer;
let connection: Connection;
let client: Client;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let server: { close(): Promise<void> };
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let base: string;
let uiUrl: string;
let workflowId: string;

beforeAll(async () => {
  const [port, uiPort, webPort] = [await freePort(), await freePort(), await freePort()];
  base = `http://localhost:${webPort}`;
  uiUrl = `http://localhost:${uiPort}`;
  // The dev server's UI, configured as `npm start` configures it: the codec token in the endpoint's path.
  temporal = await startTemporalDevServer({
    binary: inject('temporalBinary'),
    port,
    uiPort,
    uiCodecEndpoint: `${base}/codec/${CODEC_TOKEN}`,
  });
  connection = await Connection.connect({ address: temporal.address });
  client = new Client({ connection, dataConverter: testDataConverter });
  db = await createTestDatabase();
  const workflows = createWorkflowClient({ connection, namespace: 'default', taskQueue: 'codec', dataConverter: testDataConverter });
  server = await serveApp(
    createTestApp({ sql: db.sql, workflows, links: createLinkSigner('l'.repeat(32)), temporalUiUrl: uiUrl }),
    webPort,
  );

  // A pair past its charter, paused by the admin with a reason that names a person and a family matter.
  const recorded = recording();
  worker = await startTestWorker(recorded.activities, { address: temporal.address });
  const kit = pairWorkflowKit(() => client);
  const handle = await kit.activePair(recorded, worker.taskQueue, DAY, 1);
  workflowId = handle.workflowId;
  await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('active'));
  await handle.executeUpdate(pauseUpdate, { args: [{ reason: REASON }] });
  // The slug of the input is what the UI's page will show once decoded.
  await client.workflow.start('pairWorkflow', {
    taskQueue: worker.taskQueue,
    workflowId: `${workflowId}-input`,
    args: [{ ...(await kit.input(DAY)), cohortSlug: SLUG }],
  });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await connection?.close();
  await db?.drop();
  await temporal?.stop();
});

const run = promisify(execFile);
const show = async (id: string, ...codec: string[]) =>
  (
    await run(
      inject('temporalBinary'),
      ['workflow', 'show', '--address', temporal.address, '--workflow-id', id, '--output', 'json', ...codec],
      { maxBuffer: 16 * 1024 * 1024 },
    )
  ).stdout;

/**
 * Every payload of an exported history (objects with a metadata map), but for the two kinds Temporal must read
 * and that therefore cannot be encrypted: search attributes (ids and stages only) and the SDK's patch markers.
 */
function payloadsIn(value: unknown, found: { metadata: Record<string, string>; data?: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v) => payloadsIn(v, found));
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (object.metadata && typeof object.metadata === 'object' && 'encoding' in (object.metadata as object))
      found.push(object as { metadata: Record<string, string>; data?: string });
    else for (const [key, v] of Object.entries(object)) if (key !== 'searchAttributes' && key !== 'patch-data') payloadsIn(v, found);
  }
  return found;
}

describe('payloads encrypted in Temporal, decoded for operators', () => {
  it('`temporal workflow show` of a pair holds no clear text; with the codec endpoint it reads', async () => {
    const history = await show(workflowId);
    const payloads = payloadsIn(JSON.parse(history));
    expect(payloads.length).toBeGreaterThan(10); // input, signals, the update, activities, their results
    for (const payload of payloads) expect(Buffer.from(payload.metadata.encoding!, 'base64').toString()).toBe(ENCRYPTED_ENCODING);
    expect(history).not.toContain('Lyon');
    expect(history).not.toContain(Buffer.from(REASON).toString('base64').slice(0, 16));

    const decoded = payloadsIn(
      JSON.parse(await show(workflowId, '--codec-endpoint', `${base}/codec`, '--codec-auth', `Bearer ${CODEC_TOKEN}`)),
    );
    expect(decoded.map((p) => Buffer.from(p.data ?? '', 'base64').toString())).toContain(JSON.stringify({ reason: REASON }));
  });

  it('`temporal workflow query` and `describe` read through the codec endpoint too (the CLI sends `{}` for no payloads)', async () => {
    const codec = ['--codec-endpoint', `${base}/codec`, '--codec-auth', `Bearer ${CODEC_TOKEN}`];
    const cli = async (...args: string[]) =>
      (
        await run(
          inject('temporalBinary'),
          [...args, '--address', temporal.address, '--workflow-id', workflowId, '--output', 'json', ...codec],
          { timeout: 20_000 },
        )
      ).stdout;
    const state = JSON.parse(await cli('workflow', 'query', '--type', 'pairState')) as { queryResult: unknown[] };
    expect(JSON.stringify(state.queryResult)).toContain(REASON);
    expect(JSON.parse(await cli('workflow', 'describe'))).toMatchObject({ workflowExecutionInfo: { execution: { workflowId } } });
    const empty = await fetch(`${base}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CODEC_TOKEN}` },
      body: '{}',
    });
    expect(await empty.json()).toEqual({ payloads: [] });
  });

  it('the codec endpoint answers an admin or the token holder, for the UI origin and the namespace only', async () => {
    const [sealed] = await testCodec.encode([
      { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(REASON)) },
    ]);
    const body = JSON.stringify({
      payloads: [
        {
          metadata: {
            encoding: Buffer.from(sealed!.metadata!.encoding!).toString('base64'),
            'encryption-key-id': Buffer.from(sealed!.metadata!['encryption-key-id']!).toString('base64'),
          },
          data: Buffer.from(sealed!.data!).toString('base64'),
        },
      ],
    });
    const decode = (headers: Record<string, string> = {}, path = '/codec/decode', content = body) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
        body: content,
      });
    const opened = async (response: Response) =>
      Buffer.from(((await response.json()) as { payloads: { data: string }[] }).payloads[0]!.data, 'base64').toString();

    expect((await decode()).status).toBe(401);
    expect(await (await decode({ authorization: 'Bearer not-the-token' })).json()).toEqual({
      error: 'Log in to Tandem as an admin, or send the codec token, to read payloads.',
    });
    expect(await opened(await decode({ authorization: `Bearer ${CODEC_TOKEN}` }))).toBe(JSON.stringify(REASON));
    expect(await opened(await decode({}, `/codec/${CODEC_TOKEN}/decode`))).toBe(JSON.stringify(REASON));
    expect((await decode({}, '/codec/not-the-token/decode')).status).toBe(401);
    const cookie = await logInOverHttp(base, ADMIN.password, ADMIN.user);
    expect(await opened(await decode({ cookie }))).toBe(JSON.stringify(REASON));
    expect((await decode({ cookie, 'x-namespace': 'another' })).status).toBe(403);
    expect(await (await decode({ cookie }, '/codec/decode', '{"payloads": "none"}')).json()).toEqual({
      error: 'The body must be a list of payloads.',
    });

    // What a browser asks first: allowed from the Temporal UI, with credentials; from anywhere else, not.
    const preflight = (origin: string) =>
      fetch(`${base}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
      });
    const fromUi = await preflight(uiUrl);
    expect(fromUi.headers.get('access-control-allow-origin')).toBe(uiUrl);
    expect(fromUi.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the Temporal UI shows a pair workflow decoded', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${uiUrl}/namespaces/default/workflows/${workflowId}-input`);
      // The input, encrypted in Temporal, is shown as Tandem's codec endpoint decoded it.
      await page.getByText(SLUG).first().waitFor({ timeout: 30_000 });
      expect(await page.content()).not.toContain(ENCRYPTED_ENCODING);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
