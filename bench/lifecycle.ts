/**
 * `npm run bench:lifecycle`: 500 pairs through the whole lifecycle on the embedded stack, on a compressed
 * schedule. A load script plays every participant: it reads each new email in the outbox, opens the
 * personal link in it and answers the form through the web endpoints (intake survey, charter, two check-ins,
 * final survey), as many at a time as a busy morning would bring. The admin closes the survey and approves
 * the proposal through the web. Ends when the cohort has closed with its report, with one JSON line.
 *
 * On the rehearsal stack (BENCH_STACK=rehearsal) it also hurts the stack as production gets hurt: a web
 * instance killed during the survey burst, a worker killed while the pairs are introduced, the Temporal server
 * restarted and PostgreSQL restarted while they run; then checks that nothing was lost, no email went twice,
 * no workflow is stuck and every pair completed.
 */
import { Client, Connection } from '@temporalio/client';
import { hiddenFields, participantsCsv, round, startBenchStack, waitFor } from './embedded-stack.js';
import { CHECK_IN, FINAL, SURVEY } from './survey-answers.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CHECK_IN_INTERVAL = process.env.BENCH_CHECK_IN_INTERVAL ?? '120s';
// Long enough that the last pairs to start (about two minutes after the first: 500 pairs introduced and
// their charters sent at once, then signed) still get a full last check-in.
const PROGRAMME = process.env.BENCH_PROGRAMME ?? '480s';

const log = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${line}`);
const t0 = performance.now();
const stack = await startBenchStack();
const { sql, base } = stack;
const latencies: number[] = [];
const submittedAt: number[] = [];
const failures: string[] = [];
const byKind: Record<string, number> = {};
/** Submissions answered "Thank you", by form: each must be in the database. */
const thanked: Record<string, number> = {};
/** What the rehearsal did to the stack, when, and how long the part took to come back. */
const faults: { fault: string; atSeconds: number; backInSeconds: number }[] = [];
const rehearsal = stack.kind === 'rehearsal';
const hurt = async (fault: string, act: () => Promise<number>) => {
  const atSeconds = round((performance.now() - t0) / 1000);
  log(`fault: ${fault}`);
  const backInSeconds = round((await act()) / 1000);
  faults.push({ fault, atSeconds, backInSeconds });
  log(`fault: ${fault}: back in ${backInSeconds} s`);
};
let resets = 0;
/** Submissions answered "busy, try again shortly" (the update took longer than the page waits). */
let busy = 0;
/** Submissions cut off by the balancer (502: their web instance was killed under them), sent again. */
let gatewayErrors = 0;
/** Pages opened without their form (closed, or an error), reloaded. */
let reloads = 0;
let inbox: ReturnType<typeof answerEveryEmail> | undefined;

try {
  const cookie = await stack.startApp();
  const admin = (path: string, form?: Record<string, string> | FormData) =>
    fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { origin: base, cookie },
      body: form instanceof FormData ? form : form && new URLSearchParams(form),
    });

  const form = new FormData();
  const fields = {
    name: 'Lifecycle benchmark',
    charter: 'We meet every month and answer every check-in.',
    surveyDuration: '30m',
    charterDuration: '30m',
    checkInCount: '2',
    checkInInterval: CHECK_IN_INTERVAL,
    programmeDuration: PROGRAMME,
  };
  for (const [k, v] of Object.entries({ ...hiddenFields(await (await admin('/admin/cohorts/new')).text()), ...fields })) form.append(k, v);
  form.append(
    'participants',
    new File([participantsCsv(PAIRS * 2, (i) => (i % 2 ? 'mentee' : 'mentor'))], 'participants.csv', { type: 'text/csv' }),
  );
  const started = performance.now();
  const created = await admin('/admin/cohorts', form);
  if (created.status !== 303) throw new Error(`cohort form answered ${created.status}`);
  const slug = created.headers.get('location')!.split('/')[3]!.split('?')[0]!;
  log(`cohort ${slug} created with ${PAIRS * 2} participants`);

  inbox = answerEveryEmail();
  const burstFault = rehearsal
    ? waitFor(async () => (await count`select count(*)::int as n from survey_answers`) >= PAIRS, 600_000, 'half the surveys').then(() =>
        hurt('web instance 2 killed (SIGKILL) during the survey burst, started again 5 s later', () => stack.faults.kill('web', 1, 5_000)),
      )
    : undefined;
  /** Waits for a stage of the programme; a form refused on the way stops the run at once, saying why. */
  const reach = (check: () => Promise<boolean>, what: string, timeoutMs: number) =>
    waitFor(
      async () => {
        if (failures.length) throw new Error(`a form was refused: ${failures[0]}`);
        return check();
      },
      timeoutMs,
      what,
      (error) => error instanceof Error && error.message.startsWith('a form was refused'),
    );
  await reach(async () => (await count`select count(*)::int as n from survey_answers`) === PAIRS * 2, 'every survey answer', 600_000);
  await burstFault;
  log('every intake survey answered; the admin closes the survey');
  const csrf = hiddenFields(await (await admin(`/admin/cohorts/${slug}`)).text())._csrf!;
  await admin(`/admin/cohorts/${slug}/close-survey`, { _csrf: csrf });
  let runId = '';
  await reach(
    async () => {
      runId = hiddenFields(await (await admin(`/admin/cohorts/${slug}/matching`)).text()).runId ?? '';
      return runId !== '';
    },
    'the proposal',
    300_000,
  );
  await admin(`/admin/cohorts/${slug}/matching/approve`, { _csrf: csrf, runId });
  await reach(async () => (await count`select count(*)::int as n from pairs`) === PAIRS, 'every pair approved', 120_000);
  log(`proposal approved: ${PAIRS} pairs, each emailed its introduction and charter`);
  if (rehearsal)
    await hurt('worker 1 killed (SIGKILL) while the pairs are introduced, started again 10 s later', () =>
      stack.faults.kill('worker', 0, 10_000),
    );
  await reach(
    async () => (await count`select count(*)::int as n from pairs where stage = 'active'`) === PAIRS,
    'every charter signed',
    600_000,
  );
  log('every pair has signed its charter and started');
  if (rehearsal) {
    await hurt('Temporal server restarted (SIGTERM, start on the same databases)', () => stack.faults.restartTemporal());
    await hurt('PostgreSQL restarted (fast shutdown: every connection cut)', () => stack.faults.restartPostgres());
  }
  await reach(
    async () => (await count`select count(*)::int as n from cohorts where report is not null`) === 1,
    'the cohort report',
    1_800_000,
  );
  const total = (performance.now() - started) / 1000;
  inbox.stop();
  await inbox.done;
  inbox = undefined;

  const [report] = await sql<
    { report: { completed: number; pairs: number; checkInResponseRate: number; finalSurveyResponseRate: number } }[]
  >`select report from cohorts`;
  const emails = await count`select count(*)::int as n from outbox_messages`;
  const duplicates =
    await count`select count(*)::int as n from (select idempotency_key from outbox_messages group by 1 having count(*) > 1) d`;
  const peak = await stack.peakRssMb();
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  const workflows = (await count`select count(*)::int as n from pairs`) + 1;
  const busiest = busiestTenSeconds();
  const stored: Record<string, number> = {
    survey: await count`select count(*)::int as n from survey_answers`,
    charter: await count`select count(*)::int as n from charter_signatures`,
    'check-in': await count`select count(*)::int as n from check_in_answers`,
    'final-survey': await count`select count(*)::int as n from final_survey_answers`,
  };
  const answersLost = Object.entries(thanked).reduce((lost, [kind, n]) => lost + Math.max(0, n - (stored[kind] ?? 0)), 0);
  // Stuck: running, but for the closed cohort, which keeps running until its retention ends (then erases).
  const temporalConnection = await Connection.connect({ address: stack.temporal.address });
  const running = () =>
    new Client({ connection: temporalConnection }).workflow.count('ExecutionStatus = "Running" AND TandemStage != "closed"');
  let stuckWorkflows = (await running()).count;
  await waitFor(async () => (stuckWorkflows = (await running()).count) === 0, 15_000, 'the last workflows to finish').catch(
    () => undefined,
  ); // visibility lags a moment
  await temporalConnection.close();

  log(
    `report: ${report!.report.completed} of ${report!.report.pairs} pairs completed; check-ins answered ${report!.report.checkInResponseRate} %, final survey ${report!.report.finalSurveyResponseRate} %`,
  );
  log(
    `submissions by form: ${JSON.stringify(byKind)}; failures: ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}; "busy, try again" answers: ${busy}; cut off by a killed instance and sent again: ${gatewayErrors}; pages reloaded: ${reloads}; connections reset and retried: ${resets}`,
  );
  log(`emails in the outbox: ${emails}, duplicated: ${duplicates}`);
  log(
    `whole lifecycle in ${total.toFixed(1)} s (schedule: programme ${PROGRAMME}, check-ins every ${CHECK_IN_INTERVAL}); ${workflows} workflows, ${(workflows / total).toFixed(2)} workflows/s over the run`,
  );
  log(
    `${latencies.length} form submissions (each attempt counted): ${(latencies.length / total).toFixed(1)}/s over the run, ${busiest.toFixed(1)}/s in the busiest 10 s; latency p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms`,
  );
  log(
    `answers thanked ${JSON.stringify(thanked)}, stored ${JSON.stringify(stored)}: ${answersLost} lost; workflows running after the report (the closed cohort aside): ${stuckWorkflows}`,
  );
  log(`peak memory: worker ${peak.worker} MB, web ${peak.web} MB${stack.instances > 1 ? ' (the busiest of each)' : ''}`);
  console.log(
    JSON.stringify({
      bench: 'lifecycle',
      stack: stack.kind,
      pairs: PAIRS,
      completedPairs: report!.report.completed,
      totalSeconds: round(total),
      workflows,
      workflowsPerSecond: round(workflows / total),
      submissions: latencies.length,
      submissionFailures: failures.length,
      busyAnswers: busy,
      gatewayErrors,
      pagesReloaded: reloads,
      connectionResetsRetried: resets,
      submissionsPerSecond: round(latencies.length / total),
      submissionsPerSecondBusiest10s: round(busiest),
      submissionP50Ms: Math.round(pct(50)),
      submissionP99Ms: Math.round(pct(99)),
      emails,
      duplicateEmails: duplicates,
      workerPeakRssMb: peak.worker,
      webPeakRssMb: peak.web,
      answersLost,
      stuckWorkflows,
      ...(rehearsal ? { faults } : {}),
    }),
  );
} finally {
  inbox?.stop();
  await inbox?.done;
  await stack.stop();
}

async function count(strings: TemplateStringsArray): Promise<number> {
  return (await sql<{ n: number }[]>(strings))[0]!.n;
}

/** The participants: every new email with a personal form link is opened and answered; reminders are not needed. */
function answerEveryEmail() {
  let running = true;
  let lastId = 0;
  const seen = new Set<number>();
  const queue: string[] = [];
  const linkPattern = new RegExp(`href="(${base}/(survey|charter|check-in|final-survey)/[^"]+)"`);
  const poll = async () => {
    while (running) {
      // Rows commit out of id order under load: look back a little, and read only what was not seen.
      const rows = await unread().catch(() => []); // PostgreSQL restarting: read again in a moment
      for (const row of rows) {
        const id = Number(row.id);
        seen.add(id);
        lastId = Math.max(lastId, id);
        const link = linkPattern.exec(row.html)?.[1];
        if (link && !/reminder/i.test(row.subject)) queue.push(link);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const unread = async () => {
    const ids = (await sql<{ id: string }[]>`select id from outbox_messages where id > ${Math.max(0, lastId - 2_000)}`)
      .map((r) => Number(r.id))
      .filter((id) => !seen.has(id));
    return ids.length
      ? sql<
          { id: string; subject: string; html: string }[]
        >`select id, subject, html from outbox_messages where id = any(${ids}::bigint[]) order by id`
      : [];
  };
  const answerer = async () => {
    while (running || queue.length) {
      const link = queue.shift();
      if (!link) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      await answer(link).catch((error: Error) => failures.push(`${link}: ${error.message}`));
    }
  };
  const done = Promise.all([poll(), ...Array.from({ length: CONCURRENCY }, answerer)]);
  const stop = () => {
    running = false;
    queue.length = 0;
  };
  return { stop, done };
}

/** Opens the form behind a link as the participant would, and sends it filled in; times the sending. */
async function answer(link: string) {
  const kind = new URL(link).pathname.split('/')[1]!;
  let page = '';
  for (let attempt = 1; attempt <= 10; attempt++) {
    page = await (await retried(() => fetch(link))).text();
    if (/name="(requestId|submissionId)"/.test(page)) break;
    reloads++; // no form on the page: a person would reload it in a moment
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const answers: Record<string, string | string[]> =
    kind === 'survey'
      ? SURVEY[/data-role="mentor"/.test(page) ? 'mentor' : 'mentee']
      : kind === 'charter'
        ? { typedName: 'A Participant', agree: 'on' }
        : kind === 'check-in'
          ? CHECK_IN
          : FINAL;
  const body = new URLSearchParams(hiddenFields(page));
  for (const [name, value] of Object.entries(answers)) for (const v of [value].flat()) body.append(name, v);
  if (!/name="questionsAnswered"/.test(page)) body.delete('questionsAnswered'); // the mentor's final survey is shorter
  // As a person would: on "busy, try again shortly" (the page keeps the form and its request id), send again.
  for (let attempt = 1; ; attempt++) {
    const sent = performance.now();
    // A reset connection is retried with the same form: its request id makes a second arrival the same answer.
    const response = await retried(() => fetch(link, { method: 'POST', headers: { origin: base }, body }));
    latencies.push(performance.now() - sent);
    submittedAt.push(sent);
    const text = await response.text();
    if ((response.status === 503 || response.status === 502) && attempt < 10) {
      if (response.status === 503) busy++;
      else gatewayErrors++;
      await new Promise((r) => setTimeout(r, 1_000));
      continue;
    }
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    if (response.status === 200) thanked[kind] = (thanked[kind] ?? 0) + 1;
    const about = JSON.parse(Buffer.from(link.split('/').at(-1)!.split('.')[0]!, 'base64url').toString()) as unknown[];
    if (response.status !== 200)
      failures.push(
        `${kind} ${String(about[2])} at ${((performance.now() - t0) / 1000).toFixed(1)} s, ${response.status}: ${text
          .replace(/<style[\s\S]*<\/style>/, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 200)}`,
      );
    return;
  }
}

async function retried(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt === 3) throw error;
      resets++;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

function busiestTenSeconds(): number {
  const times = [...submittedAt].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! > 10_000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best / 10;
}
