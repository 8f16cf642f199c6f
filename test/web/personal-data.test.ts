/**
 * A participant's access and erasure requests, through the admin's pages on the real stack: the export holds
 * what Tandem keeps about them, objectives and their ratings included, as JSON and as a page; after erasure no
 * row of any table (but the dev outbox's messages to other people, which stand for their mailboxes), and no
 * decoded payload of any workflow still running, holds their name, email or words; every link of theirs answers
 * 410 and stores nothing; the pair's figures stay and the partner is offered a new one.
 */
import type { Payload } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRetentionActivities } from '../../activities/retention.js';
import { listActivePairs } from '../../db/matching.js';
import { listAlerts } from '../../db/pair-lifecycle.js';
import { alertText } from '../../domain/alerts.js';
import { translator } from '../../i18n/translator.js';
import { cohortReport } from '../../domain/report.js';
import { cohortStateQuery } from '../../workflows/cohort/contract.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, charterPath, startCohort } from '../helpers/cohort-fixtures.js';
import { databaseText } from '../helpers/database-text.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, testCodec, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { participantByEmail, renameParticipant } from '../helpers/people.js';
import { listParticipants } from '../../db/participants.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const GOALS = 'Move into sustainable finance after my master in Lisbon';
const BLOCKING = 'My manager at the bank will not give me an hour off';
const TYPED = 'Ava Zephyrine';
const OBJECTIVE = 'Lead a budget review by March';

/** What must be nowhere once she is erased, but in the messages other people received. */
const leftOf = async (needles: string[]) => {
  const text = await databaseText(stack.sql, { except: ['outbox_messages'] });
  return needles.filter((needle) => text.includes(needle));
};

/** The text of every payload in a workflow's history, decoded as an operator's codec would. */
async function decodedPayloads(workflowId: string, runId?: string): Promise<string> {
  const history = await stack.client.workflow.getHandle(workflowId, runId).fetchHistory();
  const payloads: Payload[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const object = value as Record<string, unknown>;
      if (object.metadata && object.data instanceof Uint8Array) payloads.push(object as Payload);
      else Object.values(object).forEach(walk);
    }
  };
  walk(history);
  const decoded = await testCodec.decode(payloads);
  return decoded.map((p) => Buffer.from(p.data ?? []).toString()).join('\n');
}

it('exports everything about a participant, then erases it everywhere but keeps the figures', async () => {
  const slug = 'erasure';
  const email = (name: string) => `${name.toLowerCase()}@${slug}.example.org`;
  // Her check-in window is 20 s: under a loaded CI run, 8 s closed before her answer was posted (410).
  const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Ava:mentee'], { checkInMs: 20_000, objectives: true });
  await renameParticipant(stack.sql, (await participantByEmail(stack.sql, email('Ava')))!.id, 'Ava Zephyrine');
  await answerSurveys(stack, cohort, { [email('Mia')]: MENTOR_ANSWERS, [email('Ava')]: { ...MENTEE_ANSWERS, goals: GOALS } });
  await stack.workflows.closeSurvey(slug);
  await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('review'));
  // The admin's review names her in a reason: it goes into the cohort workflow's history (encrypted).
  const runId = (await stack.workflows.cohortState(slug))!.proposal!.runId;
  const reviewRun = (await stack.client.workflow.getHandle(`cohort-${slug}`).describe()).runId;
  const avaId = (await participantByEmail(stack.sql, email('Ava')))?.id;
  const miaId = (await participantByEmail(stack.sql, email('Mia')))?.id;
  expect(
    (
      await stack.workflows.adjustMatch(slug, {
        runId,
        requestId: crypto.randomUUID(),
        reason: 'Ava Zephyrine asked to wait',
        adjustment: { action: 'unpair', menteeId: avaId! },
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await stack.workflows.adjustMatch(slug, {
        runId,
        requestId: crypto.randomUUID(),
        reason: 'Ava Zephyrine is ready after all',
        adjustment: { action: 'pair', menteeId: avaId!, mentorId: miaId! },
      })
    ).ok,
  ).toBe(true);
  await stack.workflows.approveMatch(slug, runId);
  const [pair] = await eventually(async () => {
    const active = await listActivePairs(stack.sql, cohort.id);
    expect((await stack.client.workflow.getHandle(active[0]!.workflowId).query(pairStateQuery)).stage).toBe('charter');
    return active;
  });
  for (const [id, typedName] of [
    [pair!.menteeId, TYPED],
    [pair!.mentorId, 'Mia Lopez'],
  ] as const) {
    const objectives = { objective1: id === pair!.menteeId ? OBJECTIVE : 'Introduce her to two teams', objective2: 'Meet every month' };
    expect(
      (
        await webClient(stack.app).post(charterPath(stack, pair!.id, id), {
          requestId: crypto.randomUUID(),
          typedName,
          agree: 'on',
          ...objectives,
        })
      ).status,
    ).toBe(200);
  }
  // A check-in: Ava says what is in the way (the admin is alerted with her words).
  await eventually(
    async () => expect((await stack.client.workflow.getHandle(pair!.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(0),
    15_000,
  );
  const checkIn = `/check-in/${stack.links.sign({ scope: 'check-in', participantId: pair!.menteeId, subjectId: `${pair!.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
  expect(
    (
      await webClient(stack.app).post(checkIn, {
        requestId: crypto.randomUUID(),
        met: 'yes',
        meetings: '1',
        rating: '2',
        blocking: BLOCKING,
        continue: 'yes',
        progress0: 'in-progress',
        progress1: 'not-started',
      })
    ).status,
  ).toBe(200);
  // The admin reads her words in the alert, from her own answers: the alert itself holds only ids.
  await eventually(
    async () => expect((await listAlerts(stack.sql, cohort.id)).map((a) => alertText(a, translator('en'))).join()).toContain(BLOCKING),
    30_000,
  );
  expect(JSON.stringify(await stack.sql`select message, details from alerts where pair_id = ${pair!.id}`)).not.toContain('Ava');

  const admin = webClient(stack.app);
  await admin.logIn();
  const page = `/admin/cohorts/${slug}/participants/${pair!.menteeId}`;
  // Found on the cohort's list of people, by a part of the name, whatever its case.
  const people = await (await admin.get(`/admin/cohorts/${slug}/people?q=AVA`)).text();
  expect(people).toContain(`href="${page}"`);
  expect(people).toContain('data-people-matching="1"');

  // Access: one JSON file with everything, readable.
  const exported = await admin.get(`${page}/data.json`);
  expect(exported.headers.get('content-disposition')).toContain('attachment');
  const data = (await exported.json()) as Record<string, unknown>;
  expect(data).toMatchObject({
    participant: { name: 'Ava Zephyrine', email: email('Ava'), role: 'mentee' },
    surveyAnswers: { answers: { goals: GOALS } },
    charterSignatures: [{ typedName: TYPED, objectives: [OBJECTIVE, 'Meet every month'] }],
    objectives: [
      { objective: OBJECTIVE, ratings: [{ checkIn: 1, progress: 'in-progress' }] },
      { objective: 'Meet every month', ratings: [{ checkIn: 1, progress: 'not-started' }] },
    ],
    checkIns: [{ round: 0, answers: { rating: 2, blocking: BLOCKING } }],
    alerts: [{ details: { kind: 'health', menteeId: pair!.menteeId } }],
  });
  expect((data.emails as unknown[]).length).toBeGreaterThanOrEqual(3); // invitation, introduction, charter, check-in
  // Nothing of her partner's: not Mia's name, nor her words.
  expect(JSON.stringify(data)).not.toContain('Mia');
  // The same as a page an admin can read, in their language.
  const readable = await admin.get(`${page}/data`);
  expect(readable.status).toBe(200);
  const readableText = pageText(await readable.text());
  for (const shown of [
    'Everything Tandem holds about Ava Zephyrine',
    'Objectives and their progress',
    OBJECTIVE,
    'in-progress',
    BLOCKING,
    GOALS,
    // Without a language or time zone of her own, she has the cohort's: the page says so, not "Nothing".
    "Language of emails English (the cohort's setting)",
    "Time zone UTC (the cohort's setting)",
  ])
    expect(readableText).toContain(shown);

  // Erasure: confirmed, or refused.
  const { _csrf } = await admin.hiddenFields(page);
  const unconfirmed = await admin.post(`${page}/erase`, { _csrf: _csrf! });
  expect(unconfirmed.status).toBe(422);
  expect(pageText(await unconfirmed.text())).toContain('Tick the box to confirm: erasure cannot be undone.');
  const runBefore = (await stack.client.workflow.getHandle(`cohort-${slug}`).describe()).runId;
  const erased = await admin.post(`${page}/erase`, { _csrf: _csrf!, confirm: 'on' });
  expect(erased.headers.get('location')).toBe(`${page}?notice=erased`);

  // Nothing of hers in any row of any table.
  const needles = ['Zephyrine', email('Ava'), GOALS, BLOCKING, OBJECTIVE];
  expect(await leftOf(needles)).toEqual([]);
  const [row] = await stack.sql`select name, erased_at, left_at from participants where id = ${pair!.menteeId}`;
  expect(row).toMatchObject({ name: 'Erased participant', erasedAt: expect.any(Date), leftAt: expect.any(Date) });
  // The figures stay: her check-in's rating, the pair's history; the pair has ended and Mia has her place back.
  expect(
    (await stack.sql`select answers ->> 'rating' as rating from check_in_answers where participant_id = ${pair!.menteeId}`)[0]!.rating,
  ).toBe('2');
  await eventually(async () =>
    expect((await stack.sql`select status, rematch_ids from pairs where id = ${pair!.id}`)[0]).toMatchObject({
      status: 'ended',
      rematchIds: expect.arrayContaining([pair!.mentorId]),
    }),
  );

  // No running workflow of the cohort holds her data: the cohort started a fresh history, her pair has ended.
  await eventually(
    async () => expect((await stack.client.workflow.getHandle(`cohort-${slug}`).describe()).runId).not.toBe(runBefore),
    15_000,
  );
  await eventually(
    async () => expect((await stack.client.workflow.getHandle(pair!.workflowId).describe()).status.name).not.toBe('RUNNING'),
    15_000,
  );
  const running = await eventually(async () => {
    const found: { workflowId: string; runId: string }[] = [];
    for await (const workflow of stack.client.workflow.list({ query: `TandemCohort = "${slug}" AND ExecutionStatus = "Running"` }))
      found.push(workflow);
    expect(found.map((w) => w.workflowId)).toContain(`cohort-${slug}`);
    return found;
  });
  for (const workflow of running) {
    const text = await decodedPayloads(workflow.workflowId, workflow.runId);
    expect(text.length).toBeGreaterThan(0);
    for (const needle of needles) expect(text, `${workflow.workflowId} still holds "${needle}"`).not.toContain(needle);
  }
  // The run of the review held her name (the check above is not vacuous); it is closed, encrypted, and goes with
  // the namespace's retention.
  expect(await decodedPayloads(`cohort-${slug}`, reviewRun)).toContain('Zephyrine');
  expect(await stack.client.workflow.getHandle(`cohort-${slug}`).query(cohortStateQuery)).toMatchObject({ stage: expect.any(String) });

  // The page says what was done; the audit log says who did it.
  expect(pageText(await (await admin.get(`${page}?notice=erased`)).text())).toContain('Erased: Tandem no longer holds');
  const audit = await (await admin.get(`/admin/cohorts/${slug}/audit`)).text();
  expect([...audit.matchAll(/data-audit="([^"]+)"/g)].map((m) => m[1])).toEqual(['erase', 'export', 'export']); // the page and the JSON
  // Asked again (a page sent twice): nothing more to do, and nothing breaks.
  expect((await admin.post(`${page}/erase`, { _csrf: _csrf!, confirm: 'on' })).headers.get('location')).toBe(`${page}?notice=erased`);

  // Every link of hers is dead: 410 in the reader's language, and nothing is stored or signalled.
  const signalsBefore = (await stack.sql`select count(*)::int as n from workflow_signals`)[0]!.n;
  const rowsBefore = await databaseText(stack.sql);
  const links = [
    `/survey/${stack.links.sign({ scope: 'survey', participantId: pair!.menteeId, subjectId: cohort.id, expiresAt: Date.now() + 86_400_000 })}`,
    charterPath(stack, pair!.id, pair!.menteeId),
    checkIn,
    `/final-survey/${stack.links.sign({ scope: 'final-survey', participantId: pair!.menteeId, subjectId: pair!.id, expiresAt: Date.now() + 86_400_000 })}`,
    `/new-partner/${stack.links.sign({ scope: 'new-partner', participantId: pair!.menteeId, subjectId: `${pair!.id}#0`, expiresAt: Date.now() + 86_400_000 })}`,
  ];
  for (const link of links) {
    const visitor = webClient(stack.app, { acceptLanguage: 'fr-FR,fr;q=0.9' });
    const shown = await visitor.get(link);
    expect(shown.status, link).toBe(410);
    expect(pageText(await shown.text())).toContain('Ce lien ne fonctionne plus');
    const sent = await visitor.post(link, {
      requestId: crypto.randomUUID(),
      submissionId: crypto.randomUUID(),
      typedName: 'Ava Zephyrine',
      agree: 'on',
      met: 'yes',
      meetings: '1',
      rating: '5',
      continue: 'yes',
      satisfaction: '5',
      recommend: '10',
      questionsAnswered: 'yes',
      goals: 'A new goal for nobody',
      confirm: 'on',
    });
    expect(sent.status, link).toBe(410);
  }
  expect((await stack.sql`select count(*)::int as n from workflow_signals`)[0]!.n).toBe(signalsBefore);
  expect(await databaseText(stack.sql)).toBe(rowsBefore);
}, 120_000);

it('at the end of its retention, erases every participant of a cohort and keeps its report', async () => {
  const slug = 'retention';
  const cohort = await startCohort(stack, slug, ['Noorzai:mentor', 'Yusufov:mentee', 'Ingrith:mentee']);
  const people = await listParticipants(stack.sql, cohort.id);
  await answerSurveys(stack, cohort, {
    [`yusufov@${slug}.example.org`]: { ...MENTEE_ANSWERS, goals: 'Open a bakery cooperative in Marseille' },
  });
  const report = cohortReport([]);
  await stack.sql`update cohorts set report = ${stack.sql.json(report as never)} where id = ${cohort.id}`;
  // The invitations are out (an email sent during the erasure would keep no address either).
  await eventually(async () =>
    expect((await stack.sql`select count(*)::int as n from sent_emails where cohort_id = ${cohort.id}`)[0]!.n).toBe(3),
  );

  const { eraseCohortPersonalData } = createRetentionActivities({ sql: stack.sql });
  const erase = () => new MockActivityEnvironment().run(eraseCohortPersonalData, { cohortId: cohort.id });
  expect(await erase()).toEqual({ erased: 3 });
  expect(await leftOf([...people.flatMap((p) => [p.name, p.email]), 'Open a bakery cooperative in Marseille'])).toEqual([]);
  const [after] = await stack.sql`select report, personal_data_erased_at from cohorts where id = ${cohort.id}`;
  expect(after).toMatchObject({ report, personalDataErasedAt: expect.any(Date) });
  // A retry finds nothing left to do.
  expect(await erase()).toEqual({ erased: 0 });
  const admin = webClient(stack.app);
  await admin.logIn();
  expect(await (await admin.get(`/admin/cohorts/${slug}`)).text()).toContain('data-personal-data-erased');
});

it('erased during the review of a proposal, then while a pair is paused: nobody else loses anything, no workflow is stuck', async () => {
  const slug = 'erase-midway';
  const email = (name: string) => `${name.toLowerCase()}@${slug}.example.org`;
  const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Ava:mentee', 'Leo:mentee']);
  await answerSurveys(stack, cohort, {
    [email('Mia')]: { ...MENTOR_ANSWERS, capacity: '2' },
    [email('Ava')]: MENTEE_ANSWERS,
    [email('Leo')]: MENTEE_ANSWERS,
  });
  await stack.workflows.closeSurvey(slug);
  await eventually(async () => expect((await stack.workflows.cohortState(slug))?.proposal?.pairs).toBe(2));
  const id = async (name: string) => (await participantByEmail(stack.sql, email(name)))!.id;
  const [mia, ava, leo] = [await id('Mia'), await id('Ava'), await id('Leo')];
  const admin = webClient(stack.app);
  await admin.logIn();
  const erase = async (participantId: string) => {
    const page = `/admin/cohorts/${slug}/participants/${participantId}`;
    const { _csrf } = await admin.hiddenFields(page);
    expect((await admin.post(`${page}/erase`, { _csrf: _csrf!, confirm: 'on' })).headers.get('location')).toBe(`${page}?notice=erased`);
  };

  // Leo is erased while the proposal pairing him waits for the admin: approved, it pairs Ava alone.
  await erase(leo);
  const miaBefore = JSON.stringify((await stack.sql`select answers from survey_answers where participant_id = ${mia}`)[0]);
  expect((await stack.workflows.approveMatch(slug, (await stack.workflows.cohortState(slug))!.proposal!.runId)).ok).toBe(true);
  const [pair] = await eventually(async () => {
    const active = await listActivePairs(stack.sql, cohort.id);
    expect(active.map((p) => p.menteeId)).toEqual([ava]);
    expect((await stack.client.workflow.getHandle(active[0]!.workflowId).query(pairStateQuery)).stage).toBe('charter');
    return active;
  });

  // Ava's pair under way, paused by the admin, then Ava erased: the pair ends, Mia keeps her place and her answers.
  for (const [participantId, typedName] of [
    [ava, 'Ava'],
    [mia, 'Mia'],
  ] as const) {
    expect(
      (
        await webClient(stack.app).post(charterPath(stack, pair!.id, participantId), {
          requestId: crypto.randomUUID(),
          typedName,
          agree: 'on',
        })
      ).status,
    ).toBe(200);
  }
  await eventually(async () =>
    expect((await stack.client.workflow.getHandle(pair!.workflowId).query(pairStateQuery)).stage).toBe('active'),
  );
  const pairPage = `/admin/cohorts/${slug}/pairs/${pair!.id}`;
  const { _csrf } = await admin.hiddenFields(pairPage);
  expect((await admin.post(`${pairPage}/pause`, { _csrf: _csrf!, reason: 'Ava is away until March' })).headers.get('location')).toBe(
    `${pairPage}?notice=paused`,
  );
  await eventually(async () => expect((await stack.client.workflow.getHandle(pair!.workflowId).query(pairStateQuery)).paused).toBeTruthy());
  await erase(ava);
  await eventually(
    async () => expect((await stack.client.workflow.getHandle(pair!.workflowId).describe()).status.name).toBe('COMPLETED'),
    20_000,
  );
  await eventually(async () =>
    expect((await stack.sql`select status, rematch_ids, pause_reason from pairs where id = ${pair!.id}`)[0]).toMatchObject({
      status: 'ended',
      rematchIds: expect.arrayContaining([mia]),
      pauseReason: null,
    }),
  );
  expect(JSON.stringify((await stack.sql`select answers from survey_answers where participant_id = ${mia}`)[0])).toBe(miaBefore);
  expect(await leftOf(['Ava is away until March', email('Ava'), email('Leo')])).toEqual([]);
  // The cohort goes on: it still answers, and takes the next step from the admin.
  await eventually(async () => expect((await stack.client.workflow.getHandle(`cohort-${slug}`).describe()).status.name).toBe('RUNNING'));
  expect(await stack.workflows.cohortState(slug)).toMatchObject({ stage: expect.any(String) });
}, 120_000);
