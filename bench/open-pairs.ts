/**
 * `npm run bench:open-pairs`: the worker's memory with a large programme open. On the embedded stack, 5,000
 * pairs (BENCH_PAIRS) are started as an approved proposal starts them; each is introduced and gets its
 * charter, both parties sign through the web, and the pairs wait for their first check-in, weeks away.
 * Prints the time to get there, the worker's peak and settled memory, the web's peak, and one line of JSON.
 * WORKER_CACHED_WORKFLOWS, passed on to the worker, is the setting this weighs.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { startPairWorkflow } from '../activities/pairs.js';
import { forEachConcurrently } from '../activities/concurrency.js';
import { insertCohort } from '../db/cohorts.js';
import { listPairsOfRun } from '../db/matching.js';
import { createLinkSigner } from '../domain/link-tokens.js';
import { encryptedDataConverter, parsePayloadKeys } from '../domain/payload-encryption.js';
import { pairWorkflowId } from '../workflows/pair/contract.js';
import { BENCH_PAYLOAD_KEYS, round, startBenchStack, waitFor, timedLog } from './embedded-stack.js';
import { formBody } from './survey-answers.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 5000);
const CONCURRENCY = 32;
const log = timedLog();
const stack = await startBenchStack();
const { sql, base } = stack;
const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;

try {
  await stack.startApp();
  const people = Array.from({ length: PAIRS * 2 }, (_, i) => ({
    line: i + 2,
    name: `Participant ${i}`,
    email: `p${i}@example.org`,
    role: i % 2 ? ('mentee' as const) : ('mentor' as const),
    languages: ['English'],
    attributes: {},
  }));
  const now = Date.now();
  const { cohort } = await insertCohort(sql, {
    formId: randomUUID(),
    slug: 'open-pairs',
    name: 'Open pairs',
    description: '',
    charter: 'We meet every month.',
    schedule: {
      surveyOpensAt: new Date(now - 86_400_000).toISOString(),
      surveyDeadline: new Date(now).toISOString(),
      checkInCount: 6,
      checkInIntervalMs: 28 * 86_400_000,
      programmeDurationMs: 26 * 7 * 86_400_000,
      charterDurationMs: 7 * 86_400_000,
    },
    participants: people,
  });
  // The proposal as matching would leave it approved: each mentor with one mentee.
  const ids = await sql<{ id: string; role: string }[]>`select id, role from participants where cohort_id = ${cohort.id} order by csv_line`;
  const mentors = ids.filter((p) => p.role === 'mentor');
  const mentees = ids.filter((p) => p.role === 'mentee');
  const [run] = await sql<
    { id: string }[]
  >`insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result, status) values (${cohort.id}, 'initial', 'bench', '{}', '{}', '{}', 'approved') returning id`;
  const rows = mentees.map((m, i) => ({
    cohortId: cohort.id,
    matchRunId: run!.id,
    menteeId: m.id,
    mentorId: mentors[i]!.id,
    workflowId: pairWorkflowId(cohort.slug, m.id, mentors[i]!.id),
    score: 70,
    criteria: sql.json([]),
  }));
  for (let i = 0; i < rows.length; i += 1000) await sql`insert into pairs ${sql(rows.slice(i, i + 1000) as never)}`;
  const [started] = await sql<
    { programmeEndsAt: Date }[]
  >`update cohorts set programme_ends_at = now() + interval '26 weeks', stage = 'running' where id = ${cohort.id} returning programme_ends_at`;
  log(`${PAIRS} pairs stored`);

  const connection = await Connection.connect({ address: stack.temporal.address });
  const client = new Client({ connection, dataConverter: encryptedDataConverter(parsePayloadKeys(BENCH_PAYLOAD_KEYS)) });
  const pairs = await listPairsOfRun(sql, run!.id);
  const startedAt = performance.now();
  await forEachConcurrently(pairs, 50, (pair) =>
    startPairWorkflow({ client, taskQueue: stack.taskQueue }, { ...cohort, programmeEndsAt: started!.programmeEndsAt }, pair, run!.id),
  );
  log(`${PAIRS} pair workflows started`);
  await waitFor(
    async () => (await count(sql`select count(*)::int as n from pairs where stage = 'charter'`)) === PAIRS,
    1_800_000,
    'every charter sent',
  );
  log('every pair introduced and its charter sent');

  const links = createLinkSigner('l'.repeat(32));
  let refused = 0;
  await forEachConcurrently(
    pairs.flatMap(
      (p) =>
        [
          [p, p.menteeId],
          [p, p.mentorId],
        ] as const,
    ),
    CONCURRENCY,
    async ([pair, participantId]) => {
      const token = links.sign({ scope: 'charter', participantId, subjectId: pair.id, expiresAt: Date.now() + 86_400_000 });
      const response = await fetch(`${base}/charter/${token}`, {
        method: 'POST',
        headers: { origin: base },
        body: formBody({ requestId: randomUUID(), typedName: 'A Participant', agree: 'on' }),
      });
      await response.text();
      if (response.status !== 200) refused++;
    },
  );
  log(`${PAIRS * 2} charters signed through the web (${refused} refused)`);
  await waitFor(
    async () => (await count(sql`select count(*)::int as n from pairs where stage = 'active'`)) === PAIRS,
    1_800_000,
    'every pair active',
  );
  const seconds = (performance.now() - startedAt) / 1000;
  log(`every pair active, waiting for its first check-in (${seconds.toFixed(0)} s from the first start)`);
  await new Promise((r) => setTimeout(r, 10_000)); // settle
  const peak = await stack.peakRssMb();
  const settledMb = Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(await stack.status('worker'))![1]) / 1024);
  const emails = await count(sql`select count(*)::int as n from outbox_messages`);
  log(`emails: ${emails}; worker peak ${peak.worker} MB, settled ${settledMb} MB; web peak ${peak.web} MB`);
  await connection.close();
  console.log(
    JSON.stringify({
      bench: 'open-pairs',
      pairs: PAIRS,
      cachedWorkflows: process.env.WORKER_CACHED_WORKFLOWS ?? 'default',
      secondsToAllActive: round(seconds),
      refusedSignatures: refused,
      emails,
      workerPeakRssMb: peak.worker,
      workerSettledRssMb: settledMb,
      webPeakRssMb: peak.web,
    }),
  );
} finally {
  await stack.stop();
}
