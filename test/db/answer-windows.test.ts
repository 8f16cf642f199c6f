import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWindow, findWindow, moveWindow, openWindow, storeAnswer } from '../../db/answers.js';
import { signCharter, signaturesOf } from '../../db/pair-lifecycle.js';
import { getSurveyAnswers, submitSurveyAnswers } from '../../db/survey-answers.js';
import type { SurveyAnswers } from '../../domain/survey.js';
import type { Tx } from '../../db/sql.js';
import type { Cohort } from '../../db/cohorts.js';
import { cohortOfPeople } from '../helpers/cohort-fixtures.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const answers: SurveyAnswers = {
  role: 'mentee',
  goals: 'Learn to negotiate',
  helpWith: ['Career choices'],
  field: 'Finance',
  languages: ['English'],
  availability: 'monthly',
  meetingMode: 'remote',
  location: '',
  preferences: '',
};
const owed = { workflowId: 'cohort-windows', signal: 'surveyAnswered', payload: {} };
const owedSignals = async () =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from workflow_signals where workflow_id = ${owed.workflowId}`)[0]!.n;

const cohortWith = (people: number) => cohortOfPeople(db.sql, people);

const submit = (cohort: Cohort, participantId: string, goals = 'Learn to negotiate') =>
  submitSurveyAnswers(db.sql, {
    cohortId: cohort.id,
    participantId,
    submissionId: randomUUID(),
    answers: { ...answers, goals },
    signal: owed,
  });

/** Runs `work` in a transaction left open, its locks held, until `commit`. */
function inOpenTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<{ result: T; commit: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const transaction = db.sql.begin(async (tx) => {
      const result = await work(tx);
      resolve({ result, commit: async () => (release(), await transaction) });
      await held;
    });
    transaction.catch(reject);
  });
}

/** A promise, and whether it has settled yet. */
function settles<T>(promise: Promise<T>) {
  const watched = { promise, settled: false };
  promise.finally(() => (watched.settled = true)).catch(() => {});
  return watched;
}

describe('answer windows: the one rule for whether a form is open', () => {
  it('opens the survey with the cohort; closing it refuses what comes after, and a late joiner keeps a window of their own', async () => {
    const { cohort, ids } = await cohortWith(3);
    const before = await owedSignals();
    expect(await submit(cohort, ids[1]!)).toMatchObject({ ok: true, first: true });
    expect(await submit(cohort, ids[1]!, 'Learn to negotiate a raise')).toMatchObject({ ok: true, first: false });
    expect(await owedSignals()).toBe(before + 1); // the workflow hears of a first answer only
    await openWindow(db.sql, { form: 'survey', subjectId: ids[2]!, cohortId: cohort.id, closesAt: new Date(Date.now() + 60_000) });
    await closeWindow(db.sql, { form: 'survey', subjectId: cohort.id });
    expect(await submit(cohort, ids[0]!)).toMatchObject({ ok: false, refusal: 'closed' });
    expect(await submit(cohort, ids[2]!)).toMatchObject({ ok: true, first: true }); // the late joiner's own window
    expect((await getSurveyAnswers(db.sql, ids[1]!))!.answers).toMatchObject({ goals: 'Learn to negotiate a raise' });
    expect(await getSurveyAnswers(db.sql, ids[0]!)).toBeUndefined();
    // A deadline moved into the past closes it as surely.
    await moveWindow(db.sql, { form: 'survey', subjectId: ids[2]! }, new Date(Date.now() - 1));
    expect(await findWindow(db.sql, 'survey', [ids[2]!, cohort.id])).toMatchObject({ subjectId: ids[2], state: 'closed' });
  });

  it('closes only once the answers being stored have landed: what the workflow reads next is final', async () => {
    const { cohort, ids } = await cohortWith(2);
    // An answer stored in a transaction not yet committed (as one is between its statement and its commit).
    const storing = await inOpenTransaction((tx) =>
      storeAnswer(tx, {
        lock: { form: 'survey', subjectId: cohort.id },
        subjectIds: [cohort.id],
        signal: owed,
        write: (openWindow) =>
          tx`insert into survey_answers (participant_id, cohort_id, submission_id, answers) select ${ids[1]!}::uuid, ${cohort.id}::uuid, ${randomUUID()}::uuid, '{}' from ${openWindow} returning true as first`,
      }),
    );
    expect(storing.result).toMatchObject({ ok: true });
    const closing = settles(closeWindow(db.sql, { form: 'survey', subjectId: cohort.id }));
    await new Promise((r) => setTimeout(r, 300));
    expect(closing.settled).toBe(false); // the close waits for the answer being stored
    await storing.commit();
    await closing.promise;
    expect(await getSurveyAnswers(db.sql, ids[1]!)).toBeDefined();
    // And an answer that comes after the close is refused.
    expect(await submit(cohort, ids[0]!)).toMatchObject({ ok: false, refusal: 'closed' });
  });

  it('an answer that arrives while the survey is closing waits for the close, then is refused', async () => {
    const { cohort, ids } = await cohortWith(2);
    // A close that has updated the window but not yet committed.
    const closing = await inOpenTransaction(
      (tx) => tx`update answer_windows set closed_at = now() where form = 'survey' and subject_id = ${cohort.id}`,
    );
    const answer = settles(submit(cohort, ids[1]!));
    await new Promise((r) => setTimeout(r, 300));
    expect(answer.settled).toBe(false); // it waits for the close
    await closing.commit();
    expect(await answer.promise).toMatchObject({ ok: false, refusal: 'closed' });
    expect(await getSurveyAnswers(db.sql, ids[1]!)).toBeUndefined();
  });

  it("refuses a pair's forms while it is paused or after it ended; one signature each, the same form replacing its own", async () => {
    const { cohort, ids } = await cohortWith(2);
    const [run] = await db.sql<
      { id: string }[]
    >`insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result) values (${cohort.id}, 'initial', 't', '{}', '{}', '{}') returning id`;
    const [pair] = await db.sql<
      { id: string }[]
    >`insert into pairs (cohort_id, match_run_id, mentee_id, mentor_id, workflow_id, score, criteria) values (${cohort.id}, ${run!.id}, ${ids[1]!}, ${ids[0]!}, ${`pair-${randomUUID()}`}, 50, '[]') returning id`;
    const pairId = pair!.id;
    const sign = (participantId: string, requestId: string, typedName: string) =>
      signCharter(db.sql, { pairId, participantId, requestId, typedName, signal: owed });
    expect(await sign(ids[0]!, randomUUID(), 'Too early')).toMatchObject({ ok: false, refusal: 'no-window' });
    await openWindow(db.sql, { form: 'charter', subjectId: pairId, cohortId: cohort.id, pairId, closesAt: new Date(Date.now() + 60_000) });
    const form = randomUUID();
    expect(await sign(ids[0]!, form, 'P Zero')).toMatchObject({ ok: true, first: true });
    expect(await sign(ids[0]!, form, 'P. Zero')).toMatchObject({ ok: true, first: false });
    expect(await sign(ids[0]!, randomUUID(), 'Someone else')).toMatchObject({ ok: false, refusal: 'answered' });
    expect((await signaturesOf(db.sql, pairId)).map((s) => s.typedName)).toEqual(['P. Zero']);
    await db.sql`update pairs set paused_since = now() where id = ${pairId}`;
    expect(await sign(ids[1]!, randomUUID(), 'P One')).toMatchObject({ ok: false, refusal: 'paused' });
    await db.sql`update pairs set paused_since = null, status = 'ended' where id = ${pairId}`;
    expect(await sign(ids[1]!, randomUUID(), 'P One')).toMatchObject({ ok: false, refusal: 'closed' });
  });
});
