/**
 * The needs dashboard on a known cohort: the figures per field, topic and language, the mentees no mentor can
 * meet in words (not every option a mentee ticks: Ava speaks Spanish, which no mentor does, but shares
 * English with them), the bars, the CSV export, and the live part the page refreshes while answers come in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const slug = 'needs';
const email = (name: string) => `${name.toLowerCase()}@${slug}.example.org`;

/** Two mentors (4 places) and four mentees answer; Noa has not answered yet. */
async function knownCohort() {
  const cohort = await startCohort(stack, slug, [
    'Mia:mentor',
    'Max:mentor',
    'Ava:mentee',
    'Leo:mentee',
    'Zoe:mentee',
    'Sam:mentee',
    'Noa:mentee',
  ]);
  await answerSurveys(stack, cohort, {
    [email('Mia')]: {
      ...MENTOR_ANSWERS,
      field: 'Finance',
      offers: ['Job search & applications', 'Networking'],
      languages: 'English',
      capacity: '1',
    },
    [email('Max')]: {
      ...MENTOR_ANSWERS,
      field: 'Technology',
      offers: ['Technical skills', 'Networking'],
      languages: ['English', 'French'],
      capacity: '3',
    },
    [email('Ava')]: {
      ...MENTEE_ANSWERS,
      field: 'Finance',
      helpWith: ['Job search & applications', 'Networking'],
      languages: ['English', 'Spanish'],
    },
    [email('Leo')]: { ...MENTEE_ANSWERS, field: 'Finance', helpWith: ['Leadership'], languages: 'English' },
    [email('Zoe')]: { ...MENTEE_ANSWERS, field: 'Finance', helpWith: ['Networking'], languages: 'French' },
    [email('Sam')]: { ...MENTEE_ANSWERS, field: 'Technology', helpWith: ['Technical skills'], languages: 'Chinese' },
  });
  return cohort;
}

/** A download's text as saved, its byte-order mark kept (`Response.text()` drops it). */
const saved = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

/** A table row's cells as text: option, mentees, mentors, places. */
function rowsOf(html: string, dimension: string): string[] {
  const table = new RegExp(`<table class="needs" data-needs="${dimension}">([\\s\\S]*?)</table>`).exec(html)![1]!;
  return [...table.matchAll(/<tr data-need="[^"]*"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => pageText(m[1]!).trim());
}

describe('the needs dashboard', () => {
  it("sets mentees' wishes against mentors' offers, names the shortages, and exports them", async () => {
    const cohort = await knownCohort();
    const admin = webClient(stack.app);
    await admin.logIn();

    const html = await (await admin.get(`/admin/cohorts/${slug}`)).text();
    const text = pageText(html);
    expect(text).toContain('4 mentees and 2 mentors have answered so far; the mentors offer 4 places.');
    expect(rowsOf(html, 'field')).toEqual(['Finance 3 1 1', 'Technology 1 1 3']);
    expect(rowsOf(html, 'topic')).toEqual([
      'Job search & applications 1 1 1',
      'Technical skills 1 1 3',
      'Leadership 1 0 0',
      'Networking 2 2 4',
    ]);
    expect(rowsOf(html, 'language')).toEqual(['English 2 2 4', 'French 1 1 3', 'Spanish 1 0 0', 'Chinese 1 0 0']);
    // The mentees the matching could not meet, the most first, then in the survey's order; Spanish is no shortage.
    const shortages = [...html.matchAll(/<li data-shortage="([^"]+)">([^<]*)<\/li>/g)].map((m) => [m[1], pageText(m[2]!)]);
    expect(shortages).toEqual([
      ['field:Finance', '3 mentees work in Finance; 1 mentor does, with 1 place: 2 mentees will have a mentor from another field.'],
      ['topic:Leadership', '1 mentee asks for help with Leadership, and no mentor offers it or anything else they asked for.'],
      ['language:Chinese', '1 mentee speaks Chinese and no language a mentor speaks.'],
    ]);
    expect(html).toMatch(/<tr data-need="Spanish">/);
    // The bars share one scale per chart: Finance's 3 mentees fill it, its 1 place a third of it.
    expect(html).toMatch(
      /<tr data-need="Finance" class="short">[\s\S]*?<rect class="wish" x="0" y="1" height="8" width="100.0"[^>]*\/?>(<\/rect>)?<rect class="offer" x="0" y="11" height="8" width="33.3"/,
    );
    expect(html).toContain('data-refresh="/admin/cohorts/needs/needs"');

    const csv = await admin.get(`/admin/cohorts/${slug}/needs.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="needs-needs.csv"');
    expect(await saved(csv)).toBe(
      [
        '\uFEFFdimension,option,mentees asking,mentors offering,places offered,mentees unmet',
        'field,Finance,3,1,1,2',
        'field,Technology,1,1,3,0',
        'topic,Job search & applications,1,1,1,0',
        'topic,Technical skills,1,1,3,0',
        'topic,Leadership,1,0,0,1',
        'topic,Networking,2,2,4,0',
        'language,English,2,2,4,0',
        'language,French,1,1,3,0',
        'language,Spanish,1,0,0,0',
        'language,Chinese,1,0,0,1',
        '',
      ].join('\r\n'),
    );

    // Live: the part the page refreshes counts an answer as soon as it is stored.
    await answerSurveys(stack, cohort, {
      [email('Noa')]: { ...MENTEE_ANSWERS, field: 'Law', helpWith: ['Leadership'], languages: 'English' },
    });
    const live = await (await admin.get(`/admin/cohorts/${slug}/needs`)).text();
    expect(live).not.toContain('<html');
    expect(pageText(live)).toContain('5 mentees and 2 mentors have answered so far; the mentors offer 4 places. 1 place is missing.');
    expect(pageText(live)).toContain('2 mentees ask for help with Leadership, and no mentor offers it or anything else they asked for.');
    expect(pageText(live)).toContain('1 mentee works in Law; no mentor does: 1 mentee will have a mentor from another field.');
    expect(rowsOf(live, 'field')).toEqual(['Finance 3 1 1', 'Law 1 0 0', 'Technology 1 1 3']);

    // In French for an admin whose browser asks for it.
    const french = webClient(stack.app, { acceptLanguage: 'fr' });
    await french.logIn();
    const frenchText = pageText(await (await french.get(`/admin/cohorts/${slug}`)).text());
    expect(frenchText).toContain('5 mentorés et 2 mentors ont répondu à ce jour ; les mentors proposent 4 places. Il manque 1 place.');
    expect(frenchText).toContain(
      'Leadership : 2 mentorés demandent de l’aide sur ce sujet, et aucun mentor ne le propose, ni rien d’autre de ce qui a été demandé.',
    );
    expect(frenchText).toContain('Chinois : 1 mentoré parle cette langue et aucune de celles des mentors.');

    // Once the survey has closed the figures stay, and stop refreshing.
    await stack.workflows.closeSurvey(slug);
    await eventually(async () => expect(await (await admin.get(`/admin/cohorts/${slug}/needs`)).text()).not.toContain('data-refresh'));
    // ... and speak in the past.
    expect(pageText(await (await admin.get(`/admin/cohorts/${slug}/needs`)).text())).toContain(
      '5 mentees and 2 mentors answered; the mentors offered 4 places.',
    );
  });

  it('says when nobody has answered, and is for admins only', async () => {
    await startCohort(stack, 'needs-empty', ['Mia:mentor', 'Ava:mentee']);
    const admin = webClient(stack.app);
    await admin.logIn();
    expect(pageText(await (await admin.get('/admin/cohorts/needs-empty')).text())).toContain(
      'No survey answered yet: the figures appear as answers come in.',
    );
    expect(await saved(await admin.get('/admin/cohorts/needs-empty/needs.csv'))).toBe(
      '\uFEFFdimension,option,mentees asking,mentors offering,places offered,mentees unmet\r\n',
    );
    expect((await admin.get('/admin/cohorts/nobody/needs.csv')).status).toBe(404);
    expect((await admin.get('/admin/cohorts/nobody/needs')).status).toBe(404);

    const stranger = webClient(stack.app);
    for (const path of ['/admin/cohorts/needs-empty/needs', '/admin/cohorts/needs-empty/needs.csv']) {
      const response = await stranger.get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(/^\/admin\/login/);
    }
  });
});
