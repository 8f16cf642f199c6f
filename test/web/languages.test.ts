import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { getSurveyAnswers } from '../../db/survey-answers.js';
import { translator, TYPOGRAPHY } from '../../i18n/translator.js';
import { eventually } from '../helpers/eventually.js';
import { MENTEE_ANSWERS, approvedPairOf, charterPath, surveyPath } from '../helpers/cohort-fixtures.js';
import { ADMIN, startTestStack, type TestStack } from '../helpers/stack.js';
import { csvFile, pageText, webClient } from '../helpers/web-client.js';
import { everyParticipant, participantByEmail } from '../helpers/people.js';
import type { Participant } from '../../db/participants.js';

/** French as Tandem sets it: no line break before a colon. */
const typeset = TYPOGRAPHY.fr;

const pick = (p?: Participant) => p && { language: p.language, timeZone: p.timeZone };

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const fields = {
  description: '',
  charter: 'We meet at least once a month and answer each check-in honestly.',
  surveyDuration: '2w',
  checkInCount: '6',
  checkInInterval: '4w',
  programmeDuration: '26w',
  charterDuration: '1w',
};

async function createCohort(form: Record<string, string | File>) {
  const admin = webClient(stack.app);
  await admin.logIn();
  const hidden = await admin.hiddenFields('/admin/cohorts/new');
  return admin.post('/admin/cohorts', { ...hidden, ...fields, ...form });
}

/** The invitation someone received, and the survey link in it. */
async function invitationTo(email: string) {
  const [listed] = await eventually(async () => {
    const messages = await listOutboxMessages(stack.sql, { to: email });
    expect(messages).toHaveLength(1);
    return messages;
  });
  const message = (await getOutboxMessage(stack.sql, listed!.id))!;
  return { ...message, path: new URL(/https?:\/\/\S+\/survey\/\S+/.exec(message.text)![0]).pathname };
}

describe('a cohort in French and English', () => {
  it("writes to each participant in their language: the CSV column, else the cohort's", async () => {
    const csv =
      'name,email,role,language,language of communication\nZoé Martin,zoe@langues.example.org,mentee,French,\nSam Lee,sam@langues.example.org,mentor,English,en\n';
    expect((await createCohort({ name: 'Promo Langues', language: 'fr', participants: csvFile(csv) })).status).toBe(303);

    const zoe = await invitationTo('zoe@langues.example.org');
    expect(zoe.subject).toBe(typeset('Promo Langues : dites-nous ce dont vous avez besoin avant que nous formions les binômes'));
    expect(zoe.html).toContain('lang="fr"');
    expect(zoe.text).toContain('Vous participez en tant que mentoré.');
    expect(zoe.text).toMatch(/Merci de répondre avant le \w+\. \d+ \S+ \d{4}, \d\d:\d\d UTC\./);
    expect(zoe.text).toContain('Ce lien est personnel');
    const sam = await invitationTo('sam@langues.example.org');
    expect(sam.subject).toBe('Promo Langues: tell us what you need before we match you');
    expect(sam.html).toContain('lang="en"');

    // Zoé's survey, from her email: in French, options shown in French and stored as the survey's values.
    const client = webClient(stack.app);
    const page = await (await client.get(zoe.path)).text();
    expect(page).toContain('<html lang="fr">');
    expect(pageText(page)).toContain('Promo Langues : questionnaire d’accueil');
    expect(pageText(page)).toContain('Bonjour Zoé Martin. Vous participez en tant que mentoré.');
    expect(page).toContain('data-role="mentee"'); // what load scripts read, whatever the language
    expect(page).toContain('value="Job search &amp; applications"');
    expect(pageText(page)).toContain('Recherche d’emploi et candidatures');
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(page)![1]!;
    const refused = await client.post(zoe.path, { submissionId, goals: 'court' });
    expect(refused.status).toBe(422);
    const refusedPage = await refused.text();
    const errors = pageText(refusedPage);
    expect(errors).toContain('Merci de corriger ces 7 points :');
    // Each message of the summary leads to its field, which says it is invalid and why.
    expect(refusedPage).toContain('<li><a href="#goals">Décrivez vos objectifs en une ou deux phrases (10 caractères au moins)</a></li>');
    const goals = /<textarea id="goals"[^>]*>/.exec(refusedPage)![0];
    expect(goals).toContain('aria-invalid="true"');
    expect(goals).toContain('aria-describedby="goals-error"');
    expect(refusedPage).toContain('<p class="error" id="goals-error">');
    expect(errors).toContain('Décrivez vos objectifs en une ou deux phrases (10 caractères au moins)');
    const saved = await client.post(zoe.path, { submissionId, ...MENTEE_ANSWERS });
    expect(saved.status).toBe(200);
    expect(pageText(await saved.text())).toMatch(
      /Vos réponses sont enregistrées\. Vous pouvez les modifier avec le même lien jusqu’au .+ UTC/,
    );
    const { id: zoeId } = (await participantByEmail(stack.sql, 'zoe@langues.example.org'))!;
    expect((await getSurveyAnswers(stack.sql, zoeId))?.answers).toMatchObject({
      helpWith: ['Job search & applications', 'Networking'],
      field: 'Finance',
    });

    // Sam reads English, and changes to French on his survey page: the page, and what follows, are in French.
    expect(await (await client.get(sam.path)).text()).toContain('<html lang="en">');
    const changed = await client.post(`${sam.path}/language`, { language: 'fr' });
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe(sam.path);
    const french = await (await client.get(sam.path)).text();
    expect(pageText(french)).toContain('Bonjour Sam Lee. Vous participez en tant que mentor.');
    expect(french).toMatch(/<option value="fr" lang="fr" selected="">Français<\/option>/);
    expect((await participantByEmail(stack.sql, 'sam@langues.example.org'))?.language).toBe('fr');
  });

  it('names the CSV line of a language Tandem does not write in, and saves nothing', async () => {
    const csv = 'name,email,role,language,language of communication\nAda,ada@klingon.example.org,mentor,English,Klingon\n';
    const response = await createCohort({ name: 'Klingon cohort', participants: csvFile(csv) });
    expect(response.status).toBe(422);
    expect(pageText(await response.text())).toContain(
      'Line 2, language of communication: "Klingon" is not a language Tandem writes in; use en (English) or fr (Français), or leave it blank for the cohort\'s.',
    );
    expect(await stack.sql`select 1 from cohorts where name = 'Klingon cohort'`).toHaveLength(0);
  });

  it("answers a link that names nobody in the browser's language", async () => {
    const response = await webClient(stack.app).request('/survey/not-a-token', {
      headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' },
    });
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain('<html lang="fr">');
    expect(pageText(page)).toContain('Ce lien n’est pas valide');
  });
});

describe('a pair in two languages', () => {
  /** The one email of this kind someone received, whole. */
  const emailTo = (email: string, subject: RegExp) =>
    eventually(async () => {
      const found = (await listOutboxMessages(stack.sql, { to: email })).find((m) => subject.test(m.subject));
      expect(found).toBeDefined();
      return (await getOutboxMessage(stack.sql, found!.id))!;
    });

  it('a French mentee meets, signs and checks in in French while her English mentor reads English', async () => {
    const slug = 'binome-bilingue';
    const { pair } = await approvedPairOf(stack, slug, {
      charterMs: 3_600_000,
      checkInMs: 2_000,
      beforeAnswers: async (cohort) =>
        void (await webClient(stack.app).post(`${await surveyPath(stack, cohort, `ava@${slug}.example.org`)}/language`, {
          language: 'fr',
        })),
    });
    const ava = `ava@${slug}.example.org`;
    const mia = `mia@${slug}.example.org`;

    // Why they fit, in each one's words.
    const avaIntro = await emailTo(ava, /voici votre mentor/);
    expect(avaIntro.subject).toBe(typeset(`Cohort ${slug} : voici votre mentor, Mia`));
    expect(avaIntro.text).toContain(typeset('même domaine : Finance'));
    expect(avaIntro.text).toContain(typeset('peut aider sur tous les sujets demandés : Recherche d’emploi et candidatures, Réseau'));
    expect(avaIntro.text).toContain(typeset('langues en commun : Anglais'));
    expect((await emailTo(mia, /meet your mentee/)).text).toContain(
      'can help with every topic asked for: Job search & applications, Networking',
    );

    // The charter: in her introduction, on her page, with her errors.
    expect(avaIntro.text).toContain(typeset('Avant de commencer : votre charte d’engagement'));
    expect(avaIntro.text).toContain('Lire et signer la charte');
    const client = webClient(stack.app);
    const avaCharter = charterPath(stack, pair.id, pair.menteeId);
    const page = await (await client.get(avaCharter)).text();
    expect(page).toContain('<html lang="fr">');
    expect(pageText(page)).toMatch(
      /Ava, vous êtes en binôme avec Mia en tant que mentoré\. Le binôme démarre quand la charte a vos deux signatures, avant le .+ UTC\./,
    );
    const refused = await client.post(avaCharter, { typedName: 'Ava' });
    expect(refused.status).toBe(422);
    expect(pageText(await refused.text())).toContain('Cochez la case pour vous engager à respecter la charte');
    expect(pageText(await (await client.post(avaCharter, { typedName: 'Ava', agree: 'on' })).text())).toContain(
      'Vous avez signé cette charte',
    );
    expect(
      pageText(await (await client.post(charterPath(stack, pair.id, pair.mentorId), { typedName: 'Mia', agree: 'on' })).text()),
    ).toContain('You have signed this charter');

    // The pair starts: each told in their language; then the first check-in, in French for her.
    expect((await emailTo(ava, /démarre/)).text).toContain('Votre mentor et vous avez signé la charte.');
    expect((await emailTo(mia, /starts/)).text).toContain('You and your mentee have both signed the charter.');
    const checkIn = await emailTo(ava, /point d’étape/);
    expect(checkIn.text).toContain('Avez-vous pris contact avec Mia');
    const checkInPath = new URL(/https?:\/\/\S+\/check-in\/\S+/.exec(checkIn.text)![0]).pathname;
    const form = await client.post(checkInPath, {});
    expect(form.status).toBe(422);
    const errors = pageText(await form.text());
    expect(errors).toContain('Point d’étape 1 : vous et Mia');
    expect(errors).toContain('Merci de corriger ces 3 points :');
    expect(errors).toContain('Dites si vous souhaitez continuer');
  });
});

describe('local times', () => {
  it("dates in each participant's time zone, named: the CSV's, else the one their browser reports, else the cohort's", async () => {
    const csv =
      'name,email,role,language,time zone\nAna Sato,ana@zones.example.org,mentee,English,asia/tokyo\nBen Cole,ben@zones.example.org,mentee,English,\n';
    expect((await createCohort({ name: 'Time zones', timeZone: 'America/New_York', participants: csvFile(csv) })).status).toBe(303);
    const [cohort] = await stack.sql<
      { timeZone: string; schedule: { surveyDeadline: string } }[]
    >`select time_zone, schedule from cohorts where name = 'Time zones'`;
    expect(cohort!.timeZone).toBe('America/New_York');
    const deadline = cohort!.schedule.surveyDeadline;
    const ana = await invitationTo('ana@zones.example.org');
    expect(ana.text).toContain(`Please answer by ${translator('en', 'Asia/Tokyo').instant(deadline)}.`);
    expect(ana.text).toMatch(/GMT\+9\./);
    const ben = await invitationTo('ben@zones.example.org');
    expect(ben.text).toContain(`Please answer by ${translator('en', 'America/New_York').instant(deadline)}.`);

    // Ben's browser says Paris: kept, and the page thanking him already speaks Paris time. Ana keeps Tokyo.
    const client = webClient(stack.app);
    const answer = async (path: string, timeZone: string) => {
      const submissionId = /name="submissionId" value="([^"]+)"/.exec(await (await client.get(path)).text())![1]!;
      return pageText(await (await client.post(path, { submissionId, ...MENTEE_ANSWERS, timeZone })).text());
    };
    expect(await answer(ben.path, 'Europe/Paris')).toContain(`until ${translator('en', 'Europe/Paris').instant(deadline)};`);
    await answer(ana.path, 'Europe/London');
    const zones = (await everyParticipant(stack.sql)).filter((p) => p.email.endsWith('@zones.example.org'));
    expect(zones.map(({ name, timeZone }) => ({ name, timeZone })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Ana Sato', timeZone: 'Asia/Tokyo' },
      { name: 'Ben Cole', timeZone: 'Europe/Paris' },
    ]);

    // An admin logging in from a browser in Montreal reads the cohort's dates in Montreal time.
    const admin = webClient(stack.app);
    expect(
      (await admin.post('/admin/login', { user: ADMIN.user, password: ADMIN.password, next: '/admin', timeZone: 'America/Toronto' }))
        .status,
    ).toBe(303);
    expect(pageText(await (await admin.get('/admin/cohorts/time-zones')).text())).toContain(
      `survey closes ${translator('en', 'America/Toronto').instant(deadline)}`,
    );
  });

  it('refuses a time zone that does not exist, in the CSV by line and in the form by field', async () => {
    const csv = 'name,email,role,language,time zone\nAda,ada@mars.example.org,mentor,English,Mars/Olympus\n';
    const inCsv = await createCohort({ name: 'Mars cohort', participants: csvFile(csv) });
    expect(inCsv.status).toBe(422);
    expect(pageText(await inCsv.text())).toContain(
      'Line 2, time zone: "Mars/Olympus" is not a time zone; use a name such as Europe/Paris or America/New_York, or leave it blank for the cohort\'s.',
    );
    const inForm = await createCohort({
      name: 'Mars cohort',
      timeZone: 'Mars/Olympus',
      participants: csvFile('name,email,role,language\nAda,ada@mars.example.org,mentor,English\n'),
    });
    expect(inForm.status).toBe(422);
    expect(pageText(await inForm.text())).toContain('Time zone: "Mars/Olympus" is not a time zone; use a name such as Europe/Paris');
    expect(await stack.sql`select 1 from cohorts where name = 'Mars cohort'`).toHaveLength(0);
  });

  it('adds a participant with their own language of emails and time zone, or refuses a time zone that does not exist', async () => {
    expect(
      (
        await createCohort({
          name: 'Late joiners',
          language: 'en',
          participants: csvFile('name,email,role,language\nMia,mia@late-fr.example.org,mentor,English\n'),
        })
      ).status,
    ).toBe(303);
    const slug = 'late-joiners';
    const admin = webClient(stack.app);
    await admin.logIn();
    const { _csrf } = await admin.hiddenFields(`/admin/cohorts/${slug}`);
    const add = (form: Record<string, string>) =>
      admin.post(`/admin/cohorts/${slug}/participants`, { _csrf: _csrf!, role: 'mentee', language: 'French', ...form });
    expect(
      (await add({ name: 'Léa', email: 'lea@late-fr.example.org', communication: 'fr', timeZone: 'Europe/Paris' })).headers.get('location'),
    ).toBe(`/admin/cohorts/${slug}?notice=added`);
    expect(pick(await participantByEmail(stack.sql, 'lea@late-fr.example.org'))).toEqual({
      language: 'fr',
      timeZone: 'Europe/Paris',
    });
    const invitation = await invitationTo('lea@late-fr.example.org');
    expect(invitation.subject).toContain('Late joiners');
    expect(invitation.html).toMatch(/<html [^>]*lang="fr"/);
    // Blank: the cohort's; unknown: refused with what the form needs, nothing stored.
    expect((await add({ name: 'Sam', email: 'sam@late-fr.example.org', communication: '', timeZone: '' })).headers.get('location')).toBe(
      `/admin/cohorts/${slug}?notice=added`,
    );
    expect(pick(await participantByEmail(stack.sql, 'sam@late-fr.example.org'))).toEqual({
      language: null,
      timeZone: null,
    });
    const refused = await add({ name: 'Zed', email: 'zed@late-fr.example.org', communication: 'fr', timeZone: 'Mars/Olympus' });
    expect(refused.headers.get('location')).toBe(`/admin/cohorts/${slug}?problem=invalid`);
    expect(pageText(await (await admin.get(refused.headers.get('location')!)).text())).toContain(
      'a time zone such as Europe/Paris if you give one',
    );
    expect(await participantByEmail(stack.sql, 'zed@late-fr.example.org')).toBeUndefined();
  });
});
