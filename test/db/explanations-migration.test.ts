/**
 * Migration 029 on a database as the previous release left it: a match run's explanations (why someone is
 * unmatched, what the admin should know of the proposal), stored as English words, alone (runs before
 * 2026-11-28) or beside their data (since), become data only, which each admin reads in their language.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { describeNotice, describeUnmatched, type Notice, type UnmatchedWhy } from '../../matching/explanations.js';
import { translator } from '../../i18n/translator.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase({ until: '028' });
});
afterAll(async () => db?.drop());

// Every sentence the matching ever wrote, with the data it stands for.
const UNMATCHED: [string, UnmatchedWhy][] = [
  ['no mentor answered the survey', { kind: 'no-mentor' }],
  ['no mentor has a free place', { kind: 'no-place' }],
  ['every mentor with a free place is excluded (a previous partner)', { kind: 'excluded' }],
  ['did not answer the intake survey', { kind: 'unanswered' }],
  ['waitlist: the 1 mentor above the minimum score is taken by pairs that fit better overall', { kind: 'waitlist', fitting: 1 }],
  ['waitlist: the 12 mentors above the minimum score are taken by pairs that fit better overall', { kind: 'waitlist', fitting: 12 }],
  ['no mentor reaches the minimum score (best possible 42, minimum 60)', { kind: 'below-minimum', best: 42, minimum: 60 }],
  ['unpaired by the admin: they know each other, already', { kind: 'unpaired', reason: 'they know each other, already' }],
  [
    'no mentor meets every must-match criterion together: field or industry (1 of 2 mentors), shared language (0 of 1 mentor), city (2 of 3 mentors)',
    {
      kind: 'must-match',
      failing: [
        { criterion: 'field', label: 'field or industry', meeting: 1, of: 2 },
        { criterion: 'language', label: 'shared language', meeting: 0, of: 1 },
        { criterion: 'attribute:city', label: 'city', meeting: 2, of: 3 },
      ],
    },
  ],
];
const NOTICES: [string, Notice][] = [
  ['No mentee to match: nobody in this group answered the survey as a mentee.', { kind: 'no-mentee' }],
  ['No mentor answered the survey: no pair can be formed.', { kind: 'no-mentor' }],
  ['No mentor has a free place.', { kind: 'no-place' }],
  [
    'No pair reaches the minimum score of 60 under the must-match criteria: lower the minimum, relax a must-match criterion, or change the weights.',
    { kind: 'no-pair', minimum: 60 },
  ],
  ['1 participant did not answer the survey and is not matched.', { kind: 'unanswered', count: 1 }],
  ['3 participants did not answer the survey and are not matched.', { kind: 'unanswered', count: 3 }],
];

it('keeps only the data of every run: English words alone become their data, words beside data go', async () => {
  const { sql } = db;
  const [cohort] = await sql<{ id: string }[]>`
    insert into cohorts (slug, form_id, name, charter, schedule) values ('old', ${randomUUID()}, 'Old', 'We meet.', '{"checkInCount": 2}') returning id`;
  const unmatched = (reason: string, why?: UnmatchedWhy) => ({
    participantId: randomUUID(),
    role: 'mentee',
    reason,
    ...(why ? { why } : {}),
  });
  const store = async (result: object) =>
    (
      await sql<{ id: string }[]>`
        insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result)
        values (${cohort!.id}, 'initial', 'x', '{}', '{}', ${sql.json({ pairs: [], freeMentors: [], ...result } as never)}) returning id`
    )[0]!.id;
  const wordsOnly = await store({ unmatched: UNMATCHED.map(([reason]) => unmatched(reason)), notices: NOTICES.map(([n]) => n) });
  const both = await store({
    unmatched: [unmatched('no mentor has a free place', { kind: 'no-place' })],
    notices: ['No mentor has a free place.'],
    noticesWhy: [{ kind: 'no-place' }],
  });
  const today = await store({ unmatched: [{ participantId: randomUUID(), role: 'mentee', why: { kind: 'excluded' } }], notices: [] });

  await migrate(sql);

  const read = async (id: string) =>
    (
      await sql<{ result: { unmatched: { why: UnmatchedWhy; reason?: string }[]; notices: Notice[] } }[]>`
      select result from match_runs where id = ${id}`
    )[0]!.result;
  const old = await read(wordsOnly);
  expect(old.unmatched.map((u) => u.why)).toEqual(UNMATCHED.map(([, why]) => why));
  expect(old.notices).toEqual(NOTICES.map(([, notice]) => notice));
  for (const result of [old, await read(both), await read(today)]) {
    expect(result.unmatched.every((u) => !('reason' in u))).toBe(true);
    expect(result).not.toHaveProperty('noticesWhy');
  }
  expect(await read(both)).toMatchObject({ unmatched: [{ why: { kind: 'no-place' } }], notices: [{ kind: 'no-place' }] });
  expect((await read(today)).unmatched[0]!.why).toEqual({ kind: 'excluded' });

  // Worded again, each reads as it did in English, and in French too.
  const english = translator('en');
  expect(old.unmatched.map((u) => describeUnmatched(u.why, english))).toEqual(UNMATCHED.map(([reason]) => reason));
  expect(old.notices.map((n) => describeNotice(n, english))).toEqual(NOTICES.map(([n]) => n));
  expect(describeUnmatched(old.unmatched[1]!.why, translator('fr'))).toBe('aucun mentor n’a de place libre');
});
