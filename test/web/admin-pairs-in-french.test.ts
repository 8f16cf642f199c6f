/**
 * The admin's pages about a pair and a participant, the login and error pages, in the browser's language;
 * the admin's emails in the cohort's. Without Accept-Language, all of it stays in English.
 */
import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxSender } from '../../activities/email/outbox-sender.js';
import { createCohortReportActivities } from '../../activities/cohort-report.js';
import { createAdminAlerts } from '../../activities/notifications/alerts.js';
import { NOTIFICATIONS } from '../../activities/notifications/catalogue.js';
import { createNotifier, renderEmail } from '../../activities/notifications/notify.js';
import { insertCohort } from '../../db/cohorts.js';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import type { Pair } from '../../db/matching.js';
import CohortReport from '../../emails/CohortReport.js';
import { translator, TYPOGRAPHY } from '../../i18n/translator.js';
import { approvedPairOf } from '../helpers/cohort-fixtures.js';
import { PUBLIC_BASE_URL, startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { createMetrics } from '../../observability/metrics.js';

/** French as Tandem sets it: no line break before a colon. */
const typeset = TYPOGRAPHY.fr;

const FRENCH = 'fr-FR,fr;q=0.9,en;q=0.5';
const SLUG = 'binome-fr';

let stack: TestStack;
let pair: Pair;
beforeAll(async () => {
  stack = await startTestStack();
  ({ pair } = await approvedPairOf(stack, SLUG));
});
afterAll(async () => stack?.stop());

const french = () => webClient(stack.app, { acceptLanguage: FRENCH });
const pairPage = () => `/admin/cohorts/${SLUG}/pairs/${pair.id}`;

describe('in French, when the browser asks for it', () => {
  it('the login page, and its refusal', async () => {
    const browser = french();
    const html = await (await browser.get('/admin/login')).text();
    expect(html).toContain('<html lang="fr">');
    expect(pageText(html)).toContain('Connexion administrateur');
    expect(pageText(html)).toContain('Mot de passe');
    expect(pageText(html)).not.toContain('Admin log in');
    const wrong = await browser.post('/admin/login', { user: 'admin', password: 'not the password', next: '/admin' });
    expect(wrong.status).toBe(401);
    expect(pageText(await wrong.text())).toContain('Utilisateur ou mot de passe incorrect.');
  });

  it('a pair: where it is, what it waits for, its actions and their notices', async () => {
    const admin = french();
    await admin.logIn();
    const html = await (await admin.get(pairPage())).text();
    const page = pageText(html);
    expect(html).toContain('data-pair-stage="charter"'); // codes for machines stay as they are
    expect(page).toContain('Ava (mentoré) & Mia (mentor)');
    expect(page).toContain('Étape : signature de la charte');
    expect(page).toContain(
      `En attente de la signature de la charte par Ava et Mia, jusqu’au ${translator('fr').instant(pair.charterDeadline!)}.`,
    );
    expect(page).toContain('Relancer');
    expect(page).toContain('Trouver un nouveau partenaire pour');
    expect(page).toContain('Objectifs atteints');
    expect(html).toContain('placeholder="motif"');
    expect(page).not.toContain('Waiting for');

    const { _csrf } = await admin.hiddenFields(pairPage());
    const nudged = await admin.post(`${pairPage()}/nudge`, { _csrf: _csrf! });
    expect(nudged.status).toBe(303);
    expect(pageText(await (await admin.get(nudged.headers.get('location')!)).text())).toContain('Rappel envoyé à qui le binôme attend.');
    // The workflow refuses by code; the page says why in the admin's language.
    const tooEarly = await admin.post(`${pairPage()}/pause`, { _csrf: _csrf!, reason: 'Ava est en voyage' });
    expect(tooEarly.status).toBe(409);
    const refusal = pageText(await tooEarly.text());
    expect(refusal).toContain('Seul un binôme en cours peut être mis en pause');
    expect(refusal).not.toMatch(/pause-only-running|Only a running pair/);

    const unknown = await admin.get(`/admin/cohorts/${SLUG}/pairs/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(pageText(await unknown.text())).toContain('Ce binôme n’appartient pas à cette cohorte. Toutes les cohortes');
  });

  it('a participant: their data, the erasure form, and the audit log', async () => {
    const admin = french();
    await admin.logIn();
    const path = `/admin/cohorts/${SLUG}/participants/${pair.menteeId}`;
    const page = pageText(await (await admin.get(path)).text());
    expect(page).toContain('Ava (mentoré)');
    expect(page).toContain('1 binôme · questionnaire rempli');
    expect(page).toContain('Effacer cette personne');
    expect(page).toContain('Je confirme : effacer les données personnelles (Ava)');
    const { _csrf } = await admin.hiddenFields(path);
    const unconfirmed = await admin.post(`${path}/erase`, { _csrf: _csrf! });
    expect(unconfirmed.status).toBe(422);
    expect(pageText(await unconfirmed.text())).toContain('Cochez la case pour confirmer : l’effacement est irréversible.');

    const audit = pageText(await (await admin.get(`/admin/cohorts/${SLUG}/audit`)).text());
    expect(audit).toContain('Journal d’audit');
    expect(audit).toContain('Quand Qui Quoi Sur');
    expect(audit).toContain('Relance envoyée par l’équipe du programme');
    expect(audit).toContain('admin admin@tandem.test'); // who did it, by their account
  });

  it("the error pages: not found, and a refusal with Tandem's own words", async () => {
    const browser = french();
    const missing = await browser.get('/nothing-here');
    expect(missing.status).toBe(404);
    expect(pageText(await missing.text())).toContain('Page introuvable Il n’y a rien à cette adresse.');

    await browser.logIn();
    const forged = await browser.post(`${pairPage()}/nudge`, { _csrf: 'forged' });
    expect(forged.status).toBe(403);
    const refused = pageText(await forged.text());
    expect(refused).toContain('Requête refusée');
    expect(refused).toContain('Ce formulaire a expiré ou ne vient pas de Tandem.');
  });
});

describe('in English, when the browser says nothing', () => {
  it('the same pages', async () => {
    const browser = webClient(stack.app);
    expect(pageText(await (await browser.get('/admin/login')).text())).toContain('Admin log in');
    expect(pageText(await (await browser.get('/nothing-here')).text())).toContain('Page not found There is nothing at this address.');
    await browser.logIn();
    const page = pageText(await (await browser.get(pairPage())).text());
    expect(page).toContain('Ava (mentee) & Mia (mentor)');
    expect(page).toContain(`Waiting for Ava and Mia to sign the charter, until ${translator('en').instant(pair.charterDeadline!)}.`);
    expect(pageText(await (await browser.get(`/admin/cohorts/${SLUG}/participants/${pair.menteeId}`)).text())).toContain(
      '1 pair · survey answered',
    );
  });
});

describe("the admin's emails, in the cohort's language", () => {
  it('an alert and the report of a French cohort', async () => {
    const { cohort } = await insertCohort(stack.sql, {
      formId: randomUUID(),
      slug: 'cohorte-fr',
      name: 'Cohorte Lyon',
      description: '',
      charter: 'Nous nous voyons chaque mois.',
      language: 'fr',
      timeZone: 'Europe/Paris',
      schedule: {
        surveyOpensAt: new Date().toISOString(),
        surveyDeadline: new Date(Date.now() + 3_600_000).toISOString(),
        checkInCount: 2,
        checkInIntervalMs: 60_000,
        programmeDurationMs: 3_600_000,
        charterDurationMs: 3_600_000,
      },
      participants: [],
    });
    const to = 'admin@cohorte-fr.test';
    const notifier = createNotifier({
      metrics: createMetrics(),
      sql: stack.sql,
      sender: createOutboxSender(stack.sql),
      from: 'Tandem <tandem@test.local>',
      publicBaseUrl: 'http://localhost:3000',
      adminAlertsTo: to,
      onBounce: async () => {},
    });
    const email = async (subject: string) => {
      const sent = (await listOutboxMessages(stack.sql, { to })).find((m) => m.subject.startsWith(subject));
      expect(sent, subject).toBeDefined();
      return (await getOutboxMessage(stack.sql, sent!.id))!;
    };

    await createAdminAlerts({ sql: stack.sql, notifier, publicBaseUrl: PUBLIC_BASE_URL })({
      cohortId: cohort.id,
      key: `fr:${cohort.id}`,
      details: { kind: 'pair-dissolved', menteeId: randomUUID(), mentorId: randomUUID() },
    });
    const alert = await email(typeset('Cohorte Lyon : '));
    expect(alert.html).toMatch(/<html [^>]*lang="fr"/);
    expect(alert.text).toContain('Cohorte Lyon demande votre attention');
    expect(alert.text).toContain('Ouvrir la cohorte');
    expect(alert.text).toContain('Vous recevez cet e-mail en tant qu’administrateur de Tandem.');

    await createCohortReportActivities({ sql: stack.sql, notifier, publicBaseUrl: PUBLIC_BASE_URL }).closeCohort({ cohortId: cohort.id });
    const report = await email(typeset('Cohorte Lyon : le programme est terminé, voici le rapport'));
    expect(report.text).toContain(typeset('Cohorte Lyon : le rapport'));
    expect(report.text).toContain(typeset('0 binôme : 0 mené à terme, 0 dissous à la charte, 0 terminé plus tôt ou réapparié.'));
    expect(report.text).toContain(typeset('Points d’étape remplis : aucune réponse.'));
    expect(report.text).toContain('Ouvrir le rapport (et son CSV)');
  });

  it("the report's figures, written as each language writes numbers, each with the answers it rests on", async () => {
    const says = { ...CohortReport.PreviewProps, cohortId: 'c' };
    const inFrench = await renderEmail(createElement(CohortReport, { ...says, locale: 'fr' }));
    expect(inFrench.text).toContain(typeset('40 binômes : 35 menés à terme, 2 dissous à la charte, 3 terminés plus tôt ou réappariés.'));
    expect(inFrench.text).toContain(
      typeset(
        'Points d’étape remplis : 86,5 % (415 sur 480). Questionnaire final rempli : 91,4 % (64 sur 70). Satisfaction : mentorés 4,4/5 (33 réponses), mentors 4,6/5 (31 réponses).',
      ),
    );
    expect(inFrench.text).toContain(typeset('« More structure for the first meeting. » (mentoré)'));
    expect(NOTIFICATIONS.cohortReport.subject({ ...says, locale: 'fr' })).toBe(
      typeset('Alumni mentoring 2027 : le programme est terminé, voici le rapport'),
    );

    expect(NOTIFICATIONS.cohortReport.subject(says)).toBe('Alumni mentoring 2027 is closed: the report');
    const inEnglish = await renderEmail(createElement(CohortReport, says));
    expect(inEnglish.text).toContain('40 pairs: 35 completed, 2 dissolved at the charter, 3 ended early or rematched.');
    expect(inEnglish.text).toContain(
      'Check-ins answered: 86.5 % (415 of 480). Final survey answered: 91.4 % (64 of 70). Satisfaction: mentees 4.4/5 (33 answers), mentors 4.6/5 (31 answers). Would recommend (NPS): 52 (64 answers).',
    );
    expect(inEnglish.text).toContain('“More structure for the first meeting.” (mentee)');
  });
});
