/**
 * Migration 028 on a database as the previous release left it: a hand-made pair's warnings, stored as English
 * sentences (a must-match one quoting the two's answers), become data that each admin reads in their language.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { describeWarning, type PairWarning } from '../../matching/explanations.js';
import { translator } from '../../i18n/translator.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase({ until: '027' });
});
afterAll(async () => db?.drop());

const ENGLISH = [
  'must match shared language: Ava speaks French, Mia English',
  'must match city: Lyon and Paris',
  'these two must not be paired again',
  'below the minimum score (35 < 40)',
  'the mentor would have 2 mentees for 1 place',
  'the mentor would have 3 mentees for 2 places',
];
const DATA: PairWarning[] = [
  { kind: 'must-match', criterion: 'language', label: 'shared language' },
  { kind: 'must-match', criterion: 'attribute:city', label: 'city' },
  { kind: 'excluded' },
  { kind: 'below-minimum', score: 35, minimum: 40 },
  { kind: 'over-capacity', taken: 2, capacity: 1 },
  { kind: 'over-capacity', taken: 3, capacity: 2 },
];

it("turns the stored English warnings of proposals and of the admins' changes into data, without the answers they quoted", async () => {
  const { sql } = db;
  const [cohort] = await sql<{ id: string }[]>`
    insert into cohorts (slug, form_id, name, charter, schedule) values ('old', ${randomUUID()}, 'Old', 'We meet.', '{"checkInCount": 2}') returning id`;
  const pair = (warnings: (string | PairWarning)[]) => ({
    menteeId: randomUUID(),
    mentorId: randomUUID(),
    score: 35,
    criteria: [],
    warnings,
  });
  const [run] = await sql<{ id: string }[]>`
    insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result)
    values (${cohort!.id}, 'initial', 'x', '{}', '{}', ${sql.json({ pairs: [pair(ENGLISH), pair([])], unmatched: [], freeMentors: [] } as never)}) returning id`;
  await sql`insert into match_adjustments (match_run_id, request_id, action, details, reason, warnings)
    values (${run!.id}, ${randomUUID()}, 'pair', '{}', 'asked for it', ${sql.json(ENGLISH.slice(2, 4))})`;

  await migrate(sql);

  const [run2] = await sql<{ result: { pairs: { warnings: PairWarning[] }[] } }[]>`select result from match_runs`;
  const result = run2!.result;
  expect(result.pairs.map((p) => p.warnings)).toEqual([DATA, []]);
  expect(JSON.stringify(result)).not.toMatch(/French|Lyon/);
  const [adjustment] = await sql<{ warnings: PairWarning[] }[]>`select warnings from match_adjustments`;
  expect(adjustment!.warnings).toEqual(DATA.slice(2, 4));
  // Each reads in the admin's language.
  expect(DATA.map((w) => describeWarning(w, translator('en')))).toEqual([
    'must match shared language: not met',
    'must match city: not met',
    'these two must not be paired again',
    'below the minimum score (35 < 40)',
    'the mentor would have 2 mentees for 1 place',
    'the mentor would have 3 mentees for 2 places',
  ]);
  expect(describeWarning(DATA[0]!, translator('fr'))).toMatch(/^critère obligatoire non rempli\s: langue commune$/);
  expect(describeWarning(DATA[4]!, translator('fr'))).toBe('le mentor aurait 2 mentorés pour 1 place');
});
