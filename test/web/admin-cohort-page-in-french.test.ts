import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSystemAlert, resolveSystemAlert } from '../../db/system-alerts.js';
import { DEFAULT_TIME_ZONE } from '../../i18n/time-zones.js';
import { translator } from '../../i18n/translator.js';
import { approvedPairOf, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

/** An admin whose browser asks for French, and one whose browser names no language. */
async function admins() {
  const french = webClient(stack.app, { acceptLanguage: 'fr-FR,fr;q=0.9,en;q=0.5' });
  const english = webClient(stack.app);
  await french.logIn();
  await english.logIn();
  return { french, english };
}

describe("the cohort pages in the admin browser's language", () => {
  it("a cohort in its survey, and the list of cohorts, with the operator's banner", async () => {
    const slug = 'fr-survey';
    const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Ava:mentee', 'Leo:mentee']);
    await raiseSystemAlert(stack.sql, 'french-test', 'The mail account refused to send.');
    const { french, english } = await admins();

    const list = await (await french.get('/admin')).text();
    expect(list).toContain('<html lang="fr">');
    const listText = pageText(list);
    for (const phrase of [
      'Cohortes',
      'Nouvelle cohorte',
      'Se déconnecter',
      'Questionnaires reçus',
      'Créée le',
      `Cohort ${slug} questionnaire`,
    ])
      expect(listText).toContain(phrase);
    // The banner's words are French; the alert itself is stored data, shown as written.
    expect(listText).toMatch(/Pour l’exploitant : The mail account refused to send\. \(depuis le .+\)/);
    await resolveSystemAlert(stack.sql, 'french-test');

    const page = `/admin/cohorts/${slug}`;
    const deadline = translator('fr', DEFAULT_TIME_ZONE).instant(cohort.schedule.surveyDeadline);
    const html = await eventually(async () => {
      const got = await (await french.get(page)).text();
      expect(pageText(got)).toMatch(/3 participants 3 invités 0 réponse 0 relancé/);
      return got;
    });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('data-stage="survey"'); // what scripts read stays the code
    expect(html).toContain('<option value="mentee">mentoré</option>');
    const text = pageText(html);
    for (const phrase of [
      '2 points d’étape à 1 minute d’intervalle · programme de 1 heure',
      'Questionnaire d’accueil',
      `Étape : questionnaire · le questionnaire ferme le ${deadline}`,
      'N’ont pas encore répondu (3)',
      'Nom E-mail Rôle Invité le Relances',
      'Fermer le questionnaire maintenant',
      'Réglages de l’appariement',
      'L’appariement a lieu à la fermeture du questionnaire.',
      'Ajouter un participant',
      'Langues séparées par ;',
      'Ajouter et inviter',
      'Les participants et leurs données',
      'Les 3 participants : rechercher, ouvrir leurs données',
      'Relancer ceux qui n’ont pas répondu',
      'Où en est la cohorte',
    ])
      expect(text).toContain(phrase);
    for (const english of ['Intake survey', 'Not answered yet', 'Stage:', 'Matching settings', 'Add a participant'])
      expect(text).not.toContain(english);
    // The figures the page refreshes on its own come in the same language.
    expect(pageText(await (await french.get(`${page}/progress`)).text())).toContain('N’ont pas encore répondu (3)');

    // The same pages, from a browser that asks for no language: English, word for word as before.
    const englishList = await (await english.get('/admin')).text();
    expect(englishList).toContain('<html lang="en">');
    expect(pageText(englishList)).toContain('Cohort Stage Participants Surveys answered Created');
    expect(pageText(englishList)).toContain('Log out');
    const englishPage = await (await english.get(page)).text();
    expect(englishPage).toContain('<html lang="en">');
    const englishText = pageText(englishPage);
    for (const phrase of [
      '2 check-ins every 1m · programme 1h',
      '3 participants 3 invited 0 answered 0 reminded',
      `Stage: survey · survey closes ${translator('en', DEFAULT_TIME_ZONE).instant(cohort.schedule.surveyDeadline)}`,
      'Not answered yet (3)',
      'Matching runs when the survey closes.',
      'Add a participant',
      'All 3 participants: search, open their data',
      'Remind those who have not answered',
    ])
      expect(englishText).toContain(phrase);
  });

  it('a cohort with its pair, waiting for the charter', async () => {
    const slug = 'fr-pairs';
    await approvedPairOf(stack, slug);
    const { french, english } = await admins();
    const page = `/admin/cohorts/${slug}`;

    const html = await (await french.get(page)).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('data-pair-stage="charter"');
    const text = pageText(html);
    for (const phrase of [
      'Étape : en cours',
      'Proposition : 1 binôme pour 1 mentoré, validée',
      'Voir la proposition',
      'Binômes (1)',
      'Mentoré Mentor Étape État Score',
      'signature de la charte jusqu’au',
      'Rechercher',
      '1 binôme correspond.',
      '1 binôme en cours.',
    ])
      expect(text).toContain(phrase);
    for (const english of ['Proposal:', 'Pairs (1)', 'Follow up', 'until']) expect(text).not.toContain(english);

    const englishText = pageText(await (await english.get(page)).text());
    for (const phrase of [
      'Stage: running',
      'Proposal: 1 pair for 1 mentee, approved',
      'See the proposal',
      'Pairs (1)',
      'Mentee Mentor Stage Health Score',
      'signing the charter until',
      '1 pair is under way.',
    ]) {
      expect(englishText).toContain(phrase);
    }
  });
});
