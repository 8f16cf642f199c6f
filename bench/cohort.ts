/**
 * `npm run bench:cohort`: a 1,000-participant cohort created through the web endpoint on the embedded stack
 * (Temporal dev server on SQLite/WAL, embedded PostgreSQL, worker and web as their own processes). Measures
 * the time from submit until every invitation is in the outbox, peak memory of worker and web, and, as a
 * yardstick, the same server's rate for a bare workflow running one no-op activity. Ends with one JSON line.
 */
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { hiddenFields, participantsCsv, round, startBenchStack } from './embedded-stack.js';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const YARDSTICK_WORKFLOWS = Number(process.env.BENCH_YARDSTICK ?? 500);
const ROOT = path.resolve(import.meta.dirname, '..');

const log = (line: string) => console.log(line);
const stack = await startBenchStack();
const { sql, temporal, base } = stack;

try {
  // Yardstick first, on a quiet server.
  Runtime.install({ logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error } });
  const yardstickRate = await runYardstick();
  log(`yardstick: ${yardstickRate.toFixed(1)} bare workflows/s (one no-op activity each, ${YARDSTICK_WORKFLOWS} started at once)`);

  const cookie = await stack.startApp();
  const hidden = hiddenFields(await (await fetch(`${base}/admin/cohorts/new`, { headers: { cookie } })).text());
  const form = new FormData();
  for (const [k, v] of Object.entries({
    ...hidden,
    name: 'Benchmark cohort',
    charter: 'We meet monthly and answer every check-in.',
    surveyDuration: '2w',
    checkInCount: '6',
    checkInInterval: '4w',
    programmeDuration: '26w',
    charterDuration: '1w',
  }))
    form.append(k, v);
  form.append(
    'participants',
    new File([participantsCsv(PARTICIPANTS, (i) => (i % 3 === 0 ? 'mentor' : 'mentee'))], 'participants.csv', { type: 'text/csv' }),
  );

  const submitted = performance.now();
  const response = await fetch(`${base}/admin/cohorts`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, cookie },
    body: form,
  });
  if (response.status !== 303) throw new Error(`cohort form answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  const responded = performance.now();
  let inOutbox = 0;
  while (inOutbox < PARTICIPANTS) {
    await new Promise((r) => setTimeout(r, 100));
    inOutbox = (await sql<{ n: number }[]>`select count(*)::int as n from outbox_messages`)[0]!.n;
  }
  const done = performance.now();
  const seconds = (done - submitted) / 1000;
  const { worker: workerPeak, web: webPeak } = await stack.peakRssMb();
  const invitationsPerSecond = PARTICIPANTS / seconds;

  log(
    `form submit answered in ${((responded - submitted) / 1000).toFixed(2)} s (CSV parsed, ${PARTICIPANTS} participants stored, workflow started)`,
  );
  log(
    `all ${PARTICIPANTS} invitations in the outbox ${seconds.toFixed(2)} s after submit (target < 60 s): ${invitationsPerSecond.toFixed(1)} emails/s`,
  );
  log(`peak memory: worker ${workerPeak} MB, web ${webPeak} MB`);
  log(`ratio: invitations/s ÷ bare workflows/s = ${(invitationsPerSecond / yardstickRate).toFixed(2)}`);
  console.log(
    JSON.stringify({
      bench: 'cohort',
      participants: PARTICIPANTS,
      submitResponseSeconds: round((responded - submitted) / 1000),
      invitationsSeconds: round(seconds),
      invitationsPerSecond: round(invitationsPerSecond),
      workerPeakRssMb: workerPeak,
      webPeakRssMb: webPeak,
      yardstickWorkflowsPerSecond: round(yardstickRate),
      ratioToYardstick: round(invitationsPerSecond / yardstickRate),
      targetSeconds: 60,
      metTarget: seconds < 60,
    }),
  );
} finally {
  await stack.stop();
}

async function runYardstick(): Promise<number> {
  const connection = await NativeConnection.connect({ address: temporal.address });
  const worker = await Worker.create({
    connection,
    taskQueue: 'yardstick',
    workflowsPath: path.join(ROOT, 'bench/yardstick-workflow.ts'),
    activities: { noop: async () => {} },
  });
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
  const rate = await worker.runUntil(async () => {
    const started = performance.now();
    const handles = await Promise.all(
      Array.from({ length: YARDSTICK_WORKFLOWS }, (_, i) =>
        client.workflow.start('yardstickWorkflow', { taskQueue: 'yardstick', workflowId: `yardstick-${i}` }),
      ),
    );
    await Promise.all(handles.map((h) => h.result()));
    return YARDSTICK_WORKFLOWS / ((performance.now() - started) / 1000);
  });
  await client.connection.close();
  await connection.close();
  return rate;
}
