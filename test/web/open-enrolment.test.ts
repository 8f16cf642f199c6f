/**
 * Open enrolment over HTTP: the admin opens a cohort's public link, a person signs up, confirms their address
 * from the email (double opt-in) and lands on their survey; and the abuse limits: attempts per network
 * address, the cohort's cap, the same answer whoever is already enrolled, a closed link, a removed sign-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTEMPTS_PER_ADDRESS_PER_HOUR } from '../../domain/enrolment-form.js';
import { createApp } from '../../web/app.js';
import { createAdminAuth } from '../../web/auth.js';
import { MENTEE_ANSWERS, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { CODEC_TOKEN, testCodec, startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { participantByEmail } from '../helpers/people.js';
import { findParticipantByEmail } from '../../db/participants.js';
import { qrCodeSvg } from '../../web/admin/qr-code.js';
import { TYPOGRAPHY } from '../../i18n/translator.js';
import { createMetrics } from '../../observability/metrics.js';

/** French as Tandem sets it: no line break before a colon. */
const french = TYPOGRAPHY.fr;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

/** Opens the cohort's link for `cap` sign-ups as the admin would, and returns its path. */
async function openEnrolment(slug: string, cap: number): Promise<string> {
  const admin = webClient(stack.app);
  await admin.logIn();
  const { _csrf } = await admin.hiddenFields(`/admin/cohorts/${slug}`);
  expect((await admin.post(`/admin/cohorts/${slug}/enrolment/open`, { _csrf: _csrf!, cap: String(cap) })).status).toBe(303);
  const page = await (await admin.get(`/admin/cohorts/${slug}`)).text();
  const link = /id="enrolment-link" readonly="" value="([^"]+)"/.exec(page)![1]!;
  // A button copies it; a QR code carries it, on the page and as a file for a poster.
  expect(page).toContain('data-copy="enrolment-link"');
  const qr = await admin.get(`/admin/cohorts/${slug}/enrolment/qr.svg`);
  expect(qr.headers.get('content-type')).toBe('image/svg+xml');
  const svg = await qr.text();
  expect(svg).toBe(await qrCodeSvg(link));
  expect(page).toContain(svg.trim().slice(0, 200));
  return new URL(link).pathname;
}

const emailsTo = (address: string) =>
  stack.sql<
    { subject: string; text: string }[]
  >`select subject, text from outbox_messages where to_address like ${`%<${address}>`} order by id`;

/** The confirmation link of the email sent to `address`, once the worker has sent it. */
const confirmationPath = (address: string) =>
  eventually(async () => {
    const [email] = (await emailsTo(address)).filter((e) => /confirm/i.test(e.subject));
    expect(email).toBeDefined();
    return new URL(/https?:\/\/\S+\/join\/confirm\/\S+/.exec(email!.text)![0]!).pathname;
  });

const signUp = (path: string, form: Record<string, string>, client = webClient(stack.app)) => client.post(path, form);
const person = (name: string, role = 'mentee', language = 'en') => ({
  name,
  email: `${name.toLowerCase()}@people.example.org`,
  role,
  language,
});

describe('open enrolment', () => {
  it('from the public link to the survey: sign up, confirm by email, answer; the admin sees each step', async () => {
    const cohort = await startCohort(stack, 'open-door', ['Mia:mentor']);
    const join = await openEnrolment('open-door', 50);
    expect(join).toMatch(/^\/join\/[\w-]{24}$/);

    await stack.sql`update cohorts set description = ${'Des anciens guident des étudiants.\n\nDeux heures par mois.'} where slug = 'open-door'`;
    const form = await (await webClient(stack.app, { acceptLanguage: 'fr' }).get(join)).text();
    expect(pageText(form)).toContain('Cohort open-door : rejoindre le programme');
    expect(form).toContain('<p>Des anciens guident des étudiants.</p><p>Deux heures par mois.</p>');
    // What one joins, in the visitor's language: the dates, the length, the check-ins, the commitment.
    expect(pageText(form)).toMatch(
      /Inscrivez-vous et répondez au court questionnaire avant le .+\. Chaque personne mentorée est ensuite associée à une personne mentor pendant environ \d+ semaines?, avec 2 courts points d’étape en chemin\./,
    );
    expect(pageText(form)).toContain('Ce à quoi chaque partenaire s’engage We meet monthly and answer every check-in honestly.');
    const inEnglish = pageText(await (await webClient(stack.app, { acceptLanguage: 'en' }).get(join)).text());
    expect(inEnglish).toContain('What both partners commit to');
    expect(inEnglish).toContain('with 2 short check-ins along the way.');

    const sent = await signUp(join, person('Noor', 'mentee', 'fr'));
    expect(sent.status).toBe(200);
    expect(pageText(await sent.text())).toContain('Si noor@people.example.org peut rejoindre ce programme, un e-mail vient');
    const confirm = await confirmationPath('noor@people.example.org');
    const [email] = await emailsTo('noor@people.example.org');
    expect(email!.subject).toBe(french('Cohort open-door : confirmez votre adresse e-mail'));
    // Nothing happens before the click: Noor is a sign-up, not a participant.
    expect(await participantByEmail(stack.sql, 'noor@people.example.org')).toBeUndefined();

    const admin = webClient(stack.app);
    await admin.logIn();
    expect(pageText(await (await admin.get('/admin/cohorts/open-door')).text())).toContain(
      'Open for up to 50 sign-ups: 0 confirmed, 1 waiting for their confirmation.',
    );

    const confirmed = await webClient(stack.app).get(confirm);
    expect(confirmed.status).toBe(303);
    const survey = confirmed.headers.get('location')!;
    expect(survey).toMatch(/^\/survey\//);
    // The same link again leads to the same survey, and invites nobody twice.
    expect((await webClient(stack.app).get(confirm)).headers.get('location')).toBe(survey);
    const page = await (await webClient(stack.app).get(survey)).text();
    expect(pageText(page)).toContain('Vous participez en tant que mentoré');
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(page)![1]!;
    expect((await webClient(stack.app).post(survey, { submissionId, ...MENTEE_ANSWERS })).status).toBe(200);

    const participant = await findParticipantByEmail(stack.sql, cohort.id, 'noor@people.example.org');
    expect(participant).toMatchObject({ role: 'mentee', language: 'fr', joinedLate: true });
    await eventually(async () =>
      expect((await emailsTo('noor@people.example.org')).map((e) => e.subject)).toEqual([
        french('Cohort open-door : confirmez votre adresse e-mail'),
        french('Cohort open-door : dites-nous ce dont vous avez besoin avant que nous formions les binômes'),
      ]),
    );
    await eventually(async () => expect((await stack.workflows.cohortState('open-door'))?.answered).toBe(1));
    const adminPage = pageText(await (await admin.get('/admin/cohorts/open-door')).text());
    expect(adminPage).toContain('Open for up to 50 sign-ups: 1 confirmed, 0 waiting for their confirmation.');
    expect(adminPage).toContain('1 mentee and 0 mentors have answered so far');

    // Closed by the admin: the link says so, and a confirmation not yet used no longer enrols.
    await signUp(join, person('Omar'));
    const omar = await confirmationPath('omar@people.example.org');
    const { _csrf } = await admin.hiddenFields('/admin/cohorts/open-door');
    expect((await admin.post('/admin/cohorts/open-door/enrolment/close', { _csrf: _csrf! })).status).toBe(303);
    expect(pageText(await (await webClient(stack.app).get(join)).text())).toContain('Sign-ups are closed');
    expect((await signUp(join, person('Pia'))).status).toBe(410);
    expect((await webClient(stack.app).get(omar)).status).toBe(410);
    expect(await participantByEmail(stack.sql, 'omar@people.example.org')).toBeUndefined();
    // Reopened, the same link works again (a newsletter already went out with it).
    expect(await openEnrolment('open-door', 50)).toBe(join);
  });

  it('caps the sign-ups, tells nobody who is enrolled nor whether places remain, and lets the admin remove one', async () => {
    const cohort = await startCohort(stack, 'small-door', ['Mia:mentor']);
    const join = await openEnrolment('small-door', 2);
    const pageFor = async (form: Record<string, string>) => {
      const response = await signUp(join, form);
      return { status: response.status, text: pageText(await response.text()).replaceAll(form.email!, '<address>') };
    };
    const newcomer = await pageFor(person('Ana'));
    expect(newcomer).toEqual({
      status: 200,
      text: expect.stringContaining('If <address> can join this programme, an email is on its way there'),
    });
    // Mia is in the cohort already, Ana has just signed up, Ben takes the last place, Cyd finds the cohort full:
    // each sees the newcomer's page, to the byte but for their own address.
    for (const form of [{ ...person('Mia', 'mentor'), email: 'mia@small-door.example.org' }, person('Ana'), person('Ben'), person('Cyd')]) {
      expect(await pageFor(form), form.name).toEqual(newcomer);
    }
    await confirmationPath('ben@people.example.org');
    expect((await emailsTo('mia@small-door.example.org')).filter((e) => /confirm/i.test(e.subject))).toHaveLength(0);
    expect(await emailsTo('ana@people.example.org')).toHaveLength(1);
    // A full cohort says so by email, to the address that asked, and keeps nothing of the request.
    const [full] = await eventually(async () => {
      const emails = await emailsTo('cyd@people.example.org');
      expect(emails).toHaveLength(1);
      return emails;
    });
    expect(full!.subject).toBe('Cohort small-door: the programme is full');
    expect(full!.text).toContain('Every place open to sign-ups is taken.');
    expect(full!.text).not.toMatch(/join\/confirm/);
    await eventually(async () =>
      expect(await stack.sql`select 1 from enrolment_requests where email = 'cyd@people.example.org'`).toHaveLength(0),
    );
    expect(await stack.sql`select 1 from sent_emails where to_address = 'cyd@people.example.org'`).toHaveLength(0);
    expect(await stack.sql`select 1 from enrolment_requests where cohort_id = ${cohort.id}`).toHaveLength(2);

    // The admin removes Ben's sign-up: his link leads nowhere, and his place is free again.
    const benLink = await confirmationPath('ben@people.example.org');
    const admin = webClient(stack.app);
    await admin.logIn();
    const page = await (await admin.get('/admin/cohorts/small-door')).text();
    const remove = /<tr data-sign-up="ben@people.example.org">[\s\S]*?action="([^"]+\/remove)"/.exec(page)![1]!;
    const { _csrf } = await admin.hiddenFields('/admin/cohorts/small-door');
    expect((await admin.post(remove, { _csrf: _csrf! })).status).toBe(303);
    expect((await webClient(stack.app).get(benLink)).status).toBe(404);
    expect((await signUp(join, person('Cyd'))).status).toBe(200);
    await confirmationPath('cyd@people.example.org');
  });

  it('a confirmation link dies with the person it made a participant: erased, it answers 410 and makes nobody again', async () => {
    await startCohort(stack, 'gone-door', ['Mia:mentor']);
    const join = await openEnrolment('gone-door', 10);
    await stack.sql`delete from enrolment_attempts`;
    expect((await signUp(join, person('Gus'))).status).toBe(200);
    const confirm = await confirmationPath('gus@people.example.org');
    expect((await webClient(stack.app).get(confirm)).status).toBe(303);
    const gus = await participantByEmail(stack.sql, 'gus@people.example.org');
    const admin = webClient(stack.app);
    await admin.logIn();
    const page = `/admin/cohorts/gone-door/participants/${gus!.id}`;
    const { _csrf } = await admin.hiddenFields(page);
    expect((await admin.post(`${page}/erase`, { _csrf: _csrf!, confirm: 'on' })).status).toBe(303);
    const again = await webClient(stack.app, { acceptLanguage: 'en' }).get(confirm);
    expect(again.status).toBe(410);
    expect(pageText(await again.text())).toContain('This link no longer works');
    expect(await participantByEmail(stack.sql, 'gus@people.example.org')).toBeUndefined();
  });

  it('refuses a network address after too many attempts within the hour, whatever the cohort; other addresses go on', async () => {
    await startCohort(stack, 'busy-door', ['Mia:mentor']);
    const join = await openEnrolment('busy-door', 1000);
    await stack.sql`delete from enrolment_attempts`;
    // Behind a proxy, as in production: the address it saw, not one the client wrote.
    const app = createApp({
      sql: stack.sql,
      workflows: stack.workflows,
      links: stack.links,
      auth: createAdminAuth({ sessionSecret: 's'.repeat(32), secureCookies: false, sql: stack.sql, trustProxy: true }),
      temporalUi: { url: 'http://localhost:8233', namespace: 'default' },
      codec: { codec: testCodec, token: CODEC_TOKEN },
      outboxEnabled: false,
      metrics: createMetrics(),
    });
    const from = (address: string, form: Record<string, string>) =>
      app.request(`http://localhost${join}`, {
        method: 'POST',
        headers: { origin: 'http://localhost', 'x-forwarded-for': `6.6.6.6, ${address}` },
        body: new URLSearchParams(form),
      });
    for (let i = 0; i < ATTEMPTS_PER_ADDRESS_PER_HOUR; i++) {
      // Invalid forms count too: a script guessing addresses gets no more tries for sending nonsense.
      expect((await from('203.0.113.7', i % 2 ? person(`Bot${i}`) : { name: '' })).status).toBe(i % 2 ? 200 : 422);
    }
    const refused = await from('203.0.113.7', person('Bot99'));
    expect(refused.status).toBe(429);
    expect(pageText(await refused.text())).toContain('Too many sign-ups from your network');
    expect((await from('198.51.100.4', person('Eve'))).status).toBe(200);
    expect(await stack.sql`select address, count(*)::int as attempts from enrolment_attempts group by 1 order by 1`).toEqual([
      { address: '198.51.100.4', attempts: 1 },
      { address: '203.0.113.7', attempts: ATTEMPTS_PER_ADDRESS_PER_HOUR + 1 },
    ]);
    // An hour later the address may try again.
    await stack.sql`update enrolment_attempts set at = at - interval '61 minutes'`;
    expect((await from('203.0.113.7', person('Fay'))).status).toBe(200);
  });

  it("says what to fix, and keeps the admin's actions for admins", async () => {
    await startCohort(stack, 'form-door', ['Mia:mentor']);
    const join = await openEnrolment('form-door', 10);
    await stack.sql`delete from enrolment_attempts`;
    const wrong = await signUp(join, { name: ' ', email: 'not-an-address', language: 'en' });
    expect(wrong.status).toBe(422);
    const text = pageText(await wrong.text());
    for (const problem of ['Enter your name', 'Enter a valid email address', 'Choose whether you join as a mentor or as a mentee'])
      expect(text).toContain(problem);
    expect((await webClient(stack.app).get('/join/no-such-link')).status).toBe(404);
    expect((await webClient(stack.app).get('/join/confirm/forged.token')).status).toBe(404);

    const stranger = webClient(stack.app);
    const response = await stranger.post('/admin/cohorts/form-door/enrolment/close', {});
    expect([302, 401, 403]).toContain(response.status);
    const [row] = await stack.sql<{ enrolmentOpen: boolean }[]>`select enrolment_open from cohorts where slug = 'form-door'`;
    expect(row!.enrolmentOpen).toBe(true);
  });
});
