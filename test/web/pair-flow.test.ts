/** A pair's charter by emailed link, and the admin following the pair from its page: the whole stack, in real time. */
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts, listPairAlerts, signaturesOf } from '../../db/pair-lifecycle.js';
import { alertText } from '../../domain/alerts.js';
import { getOutboxMessage, listOutboxMessages, recordSentEmails } from '../../db/emails.js';
import { freePort } from '../../dev/ports.js';
import { translator } from '../../i18n/translator.js';
import { createWorkflowClient } from '../../web/workflow-client.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { approvedPairOf, charterPath } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { hiddenFieldsOf } from '../../dev/admin-over-http.js';
import { createTestApp, startTestStack, testDataConverter, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { listParticipants } from '../../db/participants.js';
import { getPair } from '../../db/matching.js';

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
    // The deadline's one record, the charter's window, has moved: the page and a signature both read it there.
    const [row] = await stack.sql`select closes_at from answer_windows where form = 'charter' and subject_id = ${pair.id}`;
    expect(row!.closesAt.getTime()).toBe(newDeadline);
    expect((await getPair(stack.sql, pair.id))!.charterDeadline!.getTime()).toBe(newDeadline);
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
    await recordSentEmails(stack.sql, [
      {
        idempotencyKey: `bounce-test:${pair.id}`,
        kind: 'charter-reminder',
        cohortId: pair.cohortId,
        participantId: pair.menteeId,
        toAddress: `ava@${slug}.example.org`,
        providerMessageId: null,
        status: 'bounced',
        error: 'Resend 422 validation_error: Invalid `to` field.',
      },
    ]);
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
