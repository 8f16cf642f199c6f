/**
 * `npm run bench:proposal-page`: a national proposal, matched by the real worker and reviewed by the admin. On
 * the embedded stack, a cohort of 20,000 mentees and 8,000 mentors (BENCH_MENTEES, BENCH_MENTORS; answers from
 * the synthetic cohort of bench:matching, names and answers sealed as always) closes its survey; the cohort
 * workflow runs the matching activity in the worker process as deployed (its heap flag from docker-compose.yml),
 * under BENCH_SETTINGS (one of bench:matching's settings). Then the web app serves the proposal's page as an admin
 * reviews it: as it opens, searched by name, by address and by two names at once, filtered, a far page, ordered
 * by name. Prints the match's time and the worker's peak memory, each view's latency and size, and one line of JSON.
 * Targets: each view's p99 within 1 s; the match within 30 s and 2 GB.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow/index.js';
import type { MatchProgress } from '../domain/match-progress.js';
import { insertCohort } from '../db/cohorts.js';
import { dataKeysOf, sealFields } from '../db/data-keys.js';
import { encryptedDataConverter, parsePayloadKeys } from '../domain/payload-encryption.js';
import { OWN_WORDS } from '../domain/own-words.js';
import { cohortWorkflowId, type CohortWorkflowInput } from '../workflows/cohort/contract.js';
import { BENCH_PAYLOAD_KEYS, round, startBenchStack, waitFor, timedLog } from './embedded-stack.js';
import { BENCH_SETTINGS, TIE_HEAVY_SETTINGS, syntheticCohort } from './matching-instance.js';
import { measureViews } from './page-latency.js';

const MENTEES = Number(process.env.BENCH_MENTEES ?? 20_000);
const MENTORS = Number(process.env.BENCH_MENTORS ?? 8_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const SETTINGS_NAME = process.env.BENCH_SETTINGS ?? 'bench settings';
const settings = { 'bench settings': BENCH_SETTINGS, ...TIE_HEAVY_SETTINGS }[SETTINGS_NAME];
if (!settings) throw new Error(`BENCH_SETTINGS: no settings named "${SETTINGS_NAME}"`);
const DAY = 86_400_000;
const log = timedLog();
const stack = await startBenchStack();
const { sql, base } = stack;

try {
  const cookie = await stack.startApp();
  const now = Date.now();
  const schedule = {
    surveyOpensAt: new Date(now - 15 * DAY).toISOString(),
    surveyDeadline: new Date(now - DAY).toISOString(),
    checkInCount: 6,
    checkInIntervalMs: 28 * DAY,
    programmeDurationMs: 26 * 7 * DAY,
    charterDurationMs: 7 * DAY,
  };
  const synthetic = syntheticCohort(MENTEES, MENTORS);
  const people = [...synthetic.mentees, ...synthetic.mentors];
  const { cohort } = await insertCohort(sql, {
    formId: randomUUID(),
    slug: 'national',
    name: 'National network',
    description: 'Alumni mentoring, every region',
    charter: 'We meet every month.',
    schedule,
    matchSettings: settings,
    participants: people.map((p, i) => ({
      line: i + 2,
      name: `${['Ava', 'Hélène', 'Mia', 'Noah', 'Sami', 'Zoë'][i % 6]} ${p.name}`,
      email: `p${i}@example.org`,
      role: p.answers.role,
      languages: p.answers.languages,
      attributes: p.attributes,
    })),
  });
  const ids = await sql<{ id: string }[]>`select id from participants where cohort_id = ${cohort.id} order by csv_line`;
  const keys = await dataKeysOf(
    sql,
    ids.map((p) => p.id),
  );
  const answers = ids.map(({ id }, i) => ({
    participantId: id,
    cohortId: cohort.id,
    submissionId: randomUUID(),
    answers: sql.json(sealFields(id, keys.get(id)!, people[i]!.answers, OWN_WORDS.survey) as never),
  }));
  for (let i = 0; i < answers.length; i += 1000) await sql`insert into survey_answers ${sql(answers.slice(i, i + 1000) as never)}`;
  log(`${MENTEES} mentees and ${MENTORS} mentors stored with their answers`);

  // The cohort's workflow as its survey closes: the real worker proposes the national match.
  const connection = await Connection.connect({ address: stack.temporal.address });
  const client = new Client({ connection, dataConverter: encryptedDataConverter(parsePayloadKeys(BENCH_PAYLOAD_KEYS)) });
  const input: CohortWorkflowInput = {
    version: 1,
    cohortId: cohort.id,
    slug: cohort.slug,
    schedule,
    participantCount: people.length,
    state: { stage: 'matching', total: people.length, invited: people.length, answered: people.length, rounds: 0 },
  };
  await sql`update cohorts set stage = 'matching' where id = ${cohort.id}`;
  const matchBegun = performance.now();
  const handle = await client.workflow.start('cohortWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: cohortWorkflowId(cohort.slug),
    args: [input],
  });
  // Each phase the matching activity heartbeats, and when it was first seen: where the worker's time goes.
  const phases: Record<string, number> = {};
  await waitFor(
    async () => {
      const { raw } = await handle.describe();
      const details = raw.pendingActivities?.find((a) => a.activityType?.name === 'proposeMatching')?.heartbeatDetails?.payloads;
      if (details?.length) {
        const { phase } = await decodeFromPayloadsAtIndex<MatchProgress>(client.options.loadedDataConverter, 0, details);
        phases[phase] ??= round((performance.now() - matchBegun) / 1000);
      }
      return (await handle.query<{ stage: string }>('cohortState')).stage === 'review';
    },
    600_000,
    'the proposal',
  );
  const matchSeconds = round((performance.now() - matchBegun) / 1000);
  log(`phases first seen at (s): ${JSON.stringify(phases)}`);
  await connection.close();
  const [proposal] = await sql<{ pairs: number; unmatched: number; kb: number }[]>`
    select jsonb_array_length(result -> 'pairs') as pairs, jsonb_array_length(result -> 'unmatched') as unmatched,
      pg_column_size(result) / 1024 as kb
    from match_runs where cohort_id = ${cohort.id}`;
  const { worker: workerPeakRssMb } = await stack.peakRssMb();
  log(
    `proposed in ${matchSeconds} s by the worker (peak ${workerPeakRssMb} MB): ${proposal!.pairs} pairs, ${proposal!.unmatched} unmatched, stored in ${proposal!.kb} KB`,
  );

  const page = `${base}/admin/cohorts/${cohort.slug}/matching`;
  const views = {
    opened: page,
    searched: `${page}?q=${encodeURIComponent('helene mentee 1')}`,
    byAddress: `${page}?q=${encodeURIComponent('p1001@example.org')}`,
    twoPairs: `${page}?q=${encodeURIComponent('Mentee 17, Mentee 9001')}`,
    warnings: `${page}?show=warnings`,
    farPage: `${page}?page=${Math.ceil(MENTEES / 50 / 2)}`,
    // Names are sealed: ordering by them opens every one.
    byMentorName: `${page}?sort=mentor&page=3`,
  };
  const measured = await measureViews(views, { cookie, requests: REQUESTS, expected: 'data-figure="matched"', log });
  const { web } = await stack.peakRssMb();
  console.log(
    JSON.stringify({
      bench: 'proposal-page',
      mentees: MENTEES,
      mentors: MENTORS,
      settings: SETTINGS_NAME,
      pairs: proposal!.pairs,
      unmatched: proposal!.unmatched,
      storedKb: proposal!.kb,
      matchSeconds,
      matchPhasesAt: phases,
      workerPeakRssMb,
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
