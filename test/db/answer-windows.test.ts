import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWindow, findWindow, moveWindow, openWindow, storeAnswer } from '../../db/answers.js';
import { insertCohort, type Cohort } from '../../db/cohorts.js';
import { signCharter, signaturesOf } from '../../db/pair-lifecycle.js';
import { getSurveyAnswers, submitSurveyAnswers } from '../../db/survey-answers.js';
import type { SurveyAnswers } from '../../domain/survey.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const answers: SurveyAnswers = { role: 'mentee', goals: 'Learn to negotiate', helpWith: ['Career choices'], field: 'Finance', languages: ['English'], availability: 'monthly', meetingMode: 'remote', location: '', preferences: '' };
const noSignal = () => undefined;

async function cohortWith(people: number): Promise<{ cohort: Cohort; ids: string[] }> {
  const { cohort } = await insertCohort(db.sql, {
    formId: randomUUID(), slug: `w-${randomUUID().slice(0, 8)}`, name: 'Windows', description: '', charter: 'We meet.',
    schedule: { surveyOpensAt: new Date().toISOString(), surveyDeadline: new Date(Date.now() + 3_600_000).toISOString(), checkInCount: 1, checkInIntervalMs: 60_000, programmeDurationMs: 600_000 },
    participants: Array.from({ length: people }, (_, i) => ({ line: i + 2, name: `P${i}`, email: `p${i}@example.org`, role: i ? 'mentee' : 'mentor', languages: ['English'], attributes: {} })),
  });
  const ids = (await db.sql<{ id: string }[]>`select id from participants where cohort_id = ${cohort.id} order by csv_line`).map((r) => r.id);
  return { cohort, ids };
}

const submit = (cohort: Cohort, participantId: string, goals = 'Learn to negotiate') =>
  submitSurveyAnswers(db.sql, { cohortId: cohort.id, participantId, submissionId: randomUUID(), answers: { ...answers, goals }, signal: noSignal });

describe('answer windows: the one rule for whether a form is open', () => {
  it('opens the survey with the cohort; closing it refuses what comes after, and a late joiner keeps a window of their own', async () => {
    const { cohort, ids } = await cohortWith(3);
    expect(await submit(cohort, ids[1]!)).toMatchObject({ ok: true, first: true });
    expect(await submit(cohort, ids[1]!, 'Learn to negotiate a raise')).toMatchObject({ ok: true, first: false });
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
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let storing!: () => void;
    const started = new Promise<void>((r) => (storing = r));
    // An answer in the middle of its transaction: window checked, row written, not yet committed.
    const slow = storeAnswer(db.sql, {
      lock: { form: 'survey', subjectId: cohort.id },
      subjectIds: [cohort.id],
      signal: noSignal,
      write: async (tx) => {
        await tx`insert into survey_answers (participant_id, cohort_id, submission_id, answers) values (${ids[1]!}, ${cohort.id}, ${randomUUID()}, '{}')`;
        storing();
        await held;
        return true;
      },
    });
    await started;
    let closed = false;
    const closing = closeWindow(db.sql, { form: 'survey', subjectId: cohort.id }).then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(closed).toBe(false); // the close waits for the answer being stored
    release();
    expect(await slow).toMatchObject({ ok: true });
    await closing;
    expect(await getSurveyAnswers(db.sql, ids[1]!)).toBeDefined();
  });

  it("refuses a pair's forms while it is paused or after it ended; one signature each, the same form replacing its own", async () => {
    const { cohort, ids } = await cohortWith(2);
    const [run] = await db.sql<{ id: string }[]>`insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result) values (${cohort.id}, 'initial', 't', '{}', '{}', '{}') returning id`;
    const [pair] = await db.sql<{ id: string }[]>`insert into pairs (cohort_id, match_run_id, mentee_id, mentor_id, workflow_id, score, criteria) values (${cohort.id}, ${run!.id}, ${ids[1]!}, ${ids[0]!}, ${`pair-${randomUUID()}`}, 50, '[]') returning id`;
    const pairId = pair!.id;
    const sign = (participantId: string, requestId: string, typedName: string) => signCharter(db.sql, { pairId, participantId, requestId, typedName, signal: noSignal });
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
