/**
 * Who is matched again, place by place: a pair ended early gives nobody a new partner unless the admin asks;
 * a mentor of two who misses one charter leaves that pair only and keeps the other; a rematch round says
 * why each person is in it. Through the real stack: emailed links, the admin's pages, the workflows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { listActivePairs, loadMatchPool } from '../../db/matching.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, charterPath, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { listParticipants } from '../../db/participants.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const LAW = { field: 'Law' };
const TWO_PLACES = { capacity: '2' };

it("ends early without a rematch, dissolves one of a mentor's two pairs only, and says who is in the next round and why", async () => {
  const slug = 'places';
  const email = (name: string) => `${name.toLowerCase()}@${slug}.example.org`;
  const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Leo:mentor', 'Ava:mentee', 'Ben:mentee', 'Cal:mentee'], {
    charterMs: 12_000,
  });
  await answerSurveys(stack, cohort, {
    [email('Mia')]: { ...MENTOR_ANSWERS, ...TWO_PLACES },
    [email('Leo')]: { ...MENTOR_ANSWERS, ...TWO_PLACES, ...LAW },
    [email('Ava')]: MENTEE_ANSWERS,
    [email('Ben')]: MENTEE_ANSWERS,
    [email('Cal')]: { ...MENTEE_ANSWERS, ...LAW },
  });
  await stack.workflows.closeSurvey(slug);
  await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('review'));
  await stack.workflows.approveMatch(slug, (await stack.workflows.cohortState(slug))!.proposal!.runId);
  const pairs = await eventually(async () => {
    const active = await listActivePairs(stack.sql, cohort.id);
    expect(active.map((p) => `${p.menteeName}-${p.mentorName}`)).toEqual(['Ava-Mia', 'Ben-Mia', 'Cal-Leo']);
    return Object.fromEntries(active.map((p) => [p.menteeName, p]));
  });
  const [ava, ben, cal] = [pairs.Ava!, pairs.Ben!, pairs.Cal!];

  // Mia has two mentees: each introduction (with its charter) names its mentee in the subject.
  await eventually(async () =>
    expect((await listOutboxMessages(stack.sql, { to: email('Mia') })).map((m) => m.subject)).toEqual(
      expect.arrayContaining([`Cohort ${slug}: meet your mentee, Ava`, `Cohort ${slug}: meet your mentee, Ben`]),
    ),
  );

  // Everyone signs but Mia with Ava.
  const sign = (pairId: string, participantId: string, typedName: string) =>
    webClient(stack.app).post(charterPath(stack, pairId, participantId), { requestId: crypto.randomUUID(), typedName, agree: 'on' });
  for (const [pair, menteeName, mentorName] of [
    [ben, 'Ben', 'Mia'],
    [cal, 'Cal', 'Leo'],
  ] as const) {
    expect((await sign(pair.id, pair.menteeId, menteeName)).status).toBe(200);
    expect((await sign(pair.id, pair.mentorId, mentorName)).status).toBe(200);
  }
  expect((await sign(ava.id, ava.menteeId, 'Ava')).status).toBe(200);
  await eventually(async () => expect((await stack.client.workflow.getHandle(cal.workflowId).query(pairStateQuery)).stage).toBe('active'));

  // Cal moves abroad: the admin ends the pair early. Neither Cal nor Leo's place in it is offered again.
  const admin = webClient(stack.app);
  await admin.logIn();
  const calPage = `/admin/cohorts/${slug}/pairs/${cal.id}`;
  const { _csrf } = await admin.hiddenFields(calPage);
  expect(
    (await admin.post(`${calPage}/end`, { _csrf: _csrf!, reason: 'other', details: 'Cal moved abroad' })).headers.get('location'),
  ).toBe(`${calPage}?notice=ended`);
  await eventually(async () => expect((await stack.sql`select status from pairs where id = ${cal.id}`)[0]!.status).toBe('ended'));

  // Ava's charter runs out: her pair is dissolved, she signed and is matched again; Mia keeps Ben.
  await eventually(async () => expect((await stack.sql`select stage from pairs where id = ${ava.id}`)[0]!.stage).toBe('dissolved'), 30_000);
  const left = (await listParticipants(stack.sql, cohort.id)).filter((p) => p.leftAt);
  expect(left).toEqual([]);
  const still = (await listActivePairs(stack.sql, cohort.id)).map((p) => `${p.menteeName}-${p.mentorName}`);
  expect(still).toContain('Ben-Mia');
  expect(still).not.toContain('Ava-Mia');
  const miaNews = await eventually(async () => {
    const [found] = (await listOutboxMessages(stack.sql, { to: email('Mia') })).filter(
      (m) => m.subject === `Cohort ${slug}: your pair with Ava did not start`,
    );
    return (await getOutboxMessage(stack.sql, found!.id))!;
  });
  expect(miaNews.text).toContain('your pair with Ben goes on as before');
  expect(miaNews.text).not.toContain('leave the programme');

  // The rematch round: Ava (her pair did not start) and Leo (one place left); not Cal (ended early, for good), not Mia (no place left).
  await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('review'), 20_000);
  const proposal = await (await admin.get(`/admin/cohorts/${slug}/matching`)).text();
  expect(pageText(proposal)).toContain('Rematch proposal');
  const inRound = [...proposal.matchAll(/<tr data-in-round="([^"]+)"><td>[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map(
    (m) => `${m[1]} (${m[2]}): ${m[3]}`,
  );
  expect(inRound).toEqual([
    'Ava (mentee): their pair ended (charter not signed in time) and they are offered a new partner',
    'Leo (mentor): 1 free place',
  ]);
  expect(proposal).not.toContain('data-pair="Cal"');
  expect(proposal).toContain('data-pair="Ava"');
  // Ben's pair goes on, and Mia is still in it: check-ins will reach her.
  expect((await stack.client.workflow.getHandle(ben.workflowId).query(pairStateQuery)).stage).toBe('active');

  // The ended pair's page offers each party their place back; the admin gives Leo his (not Cal, who moved abroad).
  const ended = await (await admin.get(calPage)).text();
  expect(ended).toContain('data-give-place="Cal"');
  expect(ended).toContain('data-give-place="Leo"');
  const placesHeld = async () =>
    Object.fromEntries(
      (await loadMatchPool(stack.sql, cohort.id)).filter((p) => p.name === 'Cal' || p.name === 'Leo').map((p) => [p.name, p.placesHeld]),
    );
  expect(await placesHeld()).toEqual({ Cal: 1, Leo: 1 });
  const given = await admin.post(`${calPage}/rematch`, {
    _csrf: _csrf!,
    requestId: crypto.randomUUID(),
    participantId: cal.mentorId,
    reason: 'Leo can mentor someone else',
  });
  expect(given.headers.get('location')).toBe(`${calPage}?notice=rematch`);
  const after = await (await admin.get(calPage)).text();
  expect(after).toContain('data-place-back="Leo"');
  expect(after).toContain('data-give-place="Cal"');
  expect(await placesHeld()).toEqual({ Cal: 1, Leo: 0 });
  // The cohort hears that Leo waits for a partner; Cal stays out.
  const queue = (await stack.workflows.cohortState(slug))!.rematchQueue;
  expect(queue).toContain(cal.mentorId);
  expect(queue).not.toContain(cal.menteeId);
}, 120_000);
