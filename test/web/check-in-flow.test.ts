/** Check-ins by emailed link, and a whole short programme to its report: the whole stack, in real time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts } from '../../db/pair-lifecycle.js';
import { alertText } from '../../domain/alerts.js';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { listActivePairs } from '../../db/matching.js';
import { translator } from '../../i18n/translator.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, approvedPairOf, charterPath, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { renameParticipant } from '../helpers/people.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

/** A pair both have signed by their emailed links, its first check-in open (then one every `checkInMs`). */
async function inItsFirstRound(slug: string, checkInMs: number) {
  const approved = await approvedPairOf(stack, slug, { charterMs: 3_600_000, checkInMs });
  const { pair } = approved;
  for (const [id, name] of [
    [pair.menteeId, 'Ava Stone'],
    [pair.mentorId, 'Mia Lopez'],
  ] as const) {
    const signed = await webClient(stack.app).post(charterPath(stack, pair.id, id), {
      requestId: crypto.randomUUID(),
      typedName: name,
      agree: 'on',
    });
    expect(signed.status).toBe(200);
  }
  await eventually(
    async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(0),
    25_000,
  );
  return approved;
}

describe('check-ins, by emailed link', () => {
  it("a paused pair's open check-in: its link says paused before anything is typed, and shows the form again once resumed", async () => {
    const slug = 'paused-link';
    const { pair } = await inItsFirstRound(slug, 20_000);
    const link = `/check-in/${stack.links.sign({ scope: 'check-in', participantId: pair.menteeId, subjectId: `${pair.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
    const ava = webClient(stack.app);
    // The round is open in the workflow a moment before its window is written and its email sent.
    await eventually(async () => expect(pageText(await (await ava.get(link)).text())).toContain('Check-in 1: you and Mia'));
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
    const { cohort, pair } = await inItsFirstRound(slug, 4_000);
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
