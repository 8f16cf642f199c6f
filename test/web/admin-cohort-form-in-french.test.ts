import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { csvFile, pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const FRENCH = 'fr-FR,fr;q=0.9,en;q=0.5';
const fields = {
  description: '',
  charter: "Nous nous voyons au moins une fois par mois et répondons à chaque point d'étape.",
  surveyDuration: '2w',
  checkInCount: '6',
  checkInInterval: '4w',
  programmeDuration: '26w',
  charterDuration: '1w',
};
const csv = (domain: string) => `name,email,role,language\nZoé,zoe@${domain},mentee,French\nAda,ada@${domain},mentor,English\n`;

/** An admin whose browser asks for French, or for nothing in particular (''). */
async function admin(acceptLanguage: string) {
  const client = webClient(stack.app, { acceptLanguage });
  await client.logIn();
  return client;
}

async function submit(form: Record<string, string | File>, acceptLanguage = FRENCH) {
  const client = await admin(acceptLanguage);
  const hidden = await client.hiddenFields('/admin/cohorts/new');
  return client.post('/admin/cohorts', { ...hidden, ...fields, ...form });
}

const nextYear = new Date().getUTCFullYear() + 1;
/** The last Sunday of March, when Europe/Paris goes from 02:00 straight to 03:00. */
const springForward = `${nextYear}-03-${31 - new Date(Date.UTC(nextYear, 2, 31)).getUTCDay()}`;

describe('the new-cohort form, for an admin who reads French', () => {
  it("is written in French, its closing time in the cohort's time zone", async () => {
    const html = await (await (await admin(FRENCH)).get('/admin/cohorts/new')).text();
    expect(html).toContain('<html lang="fr">');
    const text = pageText(html);
    expect(text).toContain('Nouvelle cohorte');
    expect(text).toContain('Questionnaire ouvert pendant');
    expect(text).toContain('Questionnaire fermé le');
    expect(text).toContain('dans le fuseau horaire de la cohorte, actuellement UTC');
    expect(text).toContain('Nombre de points d’étape');
    expect(text).toContain('Aperçu');
    expect(text).not.toContain('New cohort');
    expect(html).toContain('<input type="datetime-local" id="surveyCloses" name="surveyCloses"');
  });

  it('stays in English for a browser that asks for no language', async () => {
    const html = await (await (await admin('')).get('/admin/cohorts/new')).text();
    expect(html).toContain('<html lang="en">');
    expect(pageText(html)).toContain('New cohort');
    expect(pageText(html)).toContain('Survey closes on');
    expect(pageText(html)).toContain('Preview');
  });

  it('names what to fix in French: fields, and the CSV line by line', async () => {
    const fieldErrors = pageText(
      await (await submit({ name: 'ab', checkInCount: '-1', timeZone: 'Mars/Olympus', participants: csvFile('x') })).text(),
    );
    // The fields' problems and the CSV's together, at once.
    expect(fieldErrors).toContain('Merci de corriger ces 5 points');
    expect(fieldErrors).toContain('Participants : le fichier CSV a des problèmes');
    expect(fieldErrors).toContain('Nom : 3 caractères au moins');
    expect(fieldErrors).toContain('Points d’étape : 0 ou plus');
    expect(fieldErrors).toContain('Fuseau horaire : « Mars/Olympus » n’est pas un fuseau horaire');
    expect(fieldErrors).not.toContain('Name: at least 3 characters');

    const lines = await submit({
      name: 'Promo CSV',
      participants: csvFile('name,email,role,language\nAda,ada@example.org,mentor,en\nBob,bob@,coach,en\n'),
    });
    expect(lines.status).toBe(422);
    const text = pageText(await lines.text());
    expect(text).toContain('Ligne 3, email : « bob@ » n’est pas une adresse e-mail valide.');
    expect(text).toContain('Ligne 3, role : « coach » n’est pas un rôle ; utilisez mentor ou mentee.');
    expect(text).toContain('Participants : le fichier CSV a des problèmes');
    expect(text).not.toContain('Line 3');

    const missing = pageText(
      await (await submit({ name: 'Promo colonnes', participants: csvFile('nom;courriel\nAda;ada@example.org\n') })).text(),
    );
    expect(missing).toContain('Ligne 1 : il manque les colonnes "name", "email", "role", "language"');
    expect(missing).toContain('Lue avec le séparateur « ; »');
    const huge = pageText(await (await submit({ name: 'Promo lourde', participants: csvFile('x'.repeat(5 * 1024 * 1024 + 100)) })).text());
    expect(huge).toMatch(/Le fichier CSV fait 5\s121 Ko, au-delà de la limite de 5\s120 Ko \(5 Mo\) de 1 Ko\./);
    expect(await stack.sql`select 1 from cohorts`).toHaveLength(0);
  });

  it("closes the survey at the time given, read in the cohort's time zone", async () => {
    const response = await submit({
      name: 'Promo Paris',
      timeZone: 'Europe/Paris',
      surveyCloses: `${nextYear}-01-15T18:00`,
      participants: csvFile(csv('paris.example.org')),
    });
    expect(response.status).toBe(303);
    const [cohort] = await stack.sql<
      { deadline: string }[]
    >`select schedule ->> 'surveyDeadline' as deadline from cohorts where name = 'Promo Paris'`;
    expect(cohort!.deadline).toBe(`${nextYear}-01-15T17:00:00.000Z`); // 18:00 in Paris, in winter
    const summer = await submit({
      name: 'Promo New York',
      timeZone: 'America/New_York',
      surveyCloses: `${nextYear}-07-01T09:30`,
      participants: csvFile(csv('ny.example.org')),
    });
    expect(summer.status).toBe(303);
    const [ny] = await stack.sql<
      { deadline: string }[]
    >`select schedule ->> 'surveyDeadline' as deadline from cohorts where name = 'Promo New York'`;
    expect(ny!.deadline).toBe(`${nextYear}-07-01T13:30:00.000Z`);
  });

  it('refuses a closing time already past, or one the clocks skip, naming the time zone', async () => {
    const past = await submit({
      name: 'Promo passée',
      timeZone: 'Europe/Paris',
      surveyCloses: '2020-12-12T18:00',
      participants: csvFile(csv('past.example.org')),
    });
    expect(past.status).toBe(422);
    const pastPage = await past.text();
    expect(pageText(pastPage)).toContain('Questionnaire fermé le : sam. 12 déc. 2020, 18:00 UTC+1 (Europe/Paris) est déjà passé');
    expect(pastPage).toContain('value="2020-12-12T18:00"'); // kept, to correct
    const skipped = pageText(
      await (
        await submit({
          name: 'Promo sautée',
          timeZone: 'Europe/Paris',
          surveyCloses: `${springForward}T02:30`,
          participants: csvFile(csv('gap.example.org')),
        })
      ).text(),
    );
    expect(skipped).toContain('Questionnaire fermé le : 02:30 n’existe pas ce jour-là dans le fuseau Europe/Paris');
    // In English, word for word as the French says it.
    const english = pageText(
      await (
        await submit(
          {
            name: 'Past cohort',
            timeZone: 'Europe/Paris',
            surveyCloses: '2020-12-12T18:00',
            participants: csvFile(csv('past.example.org')),
          },
          '',
        )
      ).text(),
    );
    expect(english).toContain('Survey closes on: Sat, 12 Dec 2020, 18:00 CET (Europe/Paris) is already past');
    expect(await stack.sql`select 1 from cohorts where name in ('Promo passée', 'Promo sautée', 'Past cohort')`).toHaveLength(0);
  });
});
