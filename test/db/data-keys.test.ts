/**
 * A key per participant: what it seals opens only with it, for its own person; the master key rotates (data keys
 * are wrapped again, addresses indexed again) and the old one can then go.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { insertCohort } from '../../db/cohorts.js';
import { opened, searchTokensOf, rewrapDataKeys, sealedFor, useMasterKeys } from '../../db/data-keys.js';
import { findParticipantByEmail, listParticipants } from '../../db/participants.js';
import { eraseParticipant } from '../../db/personal-data.js';
import { checkInSchema } from '../../domain/check-in.js';
import { finalSurveySchema } from '../../domain/final-survey.js';
import { parsePayloadKeys } from '../../domain/payload-encryption.js';
import { freeTextFields } from '../../domain/personal-encryption.js';
import { surveySchema } from '../../domain/survey.js';
import { PAYLOAD_KEYS } from '../helpers/keys.js';
import { createTestDatabase } from '../helpers/stack.js';
import { indexEveryName } from '../../db/migrations/025_name_search.js';

const [oldKey] = parsePayloadKeys(PAYLOAD_KEYS);
const [newKey] = parsePayloadKeys(`rotated-2:${Buffer.alloc(32, 7).toString('base64')}`);

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterEach(() => useMasterKeys([oldKey!]));
afterAll(async () => db?.drop());

async function cohortOf(names: string[]) {
  const { cohort } = await insertCohort(db.sql, {
    formId: randomUUID(),
    slug: `keys-${randomUUID().slice(0, 8)}`,
    name: 'Keys',
    description: '',
    charter: 'We meet.',
    schedule: {
      surveyOpensAt: new Date().toISOString(),
      surveyDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      checkInCount: 2,
      checkInIntervalMs: 60_000,
      programmeDurationMs: 3_600_000,
      charterDurationMs: 3_600_000,
    },
    participants: names.map((name, i) => ({
      line: i + 2,
      name,
      email: `${name.toLowerCase()}@keys.example.org`,
      role: i % 2 ? 'mentor' : 'mentee',
      languages: ['English'],
      attributes: { City: 'Lyon' },
    })),
  });
  return cohort;
}

it('seals free text, the fields the forms define as text', () => {
  expect(freeTextFields(surveySchema).sort()).toEqual(['experience', 'goals', 'location', 'preferences']);
  expect(freeTextFields(checkInSchema)).toEqual(['blocking']);
  expect(freeTextFields(finalSurveySchema)).toEqual(['improve']);
});

it("opens a sealed value only for the person it names: moved into someone else's row, it reads as nothing", async () => {
  const cohort = await cohortOf(['Ada', 'Bob']);
  const [ada, bob] = await listParticipants(db.sql, cohort.id);
  const [sealed] = await db.sql<{ name: string }[]>`select name from participants where id = ${ada!.id}`;
  expect(sealed!.name).toMatch(new RegExp(`^sealed:1:${ada!.id}:`));
  // Bob's id in the prefix, Ada's ciphertext: Bob's key does not open it, nor does Ada's (the id is its additional data).
  const forged = sealed!.name.replace(ada!.id, bob!.id);
  await db.sql`update participants set name = ${forged} where id = ${bob!.id}`;
  expect((await listParticipants(db.sql, cohort.id)).map((p) => p.name)).toEqual(['Ada', '']);
  // What Ada's key does not open reads as nothing; a string not in the sealed form, as written.
  expect(await opened(db.sql, { note: `sealed:1:${ada!.id}:bm90IHNlYWxlZA==` })).toEqual({ note: '' });
  expect(await opened(db.sql, { note: 'sealed:1:somebody:xyz' })).toEqual({ note: 'sealed:1:somebody:xyz' });
});

it('rotates with the master key: data keys wrapped again, addresses indexed again, the old key can go', async () => {
  const cohort = await cohortOf(['Cleo', 'Dan', 'Eve']);
  const answer = await sealedFor(db.sql, (await listParticipants(db.sql, cohort.id))[0]!.id, { goals: 'Learn', field: 'Finance' }, [
    'goals',
  ]);

  useMasterKeys([newKey!, oldKey!]);
  // Before the rotation runs, both keys open and find.
  expect(await findParticipantByEmail(db.sql, cohort.id, 'dan@keys.example.org')).toMatchObject({ name: 'Dan' });
  const moved = await rewrapDataKeys(db.sql, 2);
  expect(moved).toBeGreaterThanOrEqual(3);
  expect(await db.sql`select 1 from participant_keys where master_key_id <> ${newKey!.id}`).toHaveLength(0);
  expect(await rewrapDataKeys(db.sql)).toBe(0);

  useMasterKeys([newKey!]);
  expect((await listParticipants(db.sql, cohort.id)).map((p) => [p.name, p.email, p.attributes])).toEqual([
    ['Cleo', 'cleo@keys.example.org', { City: 'Lyon' }],
    ['Dan', 'dan@keys.example.org', { City: 'Lyon' }],
    ['Eve', 'eve@keys.example.org', { City: 'Lyon' }],
  ]);
  expect(await findParticipantByEmail(db.sql, cohort.id, 'Eve@keys.example.org')).toMatchObject({ name: 'Eve' });
  expect(await opened(db.sql, answer)).toEqual({ goals: 'Learn', field: 'Finance' });
  // Names are found by their tokens under the new key alone, by the start of a word, whatever the case.
  const [tokens] = searchTokensOf('CLE');
  expect(await db.sql`select 1 from participants where cohort_id = ${cohort.id} and name_tokens @> ${tokens!}::text[]`).toHaveLength(1);

  // Without the master key that wraps them, nothing opens: said plainly rather than read as empty.
  useMasterKeys([oldKey!]);
  await expect(listParticipants(db.sql, cohort.id)).rejects.toThrow(/master key "rotated-2", which is not in PAYLOAD_KEYS/);
});

it('gives names stored before name search their tokens: found by the start of any word, erased people by none', async () => {
  const cohort = await cohortOf(['Hélène Dubois', 'Bob Martin']);
  const found = async (query: string) => {
    const [tokens] = searchTokensOf(query);
    const rows = await db.sql<{ id: string }[]>`
      select id from participants where cohort_id = ${cohort.id} and name_tokens @> ${tokens!}::text[]`;
    return rows.length;
  };
  // As migration 025 found them: no tokens yet. Its step gives each name its own.
  await db.sql`update participants set name_tokens = '{}' where cohort_id = ${cohort.id}`;
  expect(await found('helene')).toBe(0);
  useMasterKeys([oldKey!, newKey!]); // an earlier test rotated some of this database's people to the new key
  await db.sql.begin((tx) => indexEveryName(tx));
  expect(await found('helene')).toBe(1);
  expect(await found('dub hel')).toBe(1);
  expect(await found('MART')).toBe(1);
  expect(await found('lene')).toBe(0); // the start of a word, not its middle
  // Tokens are blind: none of them is a name or a word of one.
  const [row] = await db.sql<{ tokens: string[] }[]>`select name_tokens as tokens from participants where cohort_id = ${cohort.id} limit 1`;
  expect(row!.tokens.join(' ')).not.toMatch(/hel|dub|bob|mart/i);
  // Erased, Hélène is found no more.
  const [helene] = await listParticipants(db.sql, cohort.id);
  await eraseParticipant(db.sql, helene!.id);
  expect(await found('helene')).toBe(0);
});
