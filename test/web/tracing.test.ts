/**
 * Traces an operator can follow: with OpenTelemetry's in-memory exporter in place of OTLP, a form post and
 * what it causes in Temporal are one trace, through the signal relay when the answer goes by PostgreSQL.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { startTracing } from '../../observability/tracing.js';
import { SHORT_PROGRAMME } from '../../dev/admin-over-http.js';
import { SURVEY } from '../../bench/survey-answers.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { csvFile, webClient } from '../helpers/web-client.js';

const exporter = new InMemorySpanExporter();
let tracing: ReturnType<typeof startTracing> | undefined;
let stack: TestStack;

beforeAll(async () => {
  const processor = new SimpleSpanProcessor(exporter);
  tracing = startTracing('tandem-web', { processor });
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  await tracing?.shutdown();
  // Other files in this worker process run untraced, as before.
  trace.disable();
  context.disable();
  propagation.disable();
});

const spans = () => exporter.getFinishedSpans();
const traceOf = (root: ReadableSpan) => spans().filter((s) => s.spanContext().traceId === root.spanContext().traceId);
const named = (name: string) => spans().find((s) => s.name === name);

/**
 * Waits for `steps` to appear in the trace of the request span `request`, then checks each is the child of the
 * one before: one trace, in the order things happened.
 */
async function expectChain(request: ReadableSpan, steps: string[]) {
  await eventually(async () => expect(traceOf(request).map((s) => s.name)).toEqual(expect.arrayContaining(steps)));
  const chain = [request, ...steps.map((name) => traceOf(request).find((s) => s.name === name)!)];
  expect(chain.slice(1).map((span) => span.parentSpanId)).toEqual(chain.slice(0, -1).map((span) => span.spanContext().spanId));
  // Route patterns and ids only: no token, no name, no answer.
  expect(JSON.stringify(traceOf(request).map((s) => [s.name, s.attributes]))).not.toMatch(
    /\/(survey|join)\/[\w-]{20}|Bob|Noor|@|first job/,
  );
}

it('creating a cohort is one trace: the form post, the workflow’s start, and the activities its run starts', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  const created = await admin.post('/admin/cohorts', {
    ...(await admin.hiddenFields('/admin/cohorts/new')),
    name: 'Traced Cohort',
    ...SHORT_PROGRAMME,
    participants: csvFile('name,email,role,language\nAda,ada@example.org,mentor,English\nBob,bob@example.org,mentee,English\n'),
  });
  expect(created.status).toBe(303);
  const post = named('POST /admin/cohorts')!;
  expect(post.attributes['http.response.status_code']).toBe(303);
  // Temporal's header carries the web app's span to the worker: the run's activities are the start's children,
  // on its task queue and on the email task queue alike.
  await expectChain(post, ['StartWorkflow:cohortWorkflow', 'RunActivity:planSurveyMailing']);
  await expectChain(post, ['StartWorkflow:cohortWorkflow', 'RunActivity:sendSurveyMailingBatch']);
});

it('one survey answer is one trace: the form post, and the relay that carries it to the workflow as a signal', async () => {
  const [email] = await listOutboxMessages(stack.sql, { to: 'bob@example.org' });
  const link = /href="http:\/\/localhost(\/survey\/[^"]+)"/.exec((await getOutboxMessage(stack.sql, email!.id))!.html)![1]!;
  const participant = webClient(stack.app);
  const submissionId = /name="submissionId" value="([^"]+)"/.exec(await (await participant.get(link)).text())![1]!;
  const saved = await participant.post(link, { submissionId, ...SURVEY.mentee });
  expect(saved.status).toBe(200);
  // The web app's request, then the worker's relay (by way of PostgreSQL), then Temporal's signal.
  await expectChain(named('POST /survey/:token')!, ['relay surveyAnswered', 'SignalWorkflow:surveyAnswered']);
});

it('a sign-up is one trace from the public form to the confirmation the workflow sends: web, relay, signal, activity', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  const { _csrf } = await admin.hiddenFields('/admin/cohorts/traced-cohort');
  expect((await admin.post('/admin/cohorts/traced-cohort/enrolment/open', { _csrf: _csrf!, cap: '10' })).status).toBe(303);
  const join = new URL(
    /id="enrolment-link" readonly="" value="([^"]+)"/.exec(await (await admin.get('/admin/cohorts/traced-cohort')).text())![1]!,
  ).pathname;
  const signedUp = await webClient(stack.app).post(join, {
    name: 'Noor',
    email: 'noor@people.example.org',
    role: 'mentee',
    language: 'en',
  });
  expect(signedUp.status).toBe(200);
  // The workflow's signal handler starts the activity: the header the signal carried goes on to it.
  await expectChain(named('POST /join/:key')!, [
    'relay enrolmentRequested',
    'SignalWorkflow:enrolmentRequested',
    'RunActivity:sendEnrolmentConfirmations',
  ]);
});
