import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts, listPairAlerts, signaturesOf } from '../../db/pair-lifecycle.js';
import { alertText } from '../../domain/alerts.js';
import { getOutboxMessage, listOutboxMessages, recordSentEmail } from '../../db/emails.js';
import { freePort } from '../../dev/ports.js';
import { listActivePairs } from '../../db/matching.js';
import { translator } from '../../i18n/translator.js';
import { createWorkflowClient } from '../../web/workflow-client.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, approvedPairOf, charterPath, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { hiddenFieldsOf } from '../../dev/admin-over-http.js';
import { createTestApp, startTestStack, testDataConverter, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { renameParticipant } from '../helpers/people.js';
import { listParticipants } from '../../db/participants.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const approvedPair = (slug: string, charterMs: number, checkInMs?: number) =>
  approvedPairOf(stack, slug, { charterMs, ...(checkInMs ? { checkInMs } : {}) });

describe('the charter of commitment, by emailed link', () => {
  it("both sign (after a field error), the pair starts and each receives the other's contact", async () => {
    const slug = 'charter-signed';
    const { pair } = await approvedPair(slug, 3_600_000);
    // One email introduces Mia and carries the charter to sign, with its link.
    const emails = await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` });
    expect(emails.map((m) => m.subject).filter((s) => s.includes('Mia'))).toEqual([`Cohort ${slug}: meet your mentor, Mia`]);
    const introduction = await getOutboxMessage(stack.sql, emails.find((m) => m.subject.includes('meet your mentor'))!.id);
    expect(introduction!.text).toContain('Ava, meet your mentor: Mia'); // a heading keeps its case, and so do names
    expect(introduction!.text).toContain('Before you start: your charter of commitment');
    expect(introduction!.text).toContain('We meet monthly and answer every check-in honestly.');
    expect(introduction!.html).toMatch(/href="[^"]+\/charter\/[^"]+"/);

    // Before anyone signs, the admin nudges the pair from its page.
    const nudger = webClient(stack.app);
    await nudger.logIn();
    const pairPage = `/admin/cohorts/${slug}/pairs/${pair.id}`;
    const { _csrf: nudgeCsrf } = await nudger.hiddenFields(pairPage);
    const nudged = await nudger.post(`${pairPage}/nudge`, { _csrf: nudgeCsrf! });
    expect(nudged.headers.get('location')).toBe(`${pairPage}?notice=nudged`);
    await eventually(async () =>
      expect((await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` })).map((m) => m.subject)).toContain(
        `Reminder: sign your Cohort ${slug} charter with Mia by ${translator('en').instant(pair.charterDeadline!)}`,
      ),
    );

    const ava = webClient(stack.app);
    const avaLink = charterPath(stack, pair.id, pair.menteeId);
    const page = pageText(await (await ava.get(avaLink)).text());
    expect(page).toContain('you are paired with Mia');
    const invalid = await ava.post(avaLink, { requestId: crypto.randomUUID(), typedName: 'Ava Stone' });
    expect(invalid.status).toBe(422);
    const invalidHtml = await invalid.text();
    expect(pageText(invalidHtml)).toContain('Tick the box to commit to the charter');
    expect(invalidHtml).toContain('value="Ava Stone"');
    const signed = await ava.post(avaLink, { requestId: crypto.randomUUID(), typedName: 'Ava Stone', agree: 'on' });
    const first = pageText(await signed.text());
    expect(first).toContain('You signed as “Ava Stone”');
    expect(first).toContain('When Mia signs too, we will send you each other');
    const again = await ava.post(avaLink, { requestId: crypto.randomUUID(), typedName: 'Ava S.', agree: 'on' });
    expect(again.status).toBe(409); // the workflow refused a second signature; the page says why
    expect(pageText(await again.text())).toContain('You have signed this charter');

    const mia = webClient(stack.app);
    // The second to sign is told the pair is starting, not to wait for Ava, whatever the workflow has done yet.
    const second = pageText(
      await (
        await mia.post(charterPath(stack, pair.id, pair.mentorId), { requestId: crypto.randomUUID(), typedName: 'Mia Lopez', agree: 'on' })
      ).text(),
    );
    expect(second).toMatch(/Ava has signed too: your pair is starting|Your pair with Ava has started/);
    expect(second).not.toContain('When Ava signs too');
    await eventually(async () =>
      expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).stage).toBe('active'),
    );
    await eventually(async () => {
      const [kickOff] = (await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` })).filter((m) =>
        m.subject.includes('starts'),
      );
      expect(kickOff).toBeDefined();
      expect((await getOutboxMessage(stack.sql, kickOff!.id))!.text).toContain(`mia@${slug}.example.org`);
    });
    expect(pageText(await (await mia.get(charterPath(stack, pair.id, pair.mentorId))).text())).toContain('Your pair with Ava has started');
    const admin = webClient(stack.app);
    await admin.logIn();
    expect(await (await admin.get(`/admin/cohorts/${slug}`)).text()).toContain('data-pair-stage="active"');
    const signatures = await signaturesOf(stack.sql, pair.id);
    expect(signatures.map((s) => s.typedName).sort()).toEqual(['Ava Stone', 'Mia Lopez']);

    // The admin ends the pair early, objectives achieved: it closes with its final survey.
    const { _csrf } = await admin.hiddenFields(pairPage);
    const other = await admin.post(`${pairPage}/end`, { _csrf: _csrf!, reason: 'other', details: '' });
    expect(other.status).toBe(422);
    expect(pageText(await other.text())).toContain('Details: say why the pair ends');
    const ended = await admin.post(`${pairPage}/end`, { _csrf: _csrf!, reason: 'objectives achieved', details: '' });
    expect(ended.headers.get('location')).toBe(`${pairPage}?notice=ended`);
    await eventually(async () =>
      expect((await listOutboxMessages(stack.sql, { to: `mia@${slug}.example.org` })).map((m) => m.subject)).toContain(
        `Cohort ${slug}: how did it go with Ava?`,
      ),
    );
  });

  it('dissolves a pair whose charter is not signed in time: the signer stays, the other leaves, everyone is told', async () => {
    const slug = 'charter-dissolved';
    const { cohort, pair } = await approvedPair(slug, 4_000);
    await webClient(stack.app).post(charterPath(stack, pair.id, pair.mentorId), {
      requestId: crypto.randomUUID(),
      typedName: 'Mia Lopez',
      agree: 'on',
    });
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).describe()).status.name).toBe('COMPLETED'),
      15_000,
    );

    const [row] = await stack.sql`select status, stage, ended_reason from pairs where id = ${pair.id}`;
    expect(row).toMatchObject({ status: 'ended', stage: 'dissolved', endedReason: 'charter not signed in time' });
    const left = (await listParticipants(stack.sql, cohort.id)).filter((p) => p.leftAt);
    expect(left.map((p) => p.name)).toEqual(['Ava']);
    const subjects = (await listOutboxMessages(stack.sql)).map((m) => `${m.toAddress.split('<')[1]} ${m.subject}`);
    expect(subjects.filter((s) => s.startsWith(`ava@${slug}.example.org> Reminder: sign your Cohort ${slug} charter`))).toHaveLength(1);
    expect(subjects.filter((s) => s.startsWith(`mia@${slug}.example.org> Reminder`))).toHaveLength(0);
    expect(subjects.filter((s) => s.includes('did not start'))).toHaveLength(2);
    // Both alerts are on the pair's page; the cohort's keeps the dissolution only, the pair having ended.
    expect((await listPairAlerts(stack.sql, pair.id)).map((a) => alertText(a, translator('en')))).toEqual([
      'Ava (mentee) and Mia (mentor): the pair is dissolved, the charter was not signed in time.',
      expect.stringMatching(/^Ava \(mentee\) and Mia \(mentor\): the charter is not signed by Ava; the pair is dissolved at /),
    ]);
    expect((await listAlerts(stack.sql, cohort.id)).map((a) => alertText(a, translator('en')))).toEqual([
      'Ava (mentee) and Mia (mentor): the pair is dissolved, the charter was not signed in time.',
    ]);
    expect((await listOutboxMessages(stack.sql, { to: 'admin@tandem.test' })).length).toBe(2);
    const admin = webClient(stack.app);
    await admin.logIn();
    const cohortPage = pageText(await (await admin.get(`/admin/cohorts/${slug}`)).text());
    expect(cohortPage).toContain('Needs your attention (1) For information Ava and Mia');
    // Too late for Ava now; Mia went back to the cohort, whose next round has nobody to match her with.
    const late = await webClient(stack.app).get(charterPath(stack, pair.id, pair.menteeId));
    expect(pageText(await late.text())).toContain('This charter is closed');
    await eventually(async () => expect(await stack.workflows.cohortState(slug)).toMatchObject({ stage: 'running', rounds: 2 }));
  });
});

describe('the admin follows a pair from its page', () => {
  const subjectsTo = async (email: string) => (await listOutboxMessages(stack.sql, { to: email })).map((m) => m.subject);

  it('extends the charter (both told the new date), keeps both, then pauses and resumes the running pair', async () => {
    const slug = 'pair-page';
    const { pair } = await approvedPair(slug, 60_000, 3_600_000);
    const admin = webClient(stack.app);
    await admin.logIn();
    const pairPage = `/admin/cohorts/${slug}/pairs/${pair.id}`;
    expect(pageText(await (await admin.get(`/admin/cohorts/${slug}`)).text())).toContain('Open');
    const page = pageText(await (await admin.get(pairPage)).text());
    expect(page).toContain(`Waiting for Ava and Mia to sign the charter, until ${translator('en').instant(pair.charterDeadline!)}.`);
    const { _csrf } = await admin.hiddenFields(pairPage);

    const typo = await admin.post(`${pairPage}/extend`, { _csrf: _csrf!, requestId: crypto.randomUUID(), by: 'three days' });
    expect(typo.status).toBe(422);
    const typoHtml = await typo.text();
    expect(pageText(typoHtml)).toContain('Extend by: write a duration such as 30s, 10m, 2h, 14d or 2w');
    expect(typoHtml).toContain('value="three days"');
    const extended = await admin.post(`${pairPage}/extend`, { _csrf: _csrf!, requestId: crypto.randomUUID(), by: '1h' });
    expect(extended.headers.get('location')).toBe(`${pairPage}?notice=extended`);
    const newDeadline = pair.charterDeadline!.getTime() + 3_600_000;
    const [row] = await stack.sql`select charter_deadline from pairs where id = ${pair.id}`;
    expect(row!.charterDeadline.getTime()).toBe(newDeadline);
    for (const [email, partner] of [
      [`ava@${slug}.example.org`, 'Mia'],
      [`mia@${slug}.example.org`, 'Ava'],
    ]) {
      expect(await subjectsTo(email!)).toContain(
        `Reminder: sign your Cohort ${slug} charter with ${partner} by ${translator('en').instant(newDeadline)}`,
      );
    }
    const kept = await admin.post(`${pairPage}/keep-both`, { _csrf: _csrf!, keepBoth: 'yes' });
    expect(kept.headers.get('location')).toBe(`${pairPage}?notice=keep-both`);
    expect(pageText(await (await admin.get(pairPage)).text())).toContain('If it is not signed in time, both are matched again.');

    for (const [id, name] of [
      [pair.menteeId, 'Ava Stone'],
      [pair.mentorId, 'Mia Lopez'],
    ] as const) {
      await webClient(stack.app).post(charterPath(stack, pair.id, id), { requestId: crypto.randomUUID(), typedName: name, agree: 'on' });
    }
    await eventually(async () =>
      expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).stage).toBe('active'),
    );
    const noReason = await admin.post(`${pairPage}/pause`, { _csrf: _csrf!, reason: '' });
    expect(noReason.status).toBe(422);
    expect(pageText(await noReason.text())).toContain('Reason: say why the pair is paused; both parties read it');
    const paused = await admin.post(`${pairPage}/pause`, { _csrf: _csrf!, reason: 'Mia is travelling until March' });
    expect(paused.headers.get('location')).toBe(`${pairPage}?notice=paused`);
    expect(pageText(await (await admin.get(pairPage)).text())).toContain('Paused since');
    // A check-in link says so before anything is typed, and that the same link works again after the pause.
    const checkInLink = `/check-in/${stack.links.sign({ scope: 'check-in', participantId: pair.menteeId, subjectId: `${pair.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
    const whilePaused = await webClient(stack.app).get(checkInLink);
    expect(whilePaused.status).toBe(409);
    expect(pageText(await whilePaused.text())).toContain('This same link works again as soon as the pair resumes');
    expect(await (await admin.get(`/admin/cohorts/${slug}`)).text()).toContain('data-paused');
    const twice = await admin.post(`${pairPage}/pause`, { _csrf: _csrf!, reason: 'again' });
    expect(twice.status).toBe(409);
    expect(pageText(await twice.text())).toContain('The pair is already paused.');
    const pauseEmail = await eventually(async () => {
      const [found] = (await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` })).filter(
        (m) => m.subject === `Cohort ${slug}: your pair with Mia is paused`,
      );
      return (await getOutboxMessage(stack.sql, found!.id))!;
    });
    expect(pauseEmail.text).toContain('Mia is travelling until March');

    // Temporal away (a web app whose server is not there): the action's 503 page keeps what was typed.
    const nowhere = Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 200 });
    const cutOff = webClient(
      createTestApp({
        sql: stack.sql,
        links: stack.links,
        workflows: createWorkflowClient({
          connection: nowhere,
          namespace: 'default',
          taskQueue: 'nowhere',
          dataConverter: testDataConverter,
          updateWaitMs: 1_000,
        }),
      }),
    );
    await cutOff.logIn();
    const busy = await cutOff.post(`${pairPage}/pause`, {
      _csrf: (await cutOff.hiddenFields(pairPage))._csrf!,
      reason: 'Ava has exams until June',
    });
    expect(busy.status).toBe(503);
    const busyPage = await busy.text();
    expect(pageText(busyPage)).toContain('Tandem cannot reach its workflow engine right now');
    expect(hiddenFieldsOf(busyPage)).toMatchObject({ reason: 'Ava has exams until June' });
    // (left open: closing it would fail the calls its SDK is still retrying until their deadlines)

    // A participant whose address bounced is marked on the pair's page too.
    await recordSentEmail(stack.sql, {
      idempotencyKey: `bounce-test:${pair.id}`,
      kind: 'charter-reminder',
      cohortId: pair.cohortId,
      participantId: pair.menteeId,
      toAddress: `ava@${slug}.example.org`,
      providerMessageId: null,
      status: 'bounced',
      error: 'Resend 422 validation_error: Invalid `to` field.',
    });
    expect(await (await admin.get(pairPage)).text()).toContain(`data-bounced="ava@${slug}.example.org"`);

    const resumed = await admin.post(`${pairPage}/resume`, { _csrf: _csrf! });
    expect(resumed.headers.get('location')).toBe(`${pairPage}?notice=resumed`);
    expect(await subjectsTo(`mia@${slug}.example.org`)).toContain(`Cohort ${slug}: your pair with Ava resumes`);
    const [after] = await stack.sql`select paused_since from pairs where id = ${pair.id}`;
    expect(after!.pausedSince).toBeNull();
    await stack.client.workflow.getHandle(pair.workflowId).terminate('test done');
  });

  it('keeps both in the programme when neither signs in time: nobody leaves, both are matched again', async () => {
    const slug = 'keep-both';
    const { cohort, pair } = await approvedPair(slug, 4_000);
    const admin = webClient(stack.app);
    await admin.logIn();
    const pairPage = `/admin/cohorts/${slug}/pairs/${pair.id}`;
    const { _csrf } = await admin.hiddenFields(pairPage);
    await admin.post(`${pairPage}/keep-both`, { _csrf: _csrf!, keepBoth: 'yes' });
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).describe()).status.name).toBe('COMPLETED'),
      15_000,
    );
    expect((await listParticipants(stack.sql, cohort.id)).filter((p) => p.leftAt)).toHaveLength(0);
    const told = await getOutboxMessage(
      stack.sql,
      (await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` })).find((m) => m.subject.includes('did not start'))!.id,
    );
    expect(told!.text).toContain('The programme team keeps you in the programme all the same');
    // Both went back to the cohort: its next round proposes nothing new (they are kept apart), and says so.
    await eventually(async () => expect(await stack.workflows.cohortState(slug)).toMatchObject({ rounds: 2 }));
    const late = await admin.post(`${pairPage}/keep-both`, { _csrf: _csrf!, keepBoth: 'no' });
    expect(late.status).toBe(409);
  });
});

describe('check-ins, by emailed link', () => {
  it("a paused pair's open check-in: its link says paused before anything is typed, and shows the form again once resumed", async () => {
    const slug = 'paused-link';
    const { pair } = await approvedPair(slug, 3_600_000, 20_000);
    for (const [id, name] of [
      [pair.menteeId, 'Ava Stone'],
      [pair.mentorId, 'Mia Lopez'],
    ] as const) {
      await webClient(stack.app).post(charterPath(stack, pair.id, id), { requestId: crypto.randomUUID(), typedName: name, agree: 'on' });
    }
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(0),
      20_000,
    );
    const link = `/check-in/${stack.links.sign({ scope: 'check-in', participantId: pair.menteeId, subjectId: `${pair.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
    const ava = webClient(stack.app);
    expect(pageText(await (await ava.get(link)).text())).toContain('Check-in 1: you and Mia');
    const admin = webClient(stack.app);
    await admin.logIn();
    const pairPage = `/admin/cohorts/${slug}/pairs/${pair.id}`;
    const { _csrf } = await admin.hiddenFields(pairPage);
    expect((await admin.post(`${pairPage}/pause`, { _csrf: _csrf!, reason: 'Mia is ill this month' })).headers.get('location')).toBe(
      `${pairPage}?notice=paused`,
    );
    const whilePaused = await ava.get(link);
    expect(whilePaused.status).toBe(409);
    expect(pageText(await whilePaused.text())).toContain('This same link works again as soon as the pair resumes');
    expect((await admin.post(`${pairPage}/resume`, { _csrf: _csrf! })).headers.get('location')).toBe(`${pairPage}?notice=resumed`);
    // The very same link: the form again, and an answer is taken.
    const resumed = await ava.get(link);
    expect(resumed.status).toBe(200);
    expect(pageText(await resumed.text())).toContain('Check-in 1: you and Mia');
    expect(
      (await ava.post(link, { requestId: crypto.randomUUID(), met: 'yes', meetings: '1', rating: '4', blocking: '', continue: 'yes' }))
        .status,
    ).toBe(200);
    await stack.client.workflow.getHandle(pair.workflowId).terminate('test done');
  });

  it('both answer; a low rating makes the pair need attention, the admin is alerted; a closed round says so', async () => {
    const slug = 'check-in-flow';
    const { cohort, pair } = await approvedPair(slug, 3_600_000, 4_000);
    for (const [id, name] of [
      [pair.menteeId, 'Ava Stone'],
      [pair.mentorId, 'Mia Lopez'],
    ] as const) {
      await webClient(stack.app).post(charterPath(stack, pair.id, id), { requestId: crypto.randomUUID(), typedName: name, agree: 'on' });
    }
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(0),
      15_000,
    );
    const request = await eventually(async () => {
      const [found] = (await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` })).filter((m) =>
        m.subject.includes('one-minute check-in'),
      );
      expect(found).toBeDefined();
      return getOutboxMessage(stack.sql, found!.id);
    });
    expect(request!.subject).toBe(`Cohort ${slug}: a one-minute check-in about Mia`); // a mentor of several tells them apart
    const avaLink = /href="http:\/\/localhost(\/check-in\/[^"]+)"/.exec(request!.html)![1]!;
    const ava = webClient(stack.app);
    expect(pageText(await (await ava.get(avaLink)).text())).toContain('Check-in 1: you and Mia');
    const missing = await ava.post(avaLink, { requestId: crypto.randomUUID(), rating: '1', continue: 'yes' });
    expect(missing.status).toBe(422);
    const missingHtml = await missing.text();
    expect(pageText(missingHtml)).toContain('Say whether you have met since the last check-in');
    expect(missingHtml).toContain('value="1" checked');
    // The same form sent again (after an error page, say), edited: the edit is what counts. Another form is refused.
    const sameForm = crypto.randomUUID();
    expect(
      (await ava.post(avaLink, { requestId: sameForm, met: 'yes', meetings: '1', rating: '2', blocking: 'We disagree', continue: 'yes' }))
        .status,
    ).toBe(200);
    expect(
      (
        await ava.post(avaLink, {
          requestId: sameForm,
          met: 'yes',
          meetings: '1',
          rating: '1',
          blocking: 'We disagree on goals',
          continue: 'yes',
        })
      ).status,
    ).toBe(200);
    const another = await ava.post(avaLink, { requestId: crypto.randomUUID(), met: 'yes', meetings: '1', rating: '5', continue: 'yes' });
    expect(another.status).toBe(409);
    expect(pageText(await another.text())).toContain(
      'You had already answered this check-in, so these answers were not saved: your first ones are kept.',
    );

    const miaLink = `/check-in/${stack.links.sign({ scope: 'check-in', participantId: pair.mentorId, subjectId: `${pair.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
    expect(
      (
        await webClient(stack.app).post(miaLink, {
          requestId: crypto.randomUUID(),
          met: 'yes',
          meetings: '1',
          rating: '4',
          continue: 'yes',
        })
      ).status,
    ).toBe(200);
    await eventually(async () =>
      expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).health).toBe('needs-attention'),
    );
    // The health is known to the workflow a moment before its alert is stored.
    const [alert] = await eventually(async () => {
      const alerts = await listAlerts(stack.sql, cohort.id);
      expect(alerts).toHaveLength(1);
      return alerts;
    });
    expect(alertText(alert!, translator('en'))).toBe(
      'Ava (mentee) and Mia (mentor) need attention after check-in 1: the mentee rates it 1/5; the mentee says something is in the way; their ratings disagree (1/5 and 4/5). Ava: “We disagree on goals”',
    );
    // What Ava wrote is for the admin: the pair's workflow decided without it, and its history does not hold it.
    expect(JSON.stringify(await stack.client.workflow.getHandle(pair.workflowId).fetchHistory())).not.toContain('We disagree');
    const admin = webClient(stack.app);
    await admin.logIn();
    await eventually(async () =>
      expect(await (await admin.get(`/admin/cohorts/${slug}`)).text()).toContain('data-health="needs-attention"'),
    );
    // The admin deals with it: it leaves the cohort's list, and stays on the pair's page.
    const { _csrf: alertCsrf } = await admin.hiddenFields(`/admin/cohorts/${slug}`);
    const acknowledged = await admin.post(`/admin/cohorts/${slug}/alerts/${alert!.id}/acknowledge`, { _csrf: alertCsrf! });
    expect(acknowledged.headers.get('location')).toBe(`/admin/cohorts/${slug}?notice=acknowledged#alerts`);
    const cohortPage = pageText(await (await admin.get(`/admin/cohorts/${slug}`)).text());
    expect(cohortPage).not.toContain('need attention after check-in 1');
    expect(pageText(await (await admin.get(`/admin/cohorts/${slug}/pairs/${pair.id}`)).text())).toContain(
      'need attention after check-in 1',
    );
    expect((await admin.post(`/admin/cohorts/${slug}/alerts/987654321/acknowledge`, { _csrf: alertCsrf! })).status).toBe(404);
    // Round 1 is over: its link now says so.
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(1),
      15_000,
    );
    const old = await webClient(stack.app).get(miaLink);
    expect(old.status).toBe(200); // Mia answered round 1: the page thanks her rather than reopening it
    const stranger = stack.links.sign({
      scope: 'check-in',
      participantId: pair.mentorId,
      subjectId: `${pair.id}#7`,
      expiresAt: Date.now() + 86_400_000,
    });
    expect(pageText(await (await webClient(stack.app).get(`/check-in/${stranger}`)).text())).toContain('This check-in is closed');
  });
});

describe('a round opened before answers went to PostgreSQL first', () => {
  it('has no window: its answers go through the pair workflow as they did, and the round closes on them', async () => {
    const slug = 'legacy-round';
    const { pair } = await approvedPair(slug, 3_600_000, 12_000);
    for (const [id, name] of [
      [pair.menteeId, 'Ava Stone'],
      [pair.mentorId, 'Mia Lopez'],
    ] as const) {
      expect(
        (await webClient(stack.app).post(charterPath(stack, pair.id, id), { requestId: crypto.randomUUID(), typedName: name, agree: 'on' }))
          .status,
      ).toBe(200);
    }
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(0),
      25_000,
    );
    // The workflow shows the round open before its activity has opened the window: wait for the window, then remove it.
    await eventually(async () =>
      expect(await stack.sql`select 1 from answer_windows where pair_id = ${pair.id} and form = 'check-in'`).toHaveLength(1),
    );
    await stack.sql`delete from answer_windows where pair_id = ${pair.id} and form = 'check-in'`; // as a round opened by the release before
    for (const id of [pair.menteeId, pair.mentorId]) {
      const link = `/check-in/${stack.links.sign({ scope: 'check-in', participantId: id, subjectId: `${pair.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
      expect(pageText(await (await webClient(stack.app).get(link)).text())).toContain('Check-in 1: you and');
      expect(
        (await webClient(stack.app).post(link, { requestId: crypto.randomUUID(), met: 'yes', meetings: '2', rating: '5', continue: 'yes' }))
          .status,
      ).toBe(200);
    }
    await eventually(async () =>
      expect(await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).toMatchObject({
        health: 'on-track',
        checkIns: { done: 1, silentLastRound: [] },
      }),
    );
    const history = JSON.stringify(await stack.client.workflow.getHandle(pair.workflowId).fetchHistory());
    expect(history).toContain('submitCheckIn'); // the update of the release before
  });
});

describe('a whole short programme', () => {
  it('runs from the match to the final survey, and the cohort closes with its report and CSV', async () => {
    const slug = 'whole-programme';
    const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Ava:mentee'], {
      surveyMs: 6_000,
      programmeMs: 9_000,
      charterMs: 60_000,
      checkInMs: 4_000,
    });
    await answerSurveys(stack, cohort, { [`mia@${slug}.example.org`]: MENTOR_ANSWERS, [`ava@${slug}.example.org`]: MENTEE_ANSWERS });
    await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('review'), 15_000);
    await stack.workflows.approveMatch(slug, (await stack.workflows.cohortState(slug))!.proposal!.runId);
    const pair = await eventually(async () => {
      const [found] = await listActivePairs(stack.sql, cohort.id);
      expect((await stack.client.workflow.getHandle(found!.workflowId).query(pairStateQuery)).stage).toBe('charter');
      return found!;
    });
    for (const [id, name] of [
      [pair.menteeId, 'Ava Stone'],
      [pair.mentorId, 'Mia Lopez'],
    ] as const) {
      await webClient(stack.app).post(charterPath(stack, pair.id, id), { requestId: crypto.randomUUID(), typedName: name, agree: 'on' });
    }
    // Nobody answers the two check-ins (silent twice: at risk); at the programme's end the final survey goes out.
    await eventually(
      async () =>
        expect((await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` })).map((m) => m.subject)).toContain(
          `Cohort ${slug}: how did it go with Mia?`,
        ),
      20_000,
    );
    const link = (participantId: string) =>
      `/final-survey/${stack.links.sign({ scope: 'final-survey', participantId, subjectId: pair.id, expiresAt: Date.now() + 86_400_000 })}`;
    const ava = webClient(stack.app);
    expect(pageText(await (await ava.get(link(pair.menteeId))).text())).toContain('Did Mia answer your questions');
    const invalid = await ava.post(link(pair.menteeId), { satisfaction: '5', recommend: '11' });
    expect(invalid.status).toBe(422);
    expect(pageText(await invalid.text())).toContain('Say whether your mentor answered your questions');
    expect(
      (await ava.post(link(pair.menteeId), { questionsAnswered: 'yes', satisfaction: '5', recommend: '10', improve: 'More, please' }))
        .status,
    ).toBe(200);
    const second = await ava.post(link(pair.menteeId), {
      questionsAnswered: 'no',
      satisfaction: '1',
      recommend: '0',
      improve: 'Changed my mind',
    });
    expect(second.status).toBe(409);
    expect(pageText(await second.text())).toContain('You had already answered this survey, so these answers were not saved');
    expect((await webClient(stack.app).post(link(pair.mentorId), { satisfaction: '4', recommend: '6', improve: '' })).status).toBe(200);

    await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('closed'), 20_000);
    const [row] = await stack.sql`select report from cohorts where id = ${cohort.id}`;
    expect(row!.report).toMatchObject({
      pairs: 1,
      completed: 1,
      dissolved: 0,
      endedEarly: 0,
      checkInResponseRate: 0,
      finalSurveyResponseRate: 100,
      menteeSatisfaction: 5,
      mentorSatisfaction: 4,
      recommendNps: 0,
      questionsAnswered: { yes: 1, partly: 0, no: 0 },
      // The comment points to the mentee's answer; the page and the admin's email quote it from there.
      comments: [{ pairId: pair.id, participantId: pair.menteeId, role: 'mentee' }],
    });
    const admin = webClient(stack.app);
    await admin.logIn();
    const page = pageText(await (await admin.get(`/admin/cohorts/${slug}`)).text());
    expect(page).toContain('1 of 1 pair completed');
    expect(page).toContain('More, please');
    // Names in any script reach the CSV as they are (the byte-order mark tells Excel it is UTF-8).
    await renameParticipant(stack.sql, pair.menteeId, 'Zoë عائشة 🌱');
    const csv = await admin.get(`/admin/cohorts/${slug}/report.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark: Excel opens it as UTF-8
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[1]).toBe('Zoë عائشة 🌱,Mia,100,completed,programme ended,at-risk,2,0,yes,5,10,"More, please",4,6,,,');
    expect((await listOutboxMessages(stack.sql, { to: 'admin@tandem.test' })).map((m) => m.subject)).toContain(
      `Cohort ${slug} is closed: the report`,
    );
  }, 90_000);
});
