import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCohortBySlug } from '../../db/cohorts.js';
import { findParticipantByEmail } from '../../db/participants.js';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { getSurveyAnswers } from '../../db/survey-answers.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { csvFile, pageText, webClient } from '../helpers/web-client.js';

const CSV = `name,email,role,language,company
Ada Lovelace,ada@example.org,mentor,English;French,Analytical Engines
Bob Martin,bob@example.org,mentee,English,
Chloé Durand,chloe@example.org,mentee,French,Startup & Co
`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

/** The survey link in the newest outbox message to `email`, as a path. */
async function surveyLinkOf(email: string): Promise<string> {
  const [newest] = await listOutboxMessages(stack.sql, { to: email });
  const message = await getOutboxMessage(stack.sql, newest!.id);
  const link = /href="http:\/\/localhost(\/survey\/[^"]+)"/.exec(message!.html)?.[1];
  if (!link) throw new Error(`no survey link in the email to ${email}`);
  return link;
}

describe('a cohort from the admin form to the intake survey', () => {
  it('asks for a login before any admin page', async () => {
    const anonymous = webClient(stack.app);
    const response = await anonymous.get('/admin/cohorts/new');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fcohorts%2Fnew');
    const wrong = await anonymous.post('/admin/login', { user: 'admin', password: 'nope', next: '/admin' });
    expect(wrong.status).toBe(401);
    expect(pageText(await wrong.text())).toContain('Wrong user or password');
    expect((await anonymous.get('/dev/outbox')).headers.get('location')).toBe('/admin/login?next=%2Fdev%2Foutbox');
    // After login, only our own pages: no open redirect.
    const away = await anonymous.post('/admin/login', { user: 'admin', password: 'correct horse battery', next: '//evil.example/admin' });
    expect(away.headers.get('location')).toBe('/admin');
  });

  it('refuses an admin post without the CSRF token, and a cross-site post', async () => {
    const client = webClient(stack.app);
    await client.logIn();
    const { formId } = await client.hiddenFields('/admin/cohorts/new');
    const noToken = await client.post('/admin/cohorts', { formId: formId!, name: 'No token' });
    expect(noToken.status).toBe(403);
    const crossSite = await stack.app.request('http://localhost/admin/login', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user=admin&password=x',
    });
    expect(crossSite.status).toBe(403);
  });

  it('creates the cohort once, starts its workflow and emails every participant a personal link', async () => {
    const client = webClient(stack.app);
    await client.logIn();
    const hidden = await client.hiddenFields('/admin/cohorts/new');
    const form = {
      ...hidden,
      name: 'Flow Test Cohort',
      description: 'Alumni mentor final-year students.',
      charter: 'We meet at least once a month and answer each check-in honestly.',
      surveyDuration: '1h',
      checkInCount: '2',
      checkInInterval: '1m',
      programmeDuration: '10m',
      charterDuration: '5m',
    };
    const first = await client.post('/admin/cohorts', { ...form, participants: csvFile(CSV) });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/admin/cohorts/flow-test-cohort?notice=created');
    const again = await client.post('/admin/cohorts', { ...form, participants: csvFile(CSV) });
    expect(again.headers.get('location')).toBe('/admin/cohorts/flow-test-cohort?notice=created');
    const [row] = await stack.sql<{ n: number }[]>`select count(*)::int as n from cohorts where slug = 'flow-test-cohort'`;
    expect(row!.n).toBe(1);

    await eventually(async () => expect(await listOutboxMessages(stack.sql)).toHaveLength(3));
    // The workflow counts an invitation once its activity completes, a moment after the email is recorded.
    await eventually(async () => {
      const page = pageText(await (await client.get('/admin/cohorts/flow-test-cohort')).text());
      expect(page).toContain('Stage: survey');
      expect(page).toMatch(/3 participants 3 invited 0 answered/);
      expect(page).toContain('Not answered yet (3)');
    });
  });

  it('shows the survey, keeps typed values with field errors, then saves and updates the answers', async () => {
    const link = await surveyLinkOf('bob@example.org');
    const client = webClient(stack.app);
    const formPage = await client.get(link);
    expect(formPage.status).toBe(200);
    const html = await formPage.text();
    expect(pageText(html)).toContain('You take part as a mentee');
    expect(pageText(html)).toContain("Who sees it: the programme's organisers"); // the default notice, before any question is answered
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(html)![1]!;

    const invalid = await client.post(link, {
      submissionId,
      goals: 'short',
      helpWith: 'Leadership',
      languages: 'English',
      field: 'Finance',
    });
    expect(invalid.status).toBe(422);
    const invalidHtml = await invalid.text();
    expect(pageText(invalidHtml)).toContain('at least 10 characters');
    expect(pageText(invalidHtml)).toContain('Choose how often you can meet');
    expect(invalidHtml).toContain('value="Leadership" checked');
    expect(invalidHtml).toContain('>short</textarea>');
    // Every field right but consent: nothing is stored without it.
    const noConsent = await client.post(link, {
      submissionId,
      goals: 'Find my first job in finance',
      helpWith: 'Networking',
      languages: 'English',
      field: 'Finance',
      availability: 'monthly',
      meetingMode: 'remote',
    });
    expect(noConsent.status).toBe(422);
    expect(pageText(await noConsent.text())).toContain(
      'Your data: tick the box to agree to how your data is used (without it, you cannot take part)',
    );

    const answers = {
      submissionId,
      goals: 'Find my first job in finance',
      helpWith: ['Job search & applications', 'Networking'],
      languages: 'English',
      field: 'Finance',
      availability: 'monthly',
      meetingMode: 'remote',
      consent: 'on',
    };
    const saved = await client.post(link, answers);
    expect(saved.status).toBe(200);
    expect(pageText(await saved.text())).toContain('Your answers are saved');
    const cohort = (await getCohortBySlug(stack.sql, 'flow-test-cohort'))!;
    const bob = await findParticipantByEmail(stack.sql, cohort.id, 'bob@example.org');
    expect((await getSurveyAnswers(stack.sql, bob!.id))?.answers).toMatchObject({
      role: 'mentee',
      field: 'Finance',
      helpWith: ['Job search & applications', 'Networking'],
    });

    // Coming back shows the saved answers; a new submission replaces them.
    const again = await (await client.get(link)).text();
    expect(again).toContain('value="Networking" checked');
    const secondId = /name="submissionId" value="([^"]+)"/.exec(again)![1]!;
    expect(secondId).not.toBe(submissionId);
    await client.post(link, { ...answers, submissionId: secondId, availability: 'weekly' });
    expect((await getSurveyAnswers(stack.sql, bob!.id))?.answers).toMatchObject({ availability: 'weekly' });

    // The workflow hears of the first answer through the signal relay, a moment later.
    await eventually(async () =>
      expect(await stack.workflows.cohortState('flow-test-cohort')).toMatchObject({ stage: 'survey', total: 3, invited: 3, answered: 1 }),
    );
  });

  it('gives clear pages for forged, altered and expired links', async () => {
    const link = await surveyLinkOf('ada@example.org');
    const client = webClient(stack.app);
    const forged = await client.get(`${link.slice(0, -3)}abc`);
    expect(forged.status).toBe(404);
    expect(pageText(await forged.text())).toContain('This link is not valid');
    expect((await client.get('/survey/garbage')).status).toBe(404);
    const cohort = (await getCohortBySlug(stack.sql, 'flow-test-cohort'))!;
    const expired = stack.links.sign({ scope: 'survey', participantId: cohort.id, subjectId: cohort.id, expiresAt: Date.now() - 1000 });
    const expiredPage = await client.get(`/survey/${expired}`);
    expect(expiredPage.status).toBe(410);
    expect(pageText(await expiredPage.text())).toContain('This link has expired');
  });

  it("reminds those who have not answered on the admin's word, once for a double submit, and at most once a day", async () => {
    const client = webClient(stack.app);
    await client.logIn();
    const page = '/admin/cohorts/flow-test-cohort';
    const { _csrf, requestId } = await client.hiddenFields(page);
    const sent = async (email: string) => (await listOutboxMessages(stack.sql, { to: email })).length;
    const before = { ada: await sent('ada@example.org'), bob: await sent('bob@example.org') };
    const reminded = await client.post(`${page}/remind`, { _csrf: _csrf!, requestId: requestId! });
    expect(reminded.headers.get('location')).toBe(`${page}?notice=reminded`);
    expect(pageText(await (await client.get(`${page}?notice=reminded`)).text())).toContain(
      'Reminder on its way to everyone who has not answered the survey.',
    );
    await eventually(async () => expect(await sent('ada@example.org')).toBe(before.ada + 1));
    // The same form submitted twice reminds once; another a moment later is refused, saying why.
    expect((await client.post(`${page}/remind`, { _csrf: _csrf!, requestId: requestId! })).headers.get('location')).toBe(
      `${page}?notice=reminded`,
    );
    const again = await client.post(`${page}/remind`, { _csrf: _csrf!, requestId: crypto.randomUUID() });
    expect(again.headers.get('location')).toBe(`${page}?problem=remindedToday`);
    expect(pageText(await (await client.get(again.headers.get('location')!)).text())).toContain(
      'A reminder went out by hand less than a day ago',
    );
    const [newest] = await listOutboxMessages(stack.sql, { to: 'ada@example.org' });
    expect(newest!.subject).toContain('Reminder');
    expect(await sent('ada@example.org')).toBe(before.ada + 1);
    expect(await sent('bob@example.org')).toBe(before.bob); // Bob has answered
  });

  it("closes the survey early on the admin's word; late visitors get the closed page", async () => {
    const client = webClient(stack.app);
    await client.logIn();
    const { _csrf } = await client.hiddenFields('/admin/cohorts/flow-test-cohort');
    const closed = await client.post('/admin/cohorts/flow-test-cohort/close-survey', { _csrf: _csrf! });
    expect(closed.headers.get('location')).toBe('/admin/cohorts/flow-test-cohort?notice=closed');
    await eventually(async () => expect((await stack.workflows.cohortState('flow-test-cohort'))?.stage).toBe('review'));
    expect((await getCohortBySlug(stack.sql, 'flow-test-cohort'))?.surveyClosedAt).not.toBeNull();

    const late = await webClient(stack.app).get(await surveyLinkOf('chloe@example.org'));
    expect(late.status).toBe(410);
    expect(pageText(await late.text())).toContain('This survey is closed');
    const page = pageText(await (await client.get('/admin/cohorts/flow-test-cohort')).text());
    expect(page).toContain('Did not answer (2)');
  });
});
