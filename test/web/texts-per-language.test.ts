/**
 * Every text a participant reads in their language: Tandem's default charter and notice in every language it
 * speaks, however the browser sends them back; a cohort's own description, charter and notice with a version per
 * language, which each participant reads (the charter signed and emailed); and the cohort page warns, text by
 * text, when some participants' language has no version.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_CHARTER } from '../../domain/charter.js';
import { textOf } from '../../domain/cohort-texts.js';
import { en } from '../../i18n/en.js';
import { fr } from '../../i18n/fr.js';
import { translator, TYPOGRAPHY } from '../../i18n/translator.js';
import { approvedPairOf, charterPath, surveyPath } from '../helpers/cohort-fixtures.js';
import { getCohortBySlug } from '../../db/cohorts.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { csvFile, pageText, webClient } from '../helpers/web-client.js';

/** French as Tandem sets it: no line break before a colon. */
const french = TYPOGRAPHY.fr;

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
  const created = await admin.post('/admin/cohorts', {
    ...hidden,
    ...SCHEDULE,
    charter: DEFAULT_CHARTER,
    name,
    participants: csvFile(CSV),
    ...form,
  });
  expect(created.status).toBe(303);
  const slug = new URL(created.headers.get('location')!, 'http://x').pathname.split('/').pop()!;
  const cohort = (await getCohortBySlug(stack.sql, slug))!;
  return { cohort, page: pageText(await (await admin.get(`/admin/cohorts/${slug}`)).text()) };
}

it('offers the default charter, kept as the default however the browser sends it back, with no warning', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  expect(await (await admin.get('/admin/cohorts/new')).text()).toContain(DEFAULT_CHARTER.split('\n')[0]!);
  const { cohort, page } = await createCohort('Default charter', { charter: `${DEFAULT_CHARTER.replace(/\n/g, '\r\n')}\r\n` });
  expect(cohort).toMatchObject({ charter: '', translations: {} });
  expect(page).not.toContain('no version');
  // Each reads it in their own language.
  expect(textOf(cohort, 'charter', translator('fr'))).toBe(french(fr['charter.default']));
  expect(textOf(cohort, 'charter', translator('en'))).toBe(en['charter.default']);
});

it('asks for the charter when the form sends none, instead of failing', async () => {
  const admin = webClient(stack.app);
  await admin.logIn();
  const hidden = await admin.hiddenFields('/admin/cohorts/new');
  const refused = await admin.post('/admin/cohorts', { ...hidden, ...SCHEDULE, name: 'No charter', participants: csvFile(CSV) });
  expect(refused.status).toBe(422);
  expect(pageText(await refused.text())).toContain('Charter: write the commitments both parties sign');
});

it("warns when some participants' language has no version of the cohort's own charter, and stores the versions given", async () => {
  const alone = await createCohort('English charter only', { charter: OWN });
  expect(alone.cohort).toMatchObject({ charter: OWN, translations: {} });
  expect(alone.page).toContain('1 participant reads French, and your charter has no version in it: they read it in English.');

  const both = await createCohort('Charter in two languages', { charter: OWN, charter_fr: OWN_FR.replace(/\n/g, '\r\n') });
  expect(both.cohort).toMatchObject({ charter: OWN, translations: { charter: { fr: OWN_FR } } });
  expect(both.page).not.toContain('no version');
});

const ABOUT = 'Alumni of the Lyon campus guide this year’s students into their first job.';
const ABOUT_FR = 'Les anciens du campus de Lyon guident les étudiants de cette année vers leur premier emploi.';
const NOTICE = 'Your answers are read by the two organisers of the Lyon campus programme and deleted a year after it.';
const NOTICE_FR = 'Vos réponses sont lues par les deux organisateurs du programme du campus de Lyon et effacées un an après.';

it('shows the description and the privacy notice in the reader’s language, and warns for each text a language lacks', async () => {
  const partly = await createCohort('Description in English only', { description: ABOUT, privacyNotice: NOTICE });
  expect(partly.page).toContain('1 participant reads French, and your description has no version in it: they read it in English.');
  expect(partly.page).toContain('1 participant reads French, and your privacy notice has no version in it: they read it in English.');
  expect(partly.page).not.toContain('your charter has no version');

  const { cohort, page } = await createCohort('Every text in two languages', {
    description: ABOUT,
    description_fr: ABOUT_FR,
    privacyNotice: NOTICE,
    privacyNotice_fr: `${NOTICE_FR}\r\n`,
  });
  expect(cohort.translations).toEqual({ description: { fr: ABOUT_FR }, privacyNotice: { fr: NOTICE_FR } });
  expect(page).not.toContain('no version');

  // Zoé reads French: her survey's notice is the cohort's French one; Ada's is the English one.
  const zoe = pageText(await (await webClient(stack.app).get(await surveyPath(stack, cohort, 'zoe@charte.example.org'))).text());
  const ada = pageText(await (await webClient(stack.app).get(await surveyPath(stack, cohort, 'ada@charte.example.org'))).text());
  expect(zoe).toContain(NOTICE_FR);
  expect(zoe).not.toContain(NOTICE);
  expect(ada).toContain(NOTICE);

  // The public sign-up page describes the programme in the visitor's language.
  const admin = webClient(stack.app);
  await admin.logIn();
  const { _csrf } = await admin.hiddenFields(`/admin/cohorts/${cohort.slug}`);
  await admin.post(`/admin/cohorts/${cohort.slug}/enrolment/open`, { _csrf: _csrf!, cap: '10' });
  const link = /id="enrolment-link" readonly="" value="([^"]+)"/.exec(await (await admin.get(`/admin/cohorts/${cohort.slug}`)).text())![1]!;
  const signUp = (acceptLanguage: string) => webClient(stack.app, { acceptLanguage }).get(new URL(link).pathname);
  expect(pageText(await (await signUp('fr-FR,fr;q=0.9')).text())).toContain(ABOUT_FR);
  expect(pageText(await (await signUp('en-GB,en;q=0.9')).text())).toContain(ABOUT);
});

it('has each party sign the charter, and receive it by email, in their own language, which the page menu changes', async () => {
  const slug = 'charte-bilingue';
  const { pair } = await approvedPairOf(stack, slug, {
    charterMs: 3_600_000,
    beforeAnswers: async (c) => {
      await stack.sql`update participants set language = 'fr' where id = (select id from participants where cohort_id = ${c.id} and csv_line = 3)`;
      await stack.sql`update cohorts set charter = ${OWN}, translations = ${stack.sql.json({ charter: { fr: OWN_FR } })} where id = ${c.id}`;
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
