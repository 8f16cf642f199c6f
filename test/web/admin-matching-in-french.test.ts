import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSurveys, MENTEE_ANSWERS, MENTOR_ANSWERS, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const slug = 'matching-in-french';
const FRENCH = 'fr-FR,fr;q=0.9,en;q=0.5';
/** An admin logged in from a browser that asks for French, or for nothing in particular. */
const admin = async (acceptLanguage?: string) => {
  const client = webClient(stack.app, { acceptLanguage });
  await client.logIn();
  return client;
};

describe('the matching pages follow the language of the admin’s browser', () => {
  beforeAll(async () => {
    const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Noah:mentor', 'Ava:mentee', 'Leo:mentee']);
    await answerSurveys(stack, cohort, {
      [`mia@${slug}.example.org`]: MENTOR_ANSWERS,
      [`noah@${slug}.example.org`]: { ...MENTOR_ANSWERS, field: 'Law' },
      [`ava@${slug}.example.org`]: MENTEE_ANSWERS,
      [`leo@${slug}.example.org`]: { ...MENTEE_ANSWERS, field: 'Law' },
    });
    await stack.workflows.closeSurvey(slug);
    await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('review'));
  });

  it('shows the proposal in French, its pairs explained in French, and English without Accept-Language', async () => {
    const french = await (await (await admin(FRENCH)).get(`/admin/cohorts/${slug}/matching`)).text();
    expect(french).toContain('<html lang="fr">');
    const page = pageText(french);
    expect(page).toContain('Appariement · Cohort matching-in-french · Tandem');
    expect(page).toContain('Proposition d’appariement');
    expect(page).toContain('2 binômes');
    expect(page).toContain('100 % des 2 mentorés appariés');
    expect(page).toContain('État : proposée');
    expect(page).toContain('Approuver 2 binômes et faire les présentations');
    expect(page).toContain('Binômes proposés');
    expect(page).toMatch(/Ava Mia 100 ✓ même domaine : Finance/);
    expect(page).toMatch(/Leo Noah 100 ✓ même domaine : Droit/);
    expect(page).toContain('Former un binôme à la main');
    expect(page).toContain('Sans binôme (0)');
    expect(page).toContain('Relancer avec d’autres réglages');
    expect(page).toContain('Langue commune');
    for (const english of [
      'Matching proposal',
      'Proposed pairs',
      'Approve 2 pairs',
      'both work in',
      'Pair by hand',
      'Re-run with other settings',
    ]) {
      expect(page).not.toContain(english);
    }

    const english = await (await (await admin()).get(`/admin/cohorts/${slug}/matching`)).text();
    expect(english).toContain('<html lang="en">');
    const inEnglish = pageText(english);
    expect(inEnglish).toContain('Matching proposal');
    expect(inEnglish).toContain('of 2 mentees matched');
    expect(inEnglish).toContain('Status: proposed');
    expect(inEnglish).toContain('Approve 2 pairs and introduce them');
    expect(inEnglish).toMatch(/Ava Mia 100 ✓ both work in Finance/);
    expect(inEnglish).toContain('Shared language');
    expect(inEnglish).not.toContain('binôme');
  });

  it('refuses a change without a reason in the admin’s language', async () => {
    const client = await admin(FRENCH);
    const { _csrf, runId } = await client.hiddenFields(`/admin/cohorts/${slug}/matching`);
    const html = await (await client.get(`/admin/cohorts/${slug}/matching`)).text();
    const menteeId = /<tr data-pair="Ava">[\s\S]*?name="menteeId" value="([^"]+)"/.exec(html)![1]!;
    const refused = await client.post(`/admin/cohorts/${slug}/matching/adjust`, {
      _csrf: _csrf!,
      runId: runId!,
      requestId: crypto.randomUUID(),
      action: 'unpair',
      menteeId,
      reason: '',
    });
    expect(refused.status).toBe(422);
    expect(pageText(await refused.text())).toContain('Motif : dites pourquoi (3 caractères au moins)');
  });

  it('shows the settings and their errors in French, and in English without Accept-Language', async () => {
    const path = `/admin/cohorts/${slug}/matching/settings`;
    const invalid = {
      weight_field: '3',
      weight_topics: '12',
      weight_language: '2',
      weight_availability: '1',
      weight_meeting: '2',
      threshold: '150',
    };

    const french = await admin(FRENCH);
    const form = await (await french.get(path)).text();
    expect(form).toContain('<html lang="fr">');
    const page = pageText(form);
    expect(page).toContain('Réglages de l’appariement');
    expect(page).toContain('Domaine ou secteur d’activité');
    expect(page).toContain('Score minimum (0–100)');
    expect(page).toContain('Region (colonne du CSV)');
    expect(page).toContain('Enregistrer les réglages');
    expect(form).toContain('aria-label="Poids du critère Langue commune"');
    expect(page).not.toContain('Matching settings');

    const refused = await french.post(path, { ...(await french.hiddenFields(path)), ...invalid });
    expect(refused.status).toBe(422);
    const errors = pageText(await refused.text());
    expect(errors).toContain('Poids : de 0 à 10');
    expect(errors).toContain('Score minimum : de 0 à 100');
    expect(errors).not.toContain('Weight: 0 to 10');

    const english = await admin();
    const inEnglish = pageText(await (await english.get(path)).text());
    expect(inEnglish).toContain('Matching settings');
    expect(inEnglish).toContain('Field or industry');
    expect(inEnglish).toContain('Region (CSV column)');
    const refusedInEnglish = pageText(await (await english.post(path, { ...(await english.hiddenFields(path)), ...invalid })).text());
    expect(refusedInEnglish).toContain('Weight: 0 to 10');
    expect(refusedInEnglish).toContain('Minimum score: 0 to 100');
  });
});
