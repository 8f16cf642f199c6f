/**
 * Migration 031 on a database as the previous release left it: a pair's health reasons and its health alerts,
 * stored as English sentences before 2026-11-28 (the first release's quoting a party's words), become data
 * that each admin reads in their language.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPair } from '../../db/matching.js';
import { migrate } from '../../db/migrate.js';
import { describeHealthReason } from '../../domain/alerts.js';
import type { HealthReason } from '../../domain/pair-health.js';
import { translator } from '../../i18n/translator.js';
import { cohortOfPeople } from '../helpers/cohort-fixtures.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase({ until: '030' });
});
afterAll(async () => db?.drop());

// Every sentence a pair's health was ever given, with the data it stands for.
const REASONS: [string, HealthReason][] = [
  ['the mentee has been silent at two check-ins in a row', { kind: 'silent-twice', role: 'mentee' }],
  ['the mentor did not answer the check-in', { kind: 'silent', role: 'mentor' }],
  ['the mentee wants to stop', { kind: 'wants-to-stop', role: 'mentee' }],
  ['the mentor rates it 2/5', { kind: 'low-rating', role: 'mentor', rating: 2 }],
  ['the mentee says something is in the way', { kind: 'blocked', role: 'mentee' }],
  ['the mentor is blocked: “No time this month”', { kind: 'blocked', role: 'mentor' }],
  ['no contact since the last check-in', { kind: 'no-contact' }],
  ['their answers disagree on whether they met', { kind: 'met-disagree' }],
  ['their ratings disagree (1/5 and 4/5)', { kind: 'ratings-disagree', mentee: 1, mentor: 4 }],
];

it("turns the English health reasons of pairs and of their alerts into data, without a party's words", async () => {
  const { sql } = db;
  const { cohort, ids } = await cohortOfPeople(sql, 2);
  const [run] = await sql<{ id: string }[]>`
    insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result) values (${cohort.id}, 'initial', 'x', '{}', '{}', '{}') returning id`;
  const [pair] = await sql<{ id: string }[]>`
    insert into pairs (cohort_id, match_run_id, mentee_id, mentor_id, workflow_id, score, criteria, health, health_reasons)
    values (${cohort.id}, ${run!.id}, ${ids[1]!}, ${ids[0]!}, ${`pair-${randomUUID()}`}, 50, '[]', 'at-risk', ${sql.json(REASONS.map(([r]) => r))})
    returning id`;
  const details = {
    kind: 'health',
    menteeId: ids[1],
    mentorId: ids[0],
    atRisk: true,
    checkIn: 2,
    reasons: REASONS.map(([r]) => r),
    blockedIds: [],
  };
  await sql`insert into alerts (alert_key, cohort_id, pair_id, details) values (${`health:${pair!.id}:1`}, ${cohort.id}, ${pair!.id}, ${sql.json(details)})`;

  await migrate(sql);

  const data = REASONS.map(([, reason]) => reason);
  expect((await getPair(sql, pair!.id))!.healthReasons).toEqual(data);
  const [alert] = await sql<{ details: { reasons: HealthReason[] } }[]>`select details from alerts`;
  expect(alert!.details.reasons).toEqual(data);
  expect(JSON.stringify(alert!.details)).not.toContain('No time');
  const english = translator('en');
  expect(data.map((reason) => describeHealthReason(reason, english))).toEqual([
    ...REASONS.slice(0, 5).map(([r]) => r),
    'the mentor says something is in the way',
    ...REASONS.slice(6).map(([r]) => r),
  ]);
  expect(describeHealthReason(data[3]!, translator('fr'))).toBe('le mentor donne la note de 2/5');
});
