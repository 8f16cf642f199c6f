/**
 * `npm run bench:cohort-page`: the admin's page of a national cohort. On the embedded stack, a cohort of
 * 20,000 pairs (BENCH_PAIRS; 40,000 participants, their names sealed as always) is stored as a running
 * programme, with its cohort workflow running, alerts on some pairs and a mix of stages and health. The web app
 * then serves the cohort page as admins ask for it: as it opens, searched by name and by address, filtered, a far
 * page, and ordered by name, one request at a time. Prints each view's latency (p50, p95, p99, max) and size, and one line of JSON.
 * The target: p99 within 1 s.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { insertCohort } from '../db/cohorts.js';
import { insertAlert } from '../db/pair-lifecycle.js';
import { encryptedDataConverter, parsePayloadKeys } from '../domain/payload-encryption.js';
import { cohortWorkflowId, type CohortWorkflowInput } from '../workflows/cohort/contract.js';
import { pairWorkflowId } from '../workflows/pair/contract.js';
import { BENCH_PAYLOAD_KEYS, startBenchStack, timedLog } from './embedded-stack.js';
import { measureViews } from './page-latency.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const DAY = 86_400_000;
const log = timedLog();
const stack = await startBenchStack();
const { sql, base } = stack;

try {
  const cookie = await stack.startApp();
  const now = Date.now();
  const schedule = {
    surveyOpensAt: new Date(now - 30 * DAY).toISOString(),
    surveyDeadline: new Date(now - 16 * DAY).toISOString(),
    checkInCount: 6,
    checkInIntervalMs: 28 * DAY,
    programmeDurationMs: 26 * 7 * DAY,
    charterDurationMs: 7 * DAY,
  };
  const { cohort } = await insertCohort(sql, {
    formId: randomUUID(),
    slug: 'national',
    name: 'National network',
    description: 'Alumni mentoring, every region',
    charter: 'We meet every month.',
    schedule,
    participants: Array.from({ length: PAIRS * 2 }, (_, i) => ({
      line: i + 2,
      name: `${['Ava', 'Hélène', 'Mia', 'Noah', 'Sami', 'Zoë'][i % 6]} Participant${i}`,
      email: `p${i}@example.org`,
      role: i % 2 ? ('mentee' as const) : ('mentor' as const),
      languages: ['English'],
      attributes: {},
    })),
  });
  log(`${PAIRS * 2} participants stored`);

  const ids = await sql<{ id: string; role: string }[]>`select id, role from participants where cohort_id = ${cohort.id} order by csv_line`;
  const mentors = ids.filter((p) => p.role === 'mentor');
  const mentees = ids.filter((p) => p.role === 'mentee');
  const [run] = await sql<{ id: string }[]>`
    insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result, status)
    values (${cohort.id}, 'initial', 'bench', '{}', '{}', '{}', 'approved') returning id`;
  // A programme a few months in: most pairs on track, some needing attention or at risk, a few ended.
  const health = (i: number) => (i % 50 === 0 ? 'at-risk' : i % 10 === 0 ? 'needs-attention' : 'on-track');
  const rows = mentees.map((m, i) => ({
    cohortId: cohort.id,
    matchRunId: run!.id,
    menteeId: m.id,
    mentorId: mentors[i]!.id,
    workflowId: pairWorkflowId(cohort.slug, m.id, mentors[i]!.id),
    score: 40 + (i % 61),
    criteria: sql.json([]),
    status: i % 40 === 0 ? 'ended' : 'active',
    stage: i % 40 === 0 ? 'dissolved' : 'active',
    health: health(i),
    healthReasons: sql.json([]),
  }));
  for (let i = 0; i < rows.length; i += 1000) await sql`insert into pairs ${sql(rows.slice(i, i + 1000) as never)}`;
  const pairs = await sql<{ id: string; menteeId: string; mentorId: string; health: string }[]>`
    select id, mentee_id, mentor_id, health from pairs where cohort_id = ${cohort.id} and status = 'active' and health <> 'on-track' limit 100`;
  for (const [i, p] of pairs.entries())
    await insertAlert(sql, {
      key: `bench-${i}`,
      cohortId: cohort.id,
      pairId: p.id,
      details: {
        kind: 'health',
        menteeId: p.menteeId,
        mentorId: p.mentorId,
        atRisk: p.health === 'at-risk',
        checkIn: 2,
        reasons: [],
        blockedIds: [],
      },
    });
  const [started] = await sql<{ endsAt: Date }[]>`
    update cohorts set stage = 'running', programme_ends_at = ${new Date(Date.parse(schedule.surveyDeadline) + schedule.programmeDurationMs)}
    where id = ${cohort.id} returning programme_ends_at as ends_at`;
  log(`${PAIRS} pairs and ${pairs.length} alerts stored`);

  // The cohort's workflow, as it runs once its pairs have started: the page asks it where the cohort stands.
  const connection = await Connection.connect({ address: stack.temporal.address });
  const client = new Client({ connection, dataConverter: encryptedDataConverter(parsePayloadKeys(BENCH_PAYLOAD_KEYS)) });
  const input: CohortWorkflowInput = {
    version: 1,
    cohortId: cohort.id,
    slug: cohort.slug,
    schedule,
    participantCount: PAIRS * 2,
    state: {
      stage: 'running',
      total: PAIRS * 2,
      invited: PAIRS * 2,
      answered: PAIRS * 2,
      rounds: 1,
      programmeEndsAt: started!.endsAt.toISOString(),
    },
  };
  await client.workflow.start('cohortWorkflow', { taskQueue: stack.taskQueue, workflowId: cohortWorkflowId(cohort.slug), args: [input] });
  await connection.close();

  const page = `${base}/admin/cohorts/${cohort.slug}`;
  const views = {
    opened: page,
    searched: `${page}?q=${encodeURIComponent('helene participant1')}`,
    byAddress: `${page}?q=${encodeURIComponent('p1001@example.org')}`,
    atRisk: `${page}?health=at-risk&sort=score`,
    farPage: `${page}?page=${Math.ceil(PAIRS / 50 / 2)}`,
    // Names are sealed: ordering by them opens every one.
    byMentorName: `${page}?sort=mentor&page=3`,
  };
  const measured = await measureViews(views, { cookie, requests: REQUESTS, expected: 'data-active-pair', log });
  const { web } = await stack.peakRssMb();
  console.log(
    JSON.stringify({
      bench: 'cohort-page',
      pairs: PAIRS,
      participants: PAIRS * 2,
      requestsPerView: REQUESTS,
      p99Ms: measured.p99Ms,
      targetP99Ms: 1000,
      views: measured.views,
      webPeakRssMb: web,
    }),
  );
} finally {
  await stack.stop();
}
