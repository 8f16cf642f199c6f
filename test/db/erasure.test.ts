/**
 * Erasure by reference, as a property: over generated cohorts whose people bear names that are other people's
 * words ("Paris", "Mentee", "English"...), regex and SQL metacharacters, HTML, emoji, Arabic script, shared first
 * names and one-letter names, erase one participant at random. Every other participant's export is the same
 * before and after (byte for byte, but for the admins' notes on a pair they shared with the erased person, which
 * go with either party). Nobody's name, email or words are in clear in the database, and once the person is
 * erased, what their key sealed in a backup taken before opens no more.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchInputFor } from '../../activities/matching.js';
import { insertCohort, type Cohort } from '../../db/cohorts.js';
import { recordAudit } from '../../db/audit-log.js';
import { opened, sealedFor } from '../../db/data-keys.js';
import { recordSentEmails } from '../../db/emails.js';
import { applyAdjustment } from '../../db/match-adjustments.js';
import { approveMatchRun, endPair, insertMatchRun, listPairs } from '../../db/matching.js';
import { insertAlert, listAlerts } from '../../db/pair-lifecycle.js';
import { listParticipants } from '../../db/participants.js';
import { PARTICIPANT_REFERENCES, PERSONAL_COLUMNS, eraseParticipant, personalDataOf, type PersonalData } from '../../db/personal-data.js';
import { pairReportRows, saveCohortReport, commentTexts } from '../../db/report.js';
import type { Sql } from '../../db/sql.js';
import { alertText } from '../../domain/alerts.js';
import { OWN_WORDS } from '../../domain/own-words.js';
import { cohortReport } from '../../domain/report.js';
import { validateSurvey } from '../../domain/survey.js';
import { translator } from '../../i18n/translator.js';
import { adjustProposal } from '../../matching/adjust.js';
import { matchCohort } from '../../matching/match-cohort.js';
import { DEFAULT_MATCH_SETTINGS } from '../../matching/settings.js';
import { createTestDatabase } from '../helpers/stack.js';
import { databaseText } from '../helpers/database-text.js';

/** First names that are also other people's words, or that a text search or a regex would trip on. */
const FIRST_NAMES = [
  'Paris',
  'Mentee',
  'Mentor',
  'Admin',
  'English',
  'Finance',
  'A',
  'Ava',
  'Ava',
  'J.*+?^${}()|[]\\',
  "O'Brien'; drop table pairs;--",
  '<b>Zoé</b>',
  '🦊 Renard',
  'نور',
  '%_\\',
];

/** A small seeded generator, so that a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

interface Person {
  id: string;
  name: string;
  email: string;
  /** A word only this person wrote, in each of their texts: if it is anywhere after their erasure, something kept their words. */
  marker: string;
}

/** A cohort through its whole life, stored by the functions the product stores it with. */
async function generateCohort(sql: Sql, seed: number): Promise<{ cohort: Cohort; people: Person[] }> {
  const [admin] = await sql<{ id: string }[]>`
    insert into admin_accounts (login, name, role, status) values ('admin', 'Admin', 'owner', 'active')
    on conflict (login) do update set name = excluded.name returning id`;
  const r = random(seed);
  const token = `${seed.toString(36)}${r.int(1e6).toString(36)}`;
  const size = { mentors: 2 + r.int(3), mentees: 2 + r.int(4) };
  const roles = [...Array(size.mentors).fill('mentor'), ...Array(size.mentees).fill('mentee')] as ('mentor' | 'mentee')[];
  // A surname of its own makes the full name something that should be nowhere once erased; the first name is
  // everyone's word, which an erasure by text search would have taken from others.
  const rows = roles.map((role, i) => {
    const first = r.pick(FIRST_NAMES);
    return {
      line: i + 2,
      name: `${first} Q${token}n${i}`,
      email: `p${i}.${token}@example.org`,
      role,
      languages: ['English'],
      attributes: { City: r.pick(['Paris', first, 'Lyon']) },
    };
  });
  const { cohort } = await insertCohort(sql, {
    formId: randomUUID(),
    slug: `c-${token}`,
    name: `Cohort ${token}`,
    description: '',
    charter: 'We meet monthly.',
    objectives: true,
    schedule: {
      surveyOpensAt: new Date().toISOString(),
      surveyDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      checkInCount: 2,
      checkInIntervalMs: 60_000,
      programmeDurationMs: 3_600_000,
      charterDurationMs: 3_600_000,
    },
    participants: rows,
  });
  const stored = await listParticipants(sql, cohort.id);
  const people: Person[] = rows.map((row, i) => ({
    id: stored.find((s) => s.email === row.email)!.id,
    name: row.name,
    email: row.email,
    marker: `m${i}k${token}`,
  }));
  const firstOf = (p: Person) => p.name.split(' Q')[0]!;

  // Survey answers that share words with other people's names: a city called like someone, a goal naming a partner.
  for (const [i, person] of people.entries()) {
    const other = r.pick(people);
    const form =
      roles[i] === 'mentee'
        ? {
            goals: `Move to Paris with ${firstOf(other)} ${person.marker}`,
            helpWith: ['Networking'],
            field: 'Finance',
            languages: ['English'],
            availability: 'monthly',
            meetingMode: 'remote',
            location: r.pick(['Paris', firstOf(other)]),
            preferences: `English please ${person.marker}`,
            consent: 'on',
          }
        : {
            offers: ['Networking'],
            capacity: '2',
            experience: `Finance in Paris ${person.marker}`,
            field: 'Finance',
            languages: ['English'],
            availability: 'monthly',
            meetingMode: 'remote',
            location: 'Paris',
            consent: 'on',
          };
    const answers = validateSurvey(roles[i]!, form);
    if (!answers.ok) throw new Error(JSON.stringify(answers));
    const survey = await sealedFor(sql, person.id, answers.answers, OWN_WORDS.survey);
    await sql`insert into survey_answers (participant_id, cohort_id, submission_id, answers)
      values (${person.id}, ${cohort.id}, ${randomUUID()}, ${sql.json(survey as never)})`;
  }

  // The match, an admin's adjustment naming someone, the pairs.
  const inputs = await matchInputFor(sql, cohort.id, DEFAULT_MATCH_SETTINGS);
  let result = matchCohort(inputs);
  const runId = randomUUID();
  await insertMatchRun(sql, {
    id: runId,
    cohortId: cohort.id,
    kind: 'initial',
    algorithm: result.algorithm,
    settings: DEFAULT_MATCH_SETTINGS,
    inputs,
    result,
  });
  const first = result.pairs[0];
  if (first) {
    const mentee = people.find((p) => p.id === first.menteeId)!;
    const reason = `${mentee.name} asked to wait`;
    const outcome = adjustProposal(inputs, result, { action: 'unpair', menteeId: first.menteeId }, reason);
    if (outcome.ok) {
      await applyAdjustment(sql, {
        runId,
        requestId: randomUUID(),
        adjustment: { action: 'unpair', menteeId: first.menteeId },
        reason,
        result: outcome.result,
        warnings: outcome.warnings,
      });
      result = outcome.result;
    }
  }
  await approveMatchRun(sql, runId, () => `pair-${randomUUID()}`, 3_600_000);

  // Each pair's life: signatures with objectives, check-ins with what is in the way, final surveys, alerts.
  const pairs = await listPairs(sql, cohort.id);
  for (const [n, pair] of pairs.entries()) {
    const parties = [pair.menteeId, pair.mentorId].map((id) => people.find((p) => p.id === id)!);
    for (const person of parties) {
      const signature = await sealedFor(
        sql,
        person.id,
        {
          typedName: person.name,
          objectives: [`Speak English at work ${person.marker}`, `Meet ${firstOf(parties.find((p) => p !== person)!)}`],
        },
        ['typedName', 'objectives'],
      );
      await sql`insert into charter_signatures (pair_id, participant_id, typed_name, objectives)
        values (${pair.id}, ${person.id}, ${signature.typedName}, ${sql.json(signature.objectives)})`;
      for (const round of [0, 1]) {
        const checkIn = await sealedFor(
          sql,
          person.id,
          {
            met: 'yes',
            meetings: 1,
            rating: 1 + r.int(5),
            continue: 'yes',
            blocking: r.int(2) ? `My manager in Paris ${person.marker}` : '',
            ...(round === 0 ? { progress: ['started', 'achieved'] } : {}),
          },
          OWN_WORDS.checkIn,
        );
        await sql`insert into check_in_answers (pair_id, round, participant_id, answers)
          values (${pair.id}, ${round}, ${person.id}, ${sql.json(checkIn as never)})`;
      }
      const finalSurvey = await sealedFor(
        sql,
        person.id,
        {
          role: person.id === pair.menteeId ? 'mentee' : 'mentor',
          questionsAnswered: 'yes',
          satisfaction: 4,
          recommend: 9,
          improve: `More Finance talks ${person.marker}`,
        },
        OWN_WORDS.finalSurvey,
      );
      await sql`insert into final_survey_answers (pair_id, participant_id, answers)
        values (${pair.id}, ${person.id}, ${sql.json(finalSurvey as never)})`;
      await recordSentEmails(sql, [
        {
          idempotencyKey: `intro:${pair.id}:${person.id}`,
          kind: 'match-introduction',
          cohortId: cohort.id,
          participantId: person.id,
          toAddress: person.email,
          providerMessageId: null,
        },
      ]);
    }
    await insertAlert(sql, {
      key: `health:${pair.id}:0`,
      cohortId: cohort.id,
      pairId: pair.id,
      details: {
        kind: 'health',
        menteeId: pair.menteeId,
        mentorId: pair.mentorId,
        atRisk: false,
        checkIn: 1,
        reasons: [{ kind: 'blocked', role: 'mentee' }],
        blockedIds: [pair.menteeId, pair.mentorId],
      },
    });
    await insertAlert(sql, {
      key: `charter-unsigned:${pair.id}`,
      cohortId: cohort.id,
      pairId: pair.id,
      details: {
        kind: 'charter-unsigned',
        menteeId: pair.menteeId,
        mentorId: pair.mentorId,
        missingIds: [pair.mentorId],
        deadline: new Date().toISOString(),
      },
    });
    await recordAudit(sql, { cohortId: cohort.id, accountId: admin!.id, action: 'pair pause', subjectId: pair.id });
    // An admin's note on the pair, naming its mentee as admins do.
    if (n % 2 === 0) await endPair(sql, pair.id, `${parties[0]!.name} moved abroad`);
  }
  const bounced = r.pick(people);
  await insertAlert(sql, {
    key: `bounce:${bounced.id}`,
    cohortId: cohort.id,
    details: { kind: 'bounce', participantId: bounced.id, reason: 'Resend 422: mailbox full' },
  });
  await recordAudit(sql, { cohortId: cohort.id, accountId: admin!.id, action: 'export', subjectId: bounced.id });
  await saveCohortReport(sql, cohort.id, cohortReport(await pairReportRows(sql, cohort.id)));
  return { cohort, people };
}

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const exportOf = async (id: string) => JSON.stringify(await personalDataOf(db.sql, id));

describe('erasure', () => {
  it('erases one person by reference: everybody else keeps their data to the byte, and nothing of theirs is left', async () => {
    const cohorts = [];
    for (let seed = 1; seed <= 12; seed++) cohorts.push(await generateCohort(db.sql, seed * 7919));
    const everyone = cohorts.flatMap((c) => c.people);
    for (const [n, { cohort, people }] of cohorts.entries()) {
      const r = random(n + 101);
      const erased = r.pick(people);
      const others = everyone.filter((p) => p !== erased);
      const before = new Map(await Promise.all(others.map(async (p) => [p.id, await exportOf(p.id)] as const)));
      const alertsBefore = (await listAlerts(db.sql, cohort.id)).length;
      expect(await exportOf(erased.id), 'the check would pass for nothing').toContain(erased.marker);
      // At rest, nobody's name, address or words are in clear: a dump (a backup) holds them sealed. The admins'
      // notes, and the unpairing reasons a run quotes from them, are the admins' words, which may name people
      // (erased by reference with either party, see docs/privacy.md).
      const adminNotes = Object.keys(PERSONAL_COLUMNS).filter((column) => PERSONAL_COLUMNS[column] === 'admin-note');
      const backup = await databaseText(db.sql);
      const backupWithoutNotes = await databaseText(db.sql, { without: [...adminNotes, 'match_runs.result'] });
      const inClear = (text: string, needle: string) => text.split('\n').find((line) => line.includes(needle));
      for (const person of everyone) {
        for (const needle of [person.email, person.marker]) expect(inClear(backup, needle), `"${needle}" is in clear`).toBeUndefined();
        expect(inClear(backupWithoutNotes, person.name), `"${person.name}" is in clear`).toBeUndefined();
      }
      const sealedInBackup = backup.match(new RegExp(`sealed:1:${erased.id}:[A-Za-z0-9+/=]+`, 'g')) ?? [];
      expect(sealedInBackup.length).toBeGreaterThan(3);
      expect((await opened(db.sql, sealedInBackup)).join('')).toContain(erased.marker);

      expect(await eraseParticipant(db.sql, erased.id)).toMatchObject({ erased: true });

      for (const other of others) {
        const expected = JSON.parse(before.get(other.id)!) as PersonalData;
        // The admins' notes on a pair they shared with the erased person went with that person.
        for (const pair of expected.pairs) if (pair.partnerId === erased.id && pair.endedReason !== null) pair.endedReason = '';
        expect(await exportOf(other.id), `${other.name} (seed ${n})`).toBe(JSON.stringify(expected));
      }
      // Their key is gone: what it sealed, in the backup taken before, opens no more.
      expect(await opened(db.sql, sealedInBackup)).toEqual(sealedInBackup.map(() => ''));
      const text = await databaseText(db.sql);
      expect(text).not.toContain(`sealed:1:${erased.id}`);
      // Alerts about the pair stay, worded without the person; only the one about their address goes.
      const alerts = await listAlerts(db.sql, cohort.id);
      expect(alerts.length).toBeGreaterThanOrEqual(alertsBefore - 1);
      for (const alert of alerts) expect(alertText(alert, translator('en'))).not.toContain(erased.name);
      const report = (await db.sql<{ report: { comments: [] } }[]>`select report from cohorts where id = ${cohort.id}`)[0]!.report;
      expect((await commentTexts(db.sql, report.comments)).some((c) => c.text.includes(erased.marker))).toBe(false);

      // Asked again: nothing more to do, nothing changes.
      expect(await eraseParticipant(db.sql, erased.id)).toMatchObject({ erased: false });
      expect(await databaseText(db.sql)).toBe(text);
    }
  }, 120_000);

  it('keeps the figures and says what is left of the person', async () => {
    const { people } = await generateCohort(db.sql, 424242);
    const [person] = people;
    await eraseParticipant(db.sql, person!.id);
    const data = (await personalDataOf(db.sql, person!.id))!;
    expect(data.participant).toMatchObject({ name: 'Erased participant', languages: [], attributes: {}, erasedAt: expect.any(Date) });
    expect(data.surveyAnswers).toBeNull();
    // Ratings and choices stay (the report's figures); the words go.
    for (const checkIn of data.checkIns) {
      expect(checkIn.answers).toMatchObject({ met: 'yes', rating: expect.any(Number) });
      expect(checkIn.answers).not.toHaveProperty('blocking');
    }
    for (const signature of data.charterSignatures) expect(signature).toMatchObject({ typedName: '', objectives: ['', ''] });
    for (const final of data.finalSurveys) expect(final.answers).toMatchObject({ satisfaction: 4, recommend: 9 });
    expect(data.emails.every((e) => e.toAddress === '')).toBe(true);
  });
});

describe('the schema', () => {
  it('has every text and JSON column placed (its owner, by reference, an admin note, or nobody) and every reference to a participant known', async () => {
    const columns = await db.sql<{ name: string }[]>`
      select c.table_name || '.' || c.column_name as name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type in ('text', 'jsonb', 'json', 'ARRAY', 'character varying') order by 1`;
    // A column added later must be placed in db/personal-data.ts, so that export and erasure are decided for it.
    expect(columns.map((c) => c.name).sort()).toEqual(Object.keys(PERSONAL_COLUMNS).sort());
    const references = await db.sql<{ name: string }[]>`
      select k.table_name || '.' || k.column_name as name
      from information_schema.referential_constraints r
      join information_schema.key_column_usage k on k.constraint_name = r.constraint_name and k.table_schema = r.constraint_schema
      join information_schema.constraint_column_usage u on u.constraint_name = r.unique_constraint_name and u.table_schema = r.unique_constraint_schema
      where u.table_name = 'participants' order by 1`;
    expect(references.map((r) => r.name).sort()).toEqual([...PARTICIPANT_REFERENCES].sort());
  });
});
