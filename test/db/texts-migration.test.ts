/**
 * Migration 023 on a database as the previous release left it: a cohort's charter in other languages moves to
 * the versions of every text, and reads as before.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getCohortBySlug } from '../../db/cohorts.js';
import { migrate } from '../../db/migrate.js';
import { textOf } from '../../domain/cohort-texts.js';
import { translator } from '../../i18n/translator.js';
import { createTestDatabase } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase({ until: '022' });
});
afterAll(async () => db?.drop());

it("keeps a charter's versions in other languages, now among the versions of every text", async () => {
  const { sql } = db;
  const charter = 'We meet every fortnight.';
  const french = 'Nous nous voyons tous les quinze jours.';
  await sql`
    insert into cohorts (slug, form_id, name, charter, charter_translations, schedule)
    values ('bilingual', ${randomUUID()}, 'Bilingual', ${charter}, ${sql.json({ fr: french })}, '{"checkInCount": 2}'),
           ('english', ${randomUUID()}, 'English', ${charter}, '{}', '{"checkInCount": 2}')`;
  await migrate(sql);

  const bilingual = (await getCohortBySlug(sql, 'bilingual'))!;
  expect(bilingual.translations).toEqual({ charter: { fr: french } });
  expect(textOf(bilingual, 'charter', translator('fr'))).toBe(french);
  expect(textOf(bilingual, 'charter', translator('en'))).toBe(charter);
  expect((await getCohortBySlug(sql, 'english'))!.translations).toEqual({});
});
