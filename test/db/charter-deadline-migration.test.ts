/**
 * Migration 030 on a database as the previous release left it: a charter's deadline, kept both on the pair and in
 * its answer window, keeps only the window; a pair whose window was never written gets one, open only while the
 * pair waits for signatures. Pages read the deadline from the window.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPair } from '../../db/matching.js';
import { migrate } from '../../db/migrate.js';
import { cohortOfPeople } from '../helpers/cohort-fixtures.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase({ until: '029' });
});
afterAll(async () => db?.drop());

it("moves every charter deadline into its window, and drops the pair's copy", async () => {
  const { sql } = db;
  const { cohort, ids } = await cohortOfPeople(sql, 6); // a mentor, then mentees: pairs of any two will do
  const [run] = await sql<{ id: string }[]>`
    insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result) values (${cohort.id}, 'initial', 'x', '{}', '{}', '{}') returning id`;
  const deadline = new Date('2027-01-15T17:00:00Z');
  const pair = async (mentee: string, mentor: string, stage: string, status: string) =>
    (
      await sql<{ id: string }[]>`
        insert into pairs (cohort_id, match_run_id, mentee_id, mentor_id, workflow_id, score, criteria, stage, status, charter_deadline)
        values (${cohort.id}, ${run!.id}, ${mentee}, ${mentor}, ${`pair-${randomUUID()}`}, 50, '[]', ${stage}, ${status}, ${deadline}) returning id`
    )[0]!.id;
  const withWindow = await pair(ids[0]!, ids[1]!, 'charter', 'active');
  await sql`insert into answer_windows (form, subject_id, cohort_id, pair_id, closes_at)
    values ('charter', ${withWindow}, ${cohort.id}, ${withWindow}, ${deadline})`;
  const waiting = await pair(ids[2]!, ids[3]!, 'charter', 'active');
  const dissolved = await pair(ids[4]!, ids[5]!, 'dissolved', 'ended');

  await migrate(sql);

  const windows = await sql<{ subjectId: string; closesAt: Date; closedAt: Date | null }[]>`
    select subject_id, closes_at, closed_at from answer_windows where form = 'charter' order by subject_id`;
  expect(Object.fromEntries(windows.map((w) => [w.subjectId, w.closedAt === null]))).toEqual({
    [withWindow]: true,
    [waiting]: true,
    [dissolved]: false,
  });
  expect(windows.every((w) => w.closesAt.getTime() === deadline.getTime())).toBe(true);
  expect(await sql`select 1 from information_schema.columns where table_name = 'pairs' and column_name = 'charter_deadline'`).toHaveLength(
    0,
  );
  for (const id of [withWindow, waiting, dissolved]) expect((await getPair(sql, id))!.charterDeadline).toEqual(deadline);
});
