/**
 * The charter in each participant's language: Tandem's default in every language it speaks, however the browser
 * sends it back; a cohort's own charter with a version per language, which each party signs and is emailed; and
 * the cohort page warns when some participants' language has no version.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { charterOf, DEFAULT_CHARTER } from '../../domain/charter.js';
import { en } from '../../i18n/en.js';
import { fr } from '../../i18n/fr.js';
import { translator } from '../../i18n/translator.js';
import { approvedPairOf, charterPath } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { csvFile, pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const SCHEDULE = { surveyDuration: '2w', checkInCount: '6', checkInInterval: '4w', programmeDuration: '26w', charterDuration: '1w' };
const CSV =
  'name,email,role,language,language of communication\nAda,ada@charte.example.org,mentor,en,en\nZoé,zoe@charte.example.org,mentee,en,fr\n';
const OWN = 'We meet every fortnight at the Lyon campus.\nWe keep what we say between us.';
const OWN_FR = 'Nous nous voyons tous les quinze jours au campus de Lyon.\nCe que nous nous disons reste entre nous.';

async function createCohort(name: string, form: Record<string, string>) {
  const admin = webClient(stack.app);
  await admin.logIn();
  const hidden = await admin.hiddenFields('/admin/cohorts/new');
  const created = await admin.post('/admin/cohorts', { ...hidden, ...SCHEDULE, name, participants: csvFile(CSV), ...form });
  expect(created.status).toBe(303);
  const [cohort] = await stack.sql<{ slug: string; charter: string; charterTranslations: object }[]>`
    select slug, charter, charter_translations from cohorts where name = ${name}`;
  return { cohort: cohort!, page: pageText(await (await admin.get(`/admin/cohorts/${cohort!.slug}`)).text()) };
}

it('offers the default charter, kept as the default however the browser sends it back, with no warning', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  expect(await (await admin.get('/admin/cohorts/new')).text()).toContain(DEFAULT_CHARTER.split('\n')[0]!);
  const { cohort, page } = await createCohort('Default charter', { charter: `${DEFAULT_CHARTER.replace(/\n/g, '\r\n')}\r\n` });
  expect(cohort).toMatchObject({ charter: '', charterTranslations: {} });
  expect(page).not.toContain('no version');
  // Each reads it in their own language.
  expect(charterOf(cohort, translator('fr'))).toBe(fr['charter.default']);
  expect(charterOf(cohort, translator('en'))).toBe(en['charter.default']);
});

it("warns when some participants' language has no version of the cohort's own charter, and stores the versions given", async () => {
  const alone = await createCohort('English charter only', { charter: OWN });
  expect(alone.cohort).toMatchObject({ charter: OWN, charterTranslations: {} });
  expect(alone.page).toContain('1 participant reads French, and your charter has no version in it: they sign it in English.');

  const both = await createCohort('Charter in two languages', { charter: OWN, charter_fr: OWN_FR.replace(/\n/g, '\r\n') });
  expect(both.cohort).toMatchObject({ charter: OWN, charterTranslations: { fr: OWN_FR } });
  expect(both.page).not.toContain('no version');
});

it('has each party sign the charter, and receive it by email, in their own language, which the page menu changes', async () => {
  const slug = 'charte-bilingue';
  const { pair } = await approvedPairOf(stack, slug, {
    charterMs: 3_600_000,
    beforeAnswers: async (c) => {
      await stack.sql`update participants set language = 'fr' where id = (select id from participants where cohort_id = ${c.id} and csv_line = 3)`;
      await stack.sql`update cohorts set charter = ${OWN}, charter_translations = ${stack.sql.json({ fr: OWN_FR })} where id = ${c.id}`;
    },
  });
  const ava = pageText(await (await webClient(stack.app).get(charterPath(stack, pair.id, pair.menteeId))).text());
  const mia = pageText(await (await webClient(stack.app).get(charterPath(stack, pair.id, pair.mentorId))).text());
  expect(ava).toContain('Nous nous voyons tous les quinze jours au campus de Lyon.');
  expect(mia).toContain('We meet every fortnight at the Lyon campus.');
  const emails = await eventually(async () => {
    const rows = await stack.sql<{ toAddress: string; text: string }[]>`
      select to_address, text from outbox_messages where to_address like ${`%@${slug}.example.org>`} and text like ${'%campus%'}`;
    expect(rows).toHaveLength(2);
    return rows;
  });
  expect(emails.find((e) => e.toAddress.includes('ava@'))!.text).toContain('au campus de Lyon');
  expect(emails.find((e) => e.toAddress.includes('mia@'))!.text).toContain('at the Lyon campus');

  // Mia would rather read French: the menu on her charter page switches it, for this page and what follows.
  const mia2 = webClient(stack.app);
  const switched = await mia2.post(`${charterPath(stack, pair.id, pair.mentorId)}/language`, { language: 'fr' });
  expect(switched.status).toBe(303);
  const again = await mia2.get(switched.headers.get('location')!);
  expect(pageText(await again.text())).toContain('Nous nous voyons tous les quinze jours au campus de Lyon.');
  expect((await stack.sql<{ language: string }[]>`select language from participants where id = ${pair.mentorId}`)[0]!.language).toBe('fr');
});
