/**
 * `npm run demo:flash`: a whole flash mentoring programme, played to its end in a few minutes on the embedded
 * stack that `npm start` runs, so that a newcomer sees every step. 90 alumni and 90 international students:
 * the admin creates the cohort with the web form, everyone answers the intake survey from their invitation,
 * the admin closes the survey, the pairs are approved automatically, both sign the commitment, are reminded to
 * book their meeting (the window is a minute here) and give their feedback; about one pair in ten chooses to go
 * on as a long pair, with two check-ins and the final survey. The cohort then closes with its report, and the
 * demo prints where to look. Tandem keeps running for that (Ctrl-C stops it); with `--stop`, it stops.
 */
import { createHash } from 'node:crypto';
import { createCohortOverHttp, hiddenFieldsOf, logInOverHttp } from './admin-over-http.js';
import { createSql } from '../db/sql.js';
import { COHORT_KEY } from '../workflows/search-attributes.js';
import { demoPeople, type Person } from './demo-people.js';
import { localTandem, stopOnSignals, whereToLook } from './local-tandem.js';

const PAIRS = Number(process.env.DEMO_PAIRS ?? 90);
const stopAtEnd = process.argv.includes('--stop');
const t0 = Date.now();
const log = (line: string) => console.log(`[demo ${String(Math.round((Date.now() - t0) / 1000)).padStart(3)} s] ${line}`);

const everyone = demoPeople(PAIRS);
const byEmail = new Map(everyone.map((p) => [p.email, p]));
/** About one pair in ten goes on as a long pair; both parties read the same pair id, so both say the same. */
const goesOn = (pairId: string) => createHash('sha256').update(pairId).digest()[0]! % 10 === 0;

/** What the participants' inbox has done so far, said when the demo waits long. */
let inboxRead = () => 'no email read yet';

const tandem = localTandem();
const shutdown = stopOnSignals(tandem);
try {
  const config = await tandem.start();
  const base = config.publicBaseUrl;
  const sql = createSql(config.databaseUrl, { max: 4 });
  await waitFor(async () => Number((await fetch(`${base}/health`)).ok), 1, 'the web app');
  const cookie = await logInOverHttp(base, config.admin.password, config.admin.user);
  const admin = (path: string, form?: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { origin: base, cookie },
      body: form && new URLSearchParams(form),
    });
  const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;

  // Emails from an earlier run in the same data folder are not this cohort's.
  const lastId = await count(sql`select coalesce(max(id), 0)::int as n from outbox_messages`);
  const csv = [
    'name,email,role,language',
    ...everyone.map((p) => `${p.name},${p.email},${p.role},${[p.survey.languages].flat().join(';')}`),
  ].join('\n');
  const slug = await createCohortOverHttp(
    base,
    cookie,
    `Flash mentoring demo ${new Date().toISOString().slice(0, 19).replace('T', ' ')}`,
    `${csv}\n`,
    {
      format: 'flash',
      meetings: '1',
      meetingWindow: '1m',
      charter: 'We meet once within the window, on time, and each say afterwards how it went.',
      surveyDuration: '30m',
      charterDuration: '1m',
      checkInCount: '2',
      checkInInterval: '30s',
      programmeDuration: '3m',
    },
  );
  const cohortId = (await sql<{ id: string }[]>`select id from cohorts where slug = ${slug}`)[0]!.id;
  const ofCohort = sql`join pairs p on p.id = a.pair_id where p.cohort_id = ${cohortId}`;
  log(`cohort "${slug}" created: ${PAIRS} alumni and ${PAIRS} international students invited by email`);

  const inbox = answerEveryEmail(sql, base, lastId);
  inboxRead = () => `the participants have read ${inbox.read.emails} emails and sent ${inbox.read.forms} forms`;
  await waitFor(
    () =>
      count(
        sql`select count(*)::int as n from survey_answers s join participants x on x.id = s.participant_id where x.cohort_id = ${cohortId}`,
      ),
    PAIRS * 2,
    'every survey',
  );
  log('everyone has answered the intake survey; the admin closes it');
  await admin(`/admin/cohorts/${slug}/close-survey`, {
    _csrf: hiddenFieldsOf(await (await admin(`/admin/cohorts/${slug}`)).text())._csrf!,
  });
  await waitFor(() => count(sql`select count(*)::int as n from pairs where cohort_id = ${cohortId}`), 1, 'the pairs');
  log(
    `${await count(sql`select count(*)::int as n from pairs where cohort_id = ${cohortId}`)} pairs approved automatically; each is introduced and asked to sign the commitment`,
  );
  await waitFor(
    () => count(sql`select count(*)::int as n from pairs where cohort_id = ${cohortId} and stage = 'active'`),
    PAIRS,
    'every commitment signed',
  );
  log('every pair has signed and started: one meeting within a minute; a reminder to book it comes after 20 s');
  await waitFor(
    () => count(sql`select count(*)::int as n from check_in_answers a ${ofCohort} and a.round = 0`),
    PAIRS * 2,
    'every feedback',
  );
  const wentOn = await count(
    sql`select count(*)::int as n from (select a.pair_id from check_in_answers a ${ofCohort} and a.round = 0 and a.answers->>'longPair' = 'yes' group by 1 having count(*) = 2) g`,
  );
  log(`everyone has given their feedback; ${wentOn} pairs chose to go on as long pairs (two check-ins 30 s apart, then the final survey)`);
  // Pairs completing count as progress towards the report, which comes once the last has.
  await waitFor(
    () =>
      count(sql`
        select (select count(*)::int from pairs where cohort_id = ${cohortId} and stage = 'completed')
          + (select count(*)::int from cohorts where id = ${cohortId} and report is not null) * ${PAIRS + 1} as n`),
    PAIRS + 1,
    'the report',
  );
  inbox.stop();
  await inbox.done;
  const emails = await count(sql`select count(*)::int as n from sent_emails where cohort_id = ${cohortId}`);
  await sql.end();
  const workflows = `${config.temporal.uiUrl}/namespaces/${encodeURIComponent(config.temporal.namespace)}/workflows?query=${encodeURIComponent(`${COHORT_KEY.name}="${slug}"`)}`;
  console.log(`
  The flash programme has run to its end in ${Math.round((Date.now() - t0) / 1000)} s: ${PAIRS} pairs met and gave their feedback, ${wentOn} went on as
  long pairs and completed, the cohort closed with its report (${emails} emails). Where to look:
    The cohort     ${base}/admin/cohorts/${slug}   its pairs, their feedback and the report
    The report     ${base}/admin/cohorts/${slug}/report.csv
    Its emails     ${base}/dev/outbox
    Its workflows  ${workflows}
${stopAtEnd ? `  Tandem stops now (--stop); \`npm start\` brings it back with this data.\n` : whereToLook(config)}`);
  if (stopAtEnd) await shutdown(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

/**
 * Polls `progress` until it reaches `target`. A busy machine only makes the demo slower: it gives up only when
 * nothing has moved for `stallMs`, and then says how far it got. Errors of `progress` count as "no progress".
 */
async function waitFor(progress: () => Promise<number>, target: number, what: string, stallMs = 180_000) {
  let best = -1;
  let movedAt = Date.now();
  let saidAt = Date.now();
  for (;;) {
    const now = await progress().catch(() => best);
    if (now >= target) return;
    if (now > best) [best, movedAt] = [now, Date.now()];
    if (Date.now() - saidAt > 60_000) {
      log(`still waiting for ${what}: ${Math.max(best, 0)} of ${target} (${inboxRead()})`);
      saidAt = Date.now();
    }
    if (Date.now() - movedAt > stallMs)
      throw new Error(
        `The demo stalled waiting for ${what}: ${Math.max(best, 0)} of ${target}, unchanged for ${stallMs / 1000} s (${inboxRead()}).`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The participants: each new email with a personal form link is opened and answered as its reader would. */
function answerEveryEmail(sql: ReturnType<typeof createSql>, base: string, readUpTo: number) {
  let running = true;
  let lastId = readUpTo;
  const read = { emails: 0, forms: 0 };
  const link = new RegExp(`href="(${base}/(survey|charter|check-in|final-survey)/[^"]+)"`);
  const loop = async () => {
    while (running) {
      await step().catch((error: Error) => running && log(`the inbox could not be read: ${error.message}`));
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  /*
   * Ids are taken when an email is written but seen when its transaction commits, so a lower id can appear after
   * a higher one was read: each read also looks back over the last ids for any that arrived late.
   */
  const LOOK_BACK = 1000;
  const seen = new Set<number>();
  const step = async () => {
    for (;;) {
      const from = Math.max(readUpTo, lastId - LOOK_BACK); // nothing written before the demo began
      const recent = [...seen].filter((id) => id > from);
      for (const id of seen) if (id <= from) seen.delete(id);
      const rows = await sql<{ id: string; toAddress: string; subject: string; html: string }[]>`
        select id, to_address, subject, html from outbox_messages
        where id > ${from} and id <> all(${recent}::bigint[]) order by id limit 200`;
      for (const row of rows) {
        seen.add(Number(row.id));
        lastId = Math.max(lastId, Number(row.id));
        read.emails++;
        const found = link.exec(row.html);
        const person = byEmail.get(/<([^>]+)>/.exec(row.toAddress)?.[1] ?? row.toAddress);
        if (found && person && !/reminder|rappel/i.test(row.subject))
          await answer(base, found[1]!, found[2]!, person).then(
            () => read.forms++,
            (error: Error) => log(`a form was refused: ${error.message}`),
          );
      }
      if (rows.length < 200 || !running) return;
    }
  };
  const done = loop();
  return { stop: () => (running = false), done, read };
}

/** Opens the form behind a link and sends it filled in. */
async function answer(base: string, url: string, kind: string, person: Person) {
  const page = await (await fetch(url)).text();
  const claims = JSON.parse(Buffer.from(url.split('/').at(-1)!.split('.')[0]!, 'base64url').toString()) as [string, string, string];
  const [pairId, round] = claims[2].split('#');
  const answers: Record<string, string | string[]> =
    kind === 'survey'
      ? person.survey
      : kind === 'charter'
        ? { typedName: person.name, agree: 'on' }
        : kind === 'check-in'
          ? {
              met: 'yes',
              meetings: '1',
              rating: person.role === 'mentee' ? '5' : '4',
              continue: 'yes',
              ...(round === '0' ? { longPair: goesOn(pairId!) ? 'yes' : 'no' } : {}),
            }
          : { satisfaction: '5', recommend: '9', ...(person.role === 'mentee' ? { questionsAnswered: 'yes' } : {}) };
  const body = new URLSearchParams(hiddenFieldsOf(page));
  for (const [name, value] of Object.entries(answers)) for (const v of [value].flat()) body.append(name, v);
  const sent = await fetch(url, { method: 'POST', headers: { origin: base }, body });
  if (sent.status !== 200) throw new Error(`${kind} of ${person.email}: ${sent.status}`);
}
