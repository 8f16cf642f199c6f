/**
 * `npm run bench:burst`: the launch of a programme, when the invitation email brings everyone at once. On the
 * embedded stack, a 1,000-participant cohort: the first 900 answer over a minute or so (the cohort's history
 * grows), then the last 100 and 200 edits arrive as one burst of 300 simultaneous requests, then edits keep
 * coming at 100 requests/s for 60 s. Each phase: successes, "busy" pages, failures, p50/p99/max latency.
 * Yardsticks in the same run: a bare Hono route inserting one row into the same PostgreSQL, and a bare
 * Workflow Update on fresh no-op workflows on the same Temporal server, under the same two load shapes.
 * Checks that every answer that got its "Thank you" page is the one stored. Ends with one line of JSON.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Hono } from 'hono';
import { createSql } from '../db/sql.js';
import { opened } from '../db/data-keys.js';
import { freePort } from '../dev/ports.js';
import { hiddenFields, participantsCsv, round, startBenchStack, waitFor, timedLog } from './embedded-stack.js';
import { burst, describeFigures, figures, postForm, sustained, type Outcome } from './load.js';
import { SURVEY, formBody } from './survey-answers.js';
import { pingUpdate } from './yardstick-workflow.js';

const PARTICIPANTS = 1000;
const FIRST_WAVE = 900;
const FIRST_WAVE_RATE = Number(process.env.BENCH_FIRST_WAVE_RATE ?? 15);
const SUSTAINED_RATE = 100;
const SUSTAINED_SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 60);
const YARDSTICK_SECONDS = 20;
const role = (i: number) => (i % 3 === 0 ? 'mentor' : 'mentee');

// Child mode: the bare-insert yardstick, a Hono route in a process of its own like the web app.
if (process.argv[2] === '--insert-yardstick') {
  const sql = createSql(process.argv[3]!);
  await sql`create table if not exists yardstick_rows (id bigserial primary key, participant text not null, answers jsonb not null, at timestamptz not null default now())`;
  const app = new Hono().post('/answer', async (c) => {
    const form = await c.req.parseBody();
    await sql`insert into yardstick_rows (participant, answers) values (${String(form.participant)}, ${sql.json(form as never)})`;
    return c.text('Thank you');
  });
  serve({ fetch: app.fetch, port: Number(process.argv[4]) }, () => console.log('ready'));
} else {
  await main();
}

async function main() {
  const log = timedLog();
  const stack = await startBenchStack();
  const { sql, base } = stack;
  try {
    const cookie = await stack.startApp();
    const form = new FormData();
    const fields = {
      name: 'Burst benchmark',
      charter: 'We meet every month.',
      surveyDuration: '2d',
      charterDuration: '1w',
      checkInCount: '2',
      checkInInterval: '4w',
      programmeDuration: '26w',
    };
    for (const [k, v] of Object.entries({
      ...hiddenFields(await (await fetch(`${base}/admin/cohorts/new`, { headers: { cookie } })).text()),
      ...fields,
    }))
      form.append(k, v);
    form.append('participants', new File([participantsCsv(PARTICIPANTS, role)], 'participants.csv', { type: 'text/csv' }));
    const created = await fetch(`${base}/admin/cohorts`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, cookie },
      body: form,
    });
    if (created.status !== 303) throw new Error(`cohort form answered ${created.status}`);
    await waitFor(
      async () => (await sql<{ n: number }[]>`select count(*)::int as n from outbox_messages`)[0]!.n === PARTICIPANTS,
      120_000,
      'the invitations',
    );
    const links = new Map<number, string>();
    for (const m of await sql<{ toAddress: string; html: string }[]>`select to_address, html from outbox_messages`) {
      links.set(Number(/participant(\d+)@/.exec(m.toAddress)![1]), new RegExp(`href="(${base}/survey/[^"]+)"`).exec(m.html)![1]!);
    }
    log(`cohort of ${PARTICIPANTS} created, invitations out`);

    /** What each participant last saw "Thank you" for: the one answer that must be stored. */
    const acknowledged = new Map<number, string>();
    let version = 0;
    const answer = async (i: number): Promise<number> => {
      const marker = `answer ${++version}`;
      const body = formBody({ submissionId: randomUUID(), ...SURVEY[role(i)], preferences: marker });
      const { status } = await postForm(links.get(i)!, body, { origin: base });
      if (status === 200) acknowledged.set(i, marker);
      return status;
    };

    const firstWave = await sustained(FIRST_WAVE_RATE, FIRST_WAVE / FIRST_WAVE_RATE, (k) => answer(k));
    log(`first wave: ${describeFigures(figures(firstWave))}`);
    // The last 100 first answers and 200 edits of earlier ones, all at once; no one has two in flight.
    const burstOutcomes = await burst(300, (k) => answer(k < 100 ? FIRST_WAVE + k : (k - 100) * 4));
    log(`burst of 300: ${describeFigures(figures(burstOutcomes))}`);
    const steady = await sustained(SUSTAINED_RATE, SUSTAINED_SECONDS, (k) => answer(k % PARTICIPANTS));
    log(`sustained ${SUSTAINED_RATE}/s for ${SUSTAINED_SECONDS} s: ${describeFigures(figures(steady))}`);

    const stored = new Map(
      (
        await opened(
          sql,
          await sql<
            { email: string; preferences: string }[]
          >`select p.email, a.answers ->> 'preferences' as preferences from survey_answers a join participants p on p.id = a.participant_id`,
        )
      ).map((r) => [Number(/participant(\d+)@/.exec(r.email)![1]), r.preferences]),
    );
    const lost = [...acknowledged].filter(([i, marker]) => stored.get(i) !== marker).length;
    log(
      `stored answers: ${stored.size}; participants shown "Thank you": ${acknowledged.size}; thanked answers not stored as sent: ${lost}`,
    );
    const peak = await stack.peakRssMb();
    log(`peak memory: worker ${peak.worker} MB, web ${peak.web} MB`);

    const insert = await insertYardstick(stack.postgresUrl);
    log(`yardstick, bare insert: burst ${describeFigures(insert.burst)}; sustained ${describeFigures(insert.sustained)}`);
    const update = await updateYardstick(stack.temporal.address);
    log(`yardstick, bare Workflow Update: burst ${describeFigures(update.burst)}; sustained ${describeFigures(update.sustained)}`);

    const phases = { firstWave: figures(firstWave), burst: figures(burstOutcomes), sustained: figures(steady) };
    console.log(
      JSON.stringify({
        bench: 'burst',
        participants: PARTICIPANTS,
        ...phases,
        storedAnswers: stored.size,
        acknowledgedParticipants: acknowledged.size,
        lostAnswers: lost,
        workerPeakRssMb: peak.worker,
        webPeakRssMb: peak.web,
        yardstickInsert: insert,
        yardstickUpdate: update,
        sustainedP99VsInsertP99: round(phases.sustained.p99Ms / Math.max(1, insert.sustained.p99Ms)),
      }),
    );
  } finally {
    await stack.stop();
  }

  async function insertYardstick(postgresUrl: string) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'burst.ts'), '--insert-yardstick', postgresUrl, String(port)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const send = async (i: number) => {
      const { status } = await postForm(
        `http://localhost:${port}/answer`,
        formBody({ participant: String(i % PARTICIPANTS), ...SURVEY.mentee }),
      );
      return status;
    };
    try {
      return { burst: figures(await burst(300, send)), sustained: figures(await sustained(SUSTAINED_RATE, YARDSTICK_SECONDS, send)) };
    } finally {
      child.kill('SIGTERM');
    }
  }

  async function updateYardstick(address: string) {
    Runtime.install({ logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error } });
    const connection = await NativeConnection.connect({ address });
    const worker = await Worker.create({
      connection,
      taskQueue: 'yardstick',
      workflowsPath: path.join(import.meta.dirname, 'yardstick-workflow.ts'),
      activities: { noop: async () => {} },
    });
    const client = new Client({ connection: await Connection.connect({ address }) });
    return worker.runUntil(async () => {
      const fresh = async (count: number) =>
        Promise.all(
          Array.from({ length: count }, () =>
            client.workflow.start('yardstickUpdateWorkflow', { taskQueue: 'yardstick', workflowId: `yardstick-${randomUUID()}` }),
          ),
        );
      const burstHandles = await fresh(300);
      const burstFigures = figures(await burst(300, async (i) => (await burstHandles[i]!.executeUpdate(pingUpdate, { args: [i] }), 200)));
      const steadyHandles = await fresh(SUSTAINED_RATE * YARDSTICK_SECONDS);
      const steady: Outcome[] = await sustained(
        SUSTAINED_RATE,
        YARDSTICK_SECONDS,
        async (i) => (await steadyHandles[i]!.executeUpdate(pingUpdate, { args: [i] }), 200),
      );
      return { burst: burstFigures, sustained: figures(steady) };
    });
  }
}
