import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createOutboxSender } from '../../activities/email/outbox-sender.js';
import { insertCohort } from '../../db/cohorts.js';
import { listParticipants } from '../../db/participants.js';
import { listOutboxMessages } from '../../db/emails.js';
import { getSurveyAnswers } from '../../db/survey-answers.js';
import { DEFAULT_PRIVACY_NOTICE } from '../../domain/privacy.js';
import { translator } from '../../i18n/translator.js';
import { createWorkflowClient } from '../../web/workflow-client.js';
import { cohortWorkflowId } from '../../workflows/cohort/contract.js';
import { eventually } from '../helpers/eventually.js';
import { MENTEE_ANSWERS, startCohort, surveyPath, shortSchedule } from '../helpers/cohort-fixtures.js';
import { hiddenFieldsOf } from '../../dev/admin-over-http.js';
import {
  ADMIN,
  PUBLIC_BASE_URL,
  createTestApp,
  startTestStack,
  startTestWorker,
  testDataConverter,
  type TestStack,
} from '../helpers/stack.js';
import { csvFile, pageText, webClient } from '../helpers/web-client.js';
import { createMetrics } from '../../observability/metrics.js';

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

async function submit(form: Record<string, string | File>) {
  const client = webClient(stack.app);
  await client.logIn();
  const hidden = await client.hiddenFields('/admin/cohorts/new');
  return client.post('/admin/cohorts', { ...hidden, ...fields, ...form });
}

const cohortCount = async () => (await stack.sql<{ n: number }[]>`select count(*)::int as n from cohorts`)[0]!.n;

describe('the new-cohort form', () => {
  it('lists every CSV problem by line and field, keeps what was typed, and saves nothing', async () => {
    const csv = 'name,email,role,language\nAda,ada@example.org,mentor,en\nBob,bob@,mentee,en\nCy,ADA@example.org,coach,en\n';
    const response = await submit({ name: 'Autumn <b>Cohort</b>', participants: csvFile(csv) });
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = pageText(html);
    expect(text).toContain('Please fix these 4 problems');
    expect(text).toContain('Line 3, email: "bob@" is not a valid email address.');
    expect(text).toContain('Line 4, email: ada@example.org is a duplicate of line 2.');
    expect(text).toContain('Line 4, role: "coach" is not a role; use mentor or mentee.');
    expect(html).toContain('value="Autumn &lt;b&gt;Cohort&lt;/b&gt;"'); // kept, and escaped
    expect(html).toContain('>We meet at least once a month and answer each check-in honestly.</textarea>');
    expect(await cohortCount()).toBe(0);
  });

  it('previews who the CSV holds with every problem at once, keeps the file, and creates only when asked', async () => {
    const client = webClient(stack.app);
    await client.logIn();
    const hidden = await client.hiddenFields('/admin/cohorts/new');
    const good =
      'name,email,role,language,language of communication\nAda,ada@example.org,mentor,English,\nBob,bob@example.org,mentee,English,fr\nCy,cy@example.org,mentee,French,fr\n';
    // A name too short and a bad line, together: both said, the file kept (its problems listed).
    const bad = await client.post('/admin/cohorts', {
      ...hidden,
      ...fields,
      name: 'Ab',
      step: 'preview',
      participants: csvFile(good.replace('cy@', 'cy@@')),
    });
    expect(bad.status).toBe(422);
    const badText = pageText(await bad.text());
    expect(badText).toContain('Please fix these 3 problems');
    expect(badText).toContain('Line 4, email: "cy@@example.org" is not a valid email address.');
    expect(badText).toContain('The file you chose is kept as it is: choose a corrected one.');
    // The right file, a name still too short: the name's error, and who the file holds, kept.
    const named = await client.post('/admin/cohorts', { ...hidden, ...fields, name: 'Ab', step: 'preview', participants: csvFile(good) });
    const namedHtml = await named.text();
    expect(named.status).toBe(422);
    expect(pageText(namedHtml)).toContain('3 participants: 2 mentees, 1 mentor');
    const kept = /name="participantsKept" value="([^"]+)"/.exec(namedHtml)?.[1];
    expect(Buffer.from(kept!, 'base64').toString()).toBe(good);
    // The name fixed, nothing chosen again: the preview, and nothing created yet.
    const noFile = new File([], '', { type: 'application/octet-stream' });
    const preview = await client.post('/admin/cohorts', {
      ...hidden,
      ...fields,
      name: 'Previewed',
      step: 'preview',
      participantsKept: kept!,
      participants: noFile,
    });
    expect(preview.status).toBe(200);
    const previewText = pageText(await preview.text());
    expect(previewText).toContain('3 participants: 2 mentees, 1 mentor');
    expect(previewText).toContain('Emails: 1 in English and 2 in French.');
    expect(previewText).toContain('Create cohort and invite participants');
    expect(await cohortCount()).toBe(0);
    const created = await client.post('/admin/cohorts', {
      ...hidden,
      ...fields,
      name: 'Previewed',
      step: 'create',
      participantsKept: kept!,
      participants: noFile,
    });
    expect(created.headers.get('location')).toBe('/admin/cohorts/previewed?notice=created');
    const [row] = await stack.sql<
      { n: number }[]
    >`select count(*)::int as n from participants p join cohorts c on c.id = p.cohort_id where c.slug = 'previewed'`;
    expect(row!.n).toBe(3);
    await stack.sql`delete from cohorts where slug = 'previewed'`;
  });

  it('names a missing column, an empty file and bad schedule fields', async () => {
    const missing = pageText(
      await (await submit({ name: 'Missing column', participants: csvFile('name,email\nAda,ada@example.org\n') })).text(),
    );
    expect(missing).toContain('Line 1: missing columns "role", "language"');
    const empty = await submit({ name: 'Empty file', participants: csvFile('') });
    expect(empty.status).toBe(422);
    expect(pageText(await empty.text())).toContain('Participants: the CSV file is empty');
    const schedule = pageText(
      await (await submit({ name: 'Bad schedule', surveyDuration: 'soon', checkInCount: '-1', participants: csvFile('x') })).text(),
    );
    expect(schedule).toContain('Survey open for: give a whole number above 0 and its unit');
    expect(schedule).toContain('Check-ins: 0 or more');
    expect(await cohortCount()).toBe(0);
  });

  it('refuses a CSV over 5 MB with the form and what was typed; refuses a huge upload before reading it', async () => {
    const response = await submit({
      name: 'Huge',
      description: 'Kept after the refusal',
      participants: csvFile('x'.repeat(5 * 1024 * 1024 + 100)),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(pageText(html)).toContain('The CSV file is 5,121 KB, over the limit of 5,120 KB (5 MB) by 1 KB.');
    expect(html).toContain('value="Huge"');
    expect(html).toContain('>Kept after the refusal</textarea>');
    const huge = await submit({ name: 'Huger', participants: csvFile('x'.repeat(26 * 1024 * 1024)) });
    expect(huge.status).toBe(413);
    expect(pageText(await huge.text())).toContain('The upload is over 25 MB; a participants CSV may be 5 MB at most.');
    expect(await cohortCount()).toBe(0);
  });

  it('keeps the privacy notice the admin wrote, which the survey shows above its consent box', async () => {
    const csv = 'name,email,role,language\nAda,ada@notice.example.org,mentor,en\n';
    const notice =
      'The Alumni Association keeps your answers for this programme only, for 6 months after it ends. Write to dpo@alumni.example.org.';
    expect((await submit({ name: 'Own notice', privacyNotice: notice, participants: csvFile(csv) })).status).toBe(303);
    const [cohort] = await stack.sql<
      { id: string; privacyNotice: string }[]
    >`select id, privacy_notice from cohorts where name = 'Own notice'`;
    expect(cohort!.privacyNotice).toBe(notice);
    const [ada] = await stack.sql<{ id: string }[]>`select id from participants where cohort_id = ${cohort!.id}`;
    const survey = await webClient(stack.app).get(
      `/survey/${stack.links.sign({ scope: 'survey', participantId: ada!.id, subjectId: cohort!.id, expiresAt: Date.now() + 86_400_000 })}`,
    );
    expect(pageText(await survey.text())).toContain(notice);
    await stack.sql`delete from cohorts where id = ${cohort!.id}`; // the tests below count cohorts
  });

  it('takes the default notice back as the default however the browser sends it (CRLF), so each participant reads it in their language', async () => {
    const csv = 'name,email,role,language,language of communication\nAda,ada@crlf.example.org,mentor,en,fr\n';
    const asSent = DEFAULT_PRIVACY_NOTICE.replace(/\n/g, '\r\n') + '\r\n';
    expect((await submit({ name: 'Default notice', privacyNotice: asSent, participants: csvFile(csv) })).status).toBe(303);
    const [cohort] = await stack.sql<
      { id: string; privacyNotice: string }[]
    >`select id, privacy_notice from cohorts where name = 'Default notice'`;
    expect(cohort!.privacyNotice).toBe('');
    const [ada] = await stack.sql<{ id: string }[]>`select id from participants where cohort_id = ${cohort!.id}`;
    const surveyText = async () =>
      pageText(
        await (
          await webClient(stack.app).get(
            `/survey/${stack.links.sign({ scope: 'survey', participantId: ada!.id, subjectId: cohort!.id, expiresAt: Date.now() + 86_400_000 })}`,
          )
        ).text(),
      );
    const french = pageText(translator('fr').t('privacy.default'));
    expect(await surveyText()).toContain(french.slice(0, 60));
    // A cohort stored by the release that compared the raw text holds the English default with CRLF: read as the default too.
    await stack.sql`update cohorts set privacy_notice = ${asSent} where id = ${cohort!.id}`;
    const text = await surveyText();
    expect(text).toContain(french.slice(0, 60));
    expect(text).not.toContain('What we collect');
    await stack.sql`delete from cohorts where id = ${cohort!.id}`; // the tests below count cohorts
  });

  it("preselects the time zone of the admin's browser, offering every zone by region with its offset", async () => {
    const admin = webClient(stack.app);
    const login = await admin.post('/admin/login', {
      user: ADMIN.user,
      password: ADMIN.password,
      next: '/admin',
      timeZone: 'America/Toronto',
    });
    expect(login.status).toBe(303);
    const form = await (await admin.get('/admin/cohorts/new')).text();
    expect(form).toMatch(/<optgroup label="Americas">[^]*<option value="America\/Toronto" selected="">Toronto \(UTC-[45]\)<\/option>/);
    expect(form.match(/selected="">[^<]*\(UTC/g)).toHaveLength(1);
    expect((form.match(/<option value="[A-Z][a-z]+\/[^"]+"/g) ?? []).length).toBeGreaterThan(400);
  });

  it('refuses a second cohort with the same name, keeping the first', async () => {
    const csv = 'name,email,role,language\nAda,ada@example.org,mentor,en\n';
    expect((await submit({ name: 'Twice', participants: csvFile(csv) })).status).toBe(303);
    const second = await submit({ name: 'Twice!', participants: csvFile(csv) });
    expect(second.status).toBe(422);
    expect(pageText(await second.text())).toContain('A cohort with the address "twice" already exists');
    expect(await cohortCount()).toBe(1);
  });

  it('creates a flash mentoring cohort: its meetings in the schedule, automatic approval, no objectives; its own fields checked', async () => {
    const csv = 'name,email,role,language\nAda,ada@example.org,mentor,English\n';
    const tooLong = pageText(
      await (await submit({ name: 'Flash too long', format: 'flash', meetingWindow: '30w', participants: csvFile(csv) })).text(),
    );
    expect(tooLong).toContain('Meetings within: the charter and the meetings must fit within the programme length');
    const bad = pageText(
      await (await submit({ name: 'Flash bad', format: 'flash', meetings: '3', meetingWindow: 'soon', participants: csvFile(csv) })).text(),
    );
    expect(bad).toContain('Meetings: choose 1 or 2');
    expect(bad).toContain('Meetings within: give a whole number above 0 and its unit');
    expect(pageText(await (await submit({ name: 'Odd format', format: 'weekend', participants: csvFile(csv) })).text())).toContain(
      'Programme format: choose a long programme or flash mentoring',
    );
    // Its check-ins are for the pairs that go on, so they may run past the flash programme's own length.
    const created = await submit({
      name: 'Flash autumn',
      format: 'flash',
      meetings: '2',
      meetingWindow: '3w',
      programmeDuration: '6w',
      objectives: 'on',
      participants: csvFile(csv),
    });
    expect(created.status).toBe(303);
    const [cohort] = await stack.sql<
      { schedule: { flash: unknown }; matchSettings: { autoApprove: boolean }; objectives: boolean }[]
    >`select schedule, match_settings, objectives from cohorts where slug = 'flash-autumn'`;
    expect(cohort!.schedule.flash).toEqual({ meetings: 2, meetingWindowMs: 21 * 86_400_000 });
    expect(cohort!.matchSettings.autoApprove).toBe(true);
    expect(cohort!.objectives).toBe(false);
    // A long programme keeps its defaults: reviewed proposals, no flash meetings.
    expect((await submit({ name: 'Long autumn', participants: csvFile(csv) })).status).toBe(303);
    const [long] = await stack.sql<
      { schedule: { flash?: unknown }; matchSettings: unknown }[]
    >`select schedule, match_settings from cohorts where slug = 'long-autumn'`;
    expect(long).toMatchObject({ matchSettings: null });
    expect(long!.schedule.flash).toBeUndefined();
  });
});

describe('a CSV from Excel', () => {
  it('takes a CSV saved by Excel in a French or German locale: semicolons, a byte-order mark, names in any script', async () => {
    const csv =
      '\uFEFFname;email;role;language\r\nZoë Ndiaye;zoe@example.org;mentor;français\r\nعائشة 🌱;aicha@example.org;mentee;arabe\r\n';
    const response = await submit({ name: 'Excel cohort', participants: csvFile(csv) });
    expect(response.status).toBe(303);
    const [cohort] = await stack.sql<{ id: string }[]>`select id from cohorts where name = 'Excel cohort'`;
    const people = (await listParticipants(stack.sql, cohort!.id)).map(({ name, email, role }) => ({ name, email, role }));
    expect(people).toEqual([
      { name: 'Zoë Ndiaye', email: 'zoe@example.org', role: 'mentor' },
      { name: 'عائشة 🌱', email: 'aicha@example.org', role: 'mentee' },
    ]);
  });
});

describe('when Temporal cannot take an admin action', () => {
  it('adding a late joiner: the 503 page keeps the form; sent again once Temporal is back, the person is invited, once', async () => {
    const { cohort } = await insertCohort(stack.sql, {
      formId: crypto.randomUUID(),
      slug: `late-busy-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Late and busy',
      description: '',
      charter: 'We meet at least once a month.',
      schedule: shortSchedule(),
      participants: [{ line: 2, name: 'Dee', email: 'dee@example.org', role: 'mentee', languages: ['English'], attributes: {} }],
    });
    const taskQueue = `late-busy-${cohort.id}`;
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const workflows = createWorkflowClient({
      connection,
      namespace: 'default',
      taskQueue,
      dataConverter: testDataConverter,
      updateWaitMs: 1_000,
    });
    const admin = webClient(createTestApp({ sql: stack.sql, workflows, links: stack.links }));
    try {
      await workflows.startCohort(cohort, 1);
      await admin.logIn();
      const { _csrf } = await admin.hiddenFields(`/admin/cohorts/${cohort.slug}`);
      // No worker takes the cohort's update: the page says so and keeps what was typed.
      const busy = await admin.post(`/admin/cohorts/${cohort.slug}/participants`, {
        _csrf: _csrf!,
        name: 'Kai Late',
        email: 'kai@late.example.org',
        role: 'mentor',
        language: 'English',
      });
      expect(busy.status).toBe(503);
      const page = await busy.text();
      expect(pageText(page)).toContain('Tandem cannot reach its workflow engine right now');
      const kept = hiddenFieldsOf(page);
      expect(kept).toMatchObject({ name: 'Kai Late', email: 'kai@late.example.org', role: 'mentor' });

      const activities = createActivities({
        metrics: createMetrics(),
        sql: stack.sql,
        sender: createOutboxSender(stack.sql),
        from: 't@x.org',
        links: stack.links,
        publicBaseUrl: PUBLIC_BASE_URL,
        temporal: { client: stack.client, taskQueue },
      });
      const worker = await startTestWorker(activities, { taskQueue });
      try {
        // The same form, sent again (again while the worker warms up, as a person would): not refused as a
        // duplicate, since the person was stored but never invited; invited once however often it is sent.
        const again = await eventually(
          async () => {
            const response = await admin.post(`/admin/cohorts/${cohort.slug}/participants`, kept);
            expect(response.status).toBe(303);
            return response;
          },
          30_000,
          200,
        );
        expect(again.headers.get('location')).toMatch(new RegExp(`^/admin/cohorts/${cohort.slug}\\?(notice=added|problem=duplicate)$`));
        await eventually(async () => expect(await listOutboxMessages(stack.sql, { to: 'kai@late.example.org' })).toHaveLength(1));
        // Once invited, the same person again is a duplicate.
        expect((await admin.post(`/admin/cohorts/${cohort.slug}/participants`, kept)).headers.get('location')).toBe(
          `/admin/cohorts/${cohort.slug}?problem=duplicate`,
        );
      } finally {
        await worker.stop();
      }
    } finally {
      await connection.close();
    }
  });
});

describe('when the database does not confirm an answer', () => {
  it('the page says it may not be saved and keeps the form; sent again, the answer as edited is the one stored', async () => {
    const cohort = await startCohort(stack, `unconfirmed-${crypto.randomUUID().slice(0, 8)}`, ['Ava:mentee']);
    const path = await surveyPath(stack, cohort, `ava@${cohort.slug}.example.org`);
    const ava = webClient(stack.app);
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(await (await ava.get(path)).text())![1]!;
    // The write breaks half-way: the answer is stored, then the signal owed for it cannot be, so nothing is kept.
    await stack.sql
      .unsafe(`create function break_write() returns trigger language plpgsql as $$ begin raise exception 'connection lost'; end $$;
      create trigger break_write before insert on workflow_signals for each row execute function break_write()`);
    let failed: Response;
    try {
      failed = await ava.post(path, { submissionId, ...MENTEE_ANSWERS, goals: 'First version' });
    } finally {
      await stack.sql.unsafe('drop trigger break_write on workflow_signals; drop function break_write()');
    }
    expect(failed.status).toBe(503);
    const page = await failed.text();
    expect(pageText(page)).toContain('We could not confirm that your answers were saved');
    expect(pageText(page)).toContain('If the first sending did arrive, sending again simply replaces it.');
    expect(page).toContain('First version');
    expect(page).toContain(`value="${submissionId}"`); // the same form: sending it again replaces, never adds
    const [{ id: avaId }] = await stack.sql<[{ id: string }]>`select id from participants where cohort_id = ${cohort.id}`;
    expect(await getSurveyAnswers(stack.sql, avaId)).toBeUndefined();
    // Edited and sent again from that page: stored, and the edit is what is kept.
    const again = await ava.post(path, { submissionId, ...MENTEE_ANSWERS, goals: 'Second version' });
    expect(again.status).toBe(200);
    expect((await getSurveyAnswers(stack.sql, avaId))?.answers).toMatchObject({ goals: 'Second version' });
  });
});

describe('when Temporal cannot take an answer', () => {
  it('stores it and thanks the participant at once; the cohort hears of it when its worker is back', async () => {
    const { cohort } = await insertCohort(stack.sql, {
      formId: crypto.randomUUID(),
      slug: `no-worker-${crypto.randomUUID().slice(0, 8)}`,
      name: 'No worker',
      description: '',
      charter: 'We meet at least once a month.',
      schedule: shortSchedule(),
      participants: [{ line: 2, name: 'Dee', email: 'dee@example.org', role: 'mentee', languages: ['English'], attributes: {} }],
    });
    const taskQueue = `no-worker-yet-${cohort.id}`;
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const workflows = createWorkflowClient({ connection, namespace: 'default', taskQueue, dataConverter: testDataConverter });
    const app = createTestApp({ sql: stack.sql, workflows, links: stack.links });
    try {
      await workflows.startCohort(cohort, 1);
      const [dee] = await stack.sql<{ id: string }[]>`select id from participants where cohort_id = ${cohort.id}`;
      const token = stack.links.sign({ scope: 'survey', participantId: dee!.id, subjectId: cohort.id, expiresAt: Date.now() + 86_400_000 });
      const answers = {
        submissionId: crypto.randomUUID(),
        goals: 'Learn to lead a team',
        helpWith: 'Leadership',
        languages: 'English',
        field: 'Technology',
        availability: 'weekly',
        meetingMode: 'remote',
        consent: 'on',
      };
      // No worker polls this cohort's queue: the answer does not need one.
      const sent = Date.now();
      const response = await webClient(app).post(`/survey/${token}`, answers);
      expect(response.status).toBe(200);
      expect(Date.now() - sent).toBeLessThan(1_000);
      expect(pageText(await response.text())).toContain('Your answers are saved');
      // The same form sent again, edited: the edit is what is kept.
      expect((await webClient(app).post(`/survey/${token}`, { ...answers, goals: 'Learn to lead a team of ten' })).status).toBe(200);
      expect((await getSurveyAnswers(stack.sql, dee!.id))?.answers).toMatchObject({ goals: 'Learn to lead a team of ten' });

      // A worker comes: the cohort counts the answer (the signal owed for it was taken by the relay; the edit owed none).
      const activities = createActivities({
        metrics: createMetrics(),
        sql: stack.sql,
        sender: createOutboxSender(stack.sql),
        from: 't@x.org',
        links: stack.links,
        publicBaseUrl: PUBLIC_BASE_URL,
        temporal: { client: stack.client, taskQueue },
      });
      const worker = await startTestWorker(activities, { taskQueue });
      try {
        await eventually(async () => expect(await workflows.cohortState(cohort.slug)).toMatchObject({ answered: 1, total: 1 }));
        await eventually(async () =>
          expect(await stack.sql`select 1 from workflow_signals where workflow_id = ${cohortWorkflowId(cohort.slug)}`).toHaveLength(0),
        );
      } finally {
        await worker.stop();
      }
    } finally {
      await connection.close();
    }
  });
});

describe('a form an admin fills in without the README', () => {
  it('offers a CSV to fill in, which the form takes as it is, with durations as a number and a unit', async () => {
    const admin = webClient(stack.app);
    await admin.logIn();
    const template = await admin.get('/admin/cohorts/template.csv');
    expect(template.headers.get('content-disposition')).toContain('attachment');
    const csv = await template.text();
    const hidden = await admin.hiddenFields('/admin/cohorts/new');
    const created = await admin.post('/admin/cohorts', {
      ...hidden,
      name: 'From the template',
      charter: fields.charter,
      surveyDuration: '10',
      surveyDurationUnit: 'd',
      charterDuration: '3',
      charterDurationUnit: 'd',
      checkInCount: '4',
      checkInInterval: '1',
      checkInIntervalUnit: 'w',
      programmeDuration: '12',
      programmeDurationUnit: 'w',
      retention: '26',
      retentionUnit: 'w',
      participants: csvFile(csv, 'template.csv'),
    });
    expect(created.status).toBe(303);
    const [cohort] = await stack.sql<{ id: string; schedule: { checkInIntervalMs: number; programmeDurationMs: number } }[]>`
      select id, schedule from cohorts where name = 'From the template'`;
    expect(cohort!.schedule).toMatchObject({ checkInIntervalMs: 7 * 86_400_000, programmeDurationMs: 12 * 7 * 86_400_000 });
    expect((await listParticipants(stack.sql, cohort!.id)).map((p) => [p.name, p.role, p.timeZone, p.attributes])).toEqual([
      ['Claire Martin', 'mentor', 'Europe/Paris', { 'Class of': '2009' }],
      ['Amina Diallo', 'mentee', 'Africa/Dakar', { 'Class of': '2026' }],
    ]);
    await stack.sql`delete from cohorts where id = ${cohort!.id}`; // the tests above count cohorts

    // A number without sense is refused in words, and shown again with its unit.
    const refused = await admin.post('/admin/cohorts', {
      ...(await admin.hiddenFields('/admin/cohorts/new')),
      ...fields,
      name: 'Zero weeks',
      programmeDuration: '0',
      programmeDurationUnit: 'w',
      participants: csvFile(csv),
    });
    const page = await refused.text();
    expect(pageText(page)).toContain('Programme length: give a whole number above 0 and its unit');
    expect(page).toMatch(/<option value="w" selected="">weeks<\/option>/);
  });
});
