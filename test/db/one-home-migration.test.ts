/**
 * Migrations 017 to 020 on a database as an earlier release left it: alerts that copied names and words, a report
 * that copied comments, email records with the partner in their subject, a bounce keyed by the address, and
 * everyone's data in clear. After them, shared rows name people by id, each person's data is sealed under their
 * own key, and all reads as it did; then an erasure takes the person from every one of them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getMatchRun } from '../../db/matching.js';
import { migrate } from '../../db/migrate.js';
import { listAlerts, listPairAlerts } from '../../db/pair-lifecycle.js';
import { findParticipantByEmail, getParticipant } from '../../db/participants.js';
import { eraseParticipant } from '../../db/personal-data.js';
import { commentTexts } from '../../db/report.js';
import { alertText } from '../../domain/alerts.js';
import type { CohortReport } from '../../domain/report.js';
import { translator } from '../../i18n/translator.js';
import { databaseText } from '../helpers/database-text.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase({ until: '016' });
});
afterAll(async () => db?.drop());

it("brings the previous release's copies to references, which read as before and erase by id", async () => {
  const { sql } = db;
  const [cohort] = await sql<{ id: string }[]>`
    insert into cohorts (slug, form_id, name, charter, schedule) values ('old', ${randomUUID()}, 'Old cohort', 'We meet.', '{"checkInCount": 2}') returning id`;
  const person = async (name: string, role: string, line: number) =>
    (
      await sql<
        { id: string }[]
      >`insert into participants (cohort_id, csv_line, name, email, role) values (${cohort!.id}, ${line}, ${name}, ${`${name.split(' ')[0]!.toLowerCase()}@old.example.org`}, ${role}) returning id`
    )[0]!.id;
  const ava = await person('Ava Paris', 'mentee', 2);
  const mia = await person('Mia Paris', 'mentor', 3);
  const [run] = await sql<
    { id: string }[]
  >`insert into match_runs (cohort_id, kind, algorithm, settings, inputs, result) values (${cohort!.id}, 'initial', 'x', '{}', '{}', '{"pairs": []}') returning id`;
  // A run as the previous release stored it: everyone's name, answers and CSV values, and reasons quoting them.
  await sql`update match_runs set inputs = ${sql.json({
    mentees: [{ id: ava, name: 'Ava Paris', attributes: { City: 'Paris' }, answers: { location: 'Paris' } }],
    mentors: [{ id: mia, name: 'Mia Paris', attributes: { City: 'Paris' }, answers: { location: 'Paris' } }],
    unanswered: [],
    exclusions: [],
    settings: {},
  })}, result = ${sql.json({
    pairs: [
      {
        menteeId: ava,
        menteeName: 'Ava Paris',
        mentorId: mia,
        mentorName: 'Mia Paris',
        score: 80,
        criteria: [{ criterion: 'meeting', score: 1, met: true, reason: 'both meet in Paris' }],
        warnings: [],
      },
    ],
    unmatched: [],
    freeMentors: [{ mentorId: mia, name: 'Mia Paris', freePlaces: 1 }],
    summary: { mentees: 1 },
    notices: [],
  })} where id = ${run!.id}`;
  const [pair] = await sql<{ id: string }[]>`
    insert into pairs (cohort_id, match_run_id, mentee_id, mentor_id, workflow_id, score, criteria, stage, status)
    values (${cohort!.id}, ${run!.id}, ${ava}, ${mia}, 'pair-old', 80, '[{"criterion": "meeting", "score": 1, "met": true, "reason": "both meet in Paris"}]', 'completed', 'ended') returning id`;
  await sql`insert into check_in_answers (pair_id, round, participant_id, answers) values (${pair!.id}, 0, ${ava}, ${sql.json({ met: 'yes', rating: 2, continue: 'yes', blocking: 'My boss in Paris' })})`;
  await sql`insert into final_survey_answers (pair_id, participant_id, answers) values (${pair!.id}, ${ava}, ${sql.json({ role: 'mentee', satisfaction: 4, recommend: 9, improve: 'More meetings in Paris' })})`;
  await sql`insert into final_survey_answers (pair_id, participant_id, answers) values (${pair!.id}, ${mia}, ${sql.json({ role: 'mentor', satisfaction: 5, recommend: 10, improve: '' })})`;
  // As the previous release wrote them: names and words in the details and the message.
  const alerts: [string, object][] = [
    [
      `health:${pair!.id}:0`,
      {
        kind: 'health',
        mentee: 'Ava Paris',
        mentor: 'Mia Paris',
        atRisk: false,
        checkIn: 1,
        reasons: [{ kind: 'blocked', role: 'mentee' }],
        blocking: [{ name: 'Ava Paris', words: 'My boss in Paris' }],
      },
    ],
    [
      `charter-unsigned:${pair!.id}`,
      { kind: 'charter-unsigned', mentee: 'Ava Paris', mentor: 'Mia Paris', missing: ['Mia Paris'], deadline: '2026-11-01T10:00:00.000Z' },
    ],
    [`pair-dissolved:${pair!.id}`, { kind: 'pair-dissolved', mentee: 'Ava Paris', mentor: 'Mia Paris' }],
    [
      `bounce:${ava}:ava@old.example.org`,
      { kind: 'bounce', name: 'Ava Paris', email: 'ava@old.example.org', reason: 'Resend 422: mailbox full' },
    ],
  ];
  for (const [key, details] of alerts) {
    await sql`insert into alerts (alert_key, cohort_id, pair_id, message, details) values (${key}, ${cohort!.id}, ${key.startsWith('bounce') ? null : pair!.id}, 'English words naming Ava Paris', ${sql.json(details as never)})`;
  }
  const report = { pairs: 1, completed: 1, comments: [{ role: 'mentee', text: 'More meetings in Paris' }] };
  await sql`update cohorts set report = ${sql.json(report)} where id = ${cohort!.id}`;
  await sql`insert into sent_emails (idempotency_key, cohort_id, participant_id, kind, to_address, subject) values ('intro:1', ${cohort!.id}, ${mia}, 'match-introduction', 'mia@old.example.org', 'Meet your mentee Ava Paris')`;
  const en = translator('en', 'UTC');
  const before = await sql`select alert_key, message from alerts order by id`;
  expect(before).toHaveLength(4);

  // The migrations this test is about, then any later one.
  expect((await migrate(sql)).slice(0, 4)).toEqual([
    '017_one_home_for_personal_data.sql',
    '018_withdrawn_proposals.sql',
    '019_match_runs_by_reference.sql',
    '020_a_key_per_participant.sql',
  ]);

  // The alerts read as they did, worded from the people's rows: the pair's (its page keeps them all), and the cohort's.
  const everyAlert = async () => [
    ...(await listPairAlerts(sql, pair!.id)),
    ...(await listAlerts(sql, cohort!.id)).filter((a) => !a.pairId),
  ];
  const texts = (await everyAlert()).map((a) => alertText(a, en)).sort();
  expect(texts).toEqual(
    [
      'Ava Paris (mentee) and Mia Paris (mentor) need attention after check-in 1: the mentee says something is in the way. Ava Paris: “My boss in Paris”',
      "Ava Paris (mentee) and Mia Paris (mentor): the charter is not signed by Mia Paris; the pair is dissolved at Sun, 1 Nov 2026, 10:00 UTC. On the pair's page you can extend the deadline, or keep both in the programme for a new match.",
      'Ava Paris (mentee) and Mia Paris (mentor): the pair is dissolved, the charter was not signed in time.',
      'The email to Ava Paris <ava@old.example.org> was refused by the mail service (Resend 422: mailbox full): check their address.',
    ].sort(),
  );
  const [saved] = await sql<{ report: CohortReport }[]>`select report from cohorts where id = ${cohort!.id}`;
  expect(saved!.report.comments).toEqual([{ pairId: pair!.id, participantId: ava, role: 'mentee' }]);
  expect(await commentTexts(sql, saved!.report.comments)).toEqual([{ role: 'mentee', text: 'More meetings in Paris' }]);
  // Nothing of anyone is left in clear: copies are gone, their own rows sealed.
  const migrated = await databaseText(sql);
  for (const copy of ['Ava Paris', 'Mia Paris', 'ava@old.example.org', 'My boss in Paris', 'More meetings in Paris', 'both meet in Paris'])
    expect(migrated).not.toContain(copy);
  expect(await findParticipantByEmail(sql, cohort!.id, 'AVA@old.example.org ')).toMatchObject({ id: ava, name: 'Ava Paris' });
  // The run reads as before, its people's names and answers from their rows.
  const read = (await getMatchRun(sql, run!.id))!;
  expect(read.result.pairs).toMatchObject([{ menteeName: 'Ava Paris', mentorName: 'Mia Paris', score: 80 }]);
  expect(read.result.freeMentors).toEqual([{ mentorId: mia, name: 'Mia Paris', freePlaces: 1 }]);

  // Erased after the migration, Ava leaves nothing; Mia's words and name stay whole ("Paris" is her name too).
  await eraseParticipant(sql, ava);
  const text = await databaseText(sql);
  for (const gone of ['Ava Paris', 'ava@old.example.org', 'My boss in Paris', 'More meetings in Paris']) expect(text).not.toContain(gone);
  expect(await getParticipant(sql, mia)).toMatchObject({ name: 'Mia Paris', email: 'mia@old.example.org' });
  const after = (await everyAlert()).map((a) => alertText(a, en));
  expect(after).toHaveLength(3);
  expect(after.join('\n')).toContain('a participant whose data was erased (mentee) and Mia Paris (mentor): the pair is dissolved');
});
