/**
 * Objectives written at the charter and rated at the mid-programme review; there one party wants to go on and
 * the other would rather stop: the one who wants to go on is offered a new partner by email, takes it in one
 * click, and is matched again alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { getPair } from '../../db/matching.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { approvedPairOf, charterPath } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

describe('objectives, the mid-programme review, and a new partner for whoever wants to go on', () => {
  it('both write objectives and rate them at the review; Ava wants to continue, Mia would rather stop: Ava is offered a new partner, takes it in one click, and is matched again alone', async () => {
    const slug = 'offer';
    const { cohort, pair } = await approvedPairOf(stack, slug, { checkInMs: 20_000 });
    await stack.sql`update cohorts set objectives = true where id = ${cohort.id}`; // as the cohort form sets it by default

    // At the charter, each writes two or three objectives: one alone is refused, and nothing is signed.
    const alone = await webClient(stack.app).post(charterPath(stack, pair.id, pair.menteeId), {
      requestId: crypto.randomUUID(),
      typedName: 'Ava Stone',
      agree: 'on',
      objective1: 'A first job in finance',
    });
    expect(alone.status).toBe(422);
    expect(pageText(await alone.text())).toContain('Write at least two objectives');
    const objectives = {
      [pair.menteeId]: ['A first job in finance', 'Confidence in interviews', ''],
      [pair.mentorId]: ['Share what I learnt in banking', 'Coach someone new', 'Learn to listen'],
    };
    for (const [id, name] of [
      [pair.menteeId, 'Ava Stone'],
      [pair.mentorId, 'Mia Lopez'],
    ] as const) {
      const [objective1, objective2, objective3] = objectives[id]!;
      expect(
        (
          await webClient(stack.app).post(charterPath(stack, pair.id, id), {
            requestId: crypto.randomUUID(),
            typedName: name,
            agree: 'on',
            objective1: objective1!,
            objective2: objective2!,
            objective3: objective3!,
          })
        ).status,
      ).toBe(200);
    }
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(0),
      15_000,
    );

    // The first of two check-ins is the mid-programme review: each rates progress on their own objectives.
    const checkIn = (participantId: string) =>
      `/check-in/${stack.links.sign({ scope: 'check-in', participantId, subjectId: `${pair.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
    const form = pageText(await (await webClient(stack.app).get(checkIn(pair.menteeId))).text());
    expect(form).toContain(
      'Mid-programme review: how far have you come with each of your objectives? A first job in finance Not started In progress Achieved Confidence in interviews',
    );
    expect(form).not.toContain('Coach someone new');
    const unrated = await webClient(stack.app).post(checkIn(pair.menteeId), {
      requestId: crypto.randomUUID(),
      met: 'yes',
      meetings: '1',
      rating: '4',
      continue: 'yes',
      progress0: 'achieved',
    });
    expect(unrated.status).toBe(422);
    expect(pageText(await unrated.text())).toContain('Say how far you have come with this objective');
    expect(
      (
        await webClient(stack.app).post(checkIn(pair.menteeId), {
          requestId: crypto.randomUUID(),
          met: 'yes',
          meetings: '1',
          rating: '4',
          continue: 'yes',
          progress0: 'achieved',
          progress1: 'in-progress',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await webClient(stack.app).post(checkIn(pair.mentorId), {
          requestId: crypto.randomUUID(),
          met: 'yes',
          meetings: '1',
          rating: '3',
          continue: 'no',
          progress0: 'achieved',
          progress1: 'achieved',
          progress2: 'not-started',
        })
      ).status,
    ).toBe(200);

    const offer = await eventually(async () => {
      const [found] = await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` }).then((all) =>
        all.filter((m) => m.subject.includes('new partner')),
      );
      expect(found).toBeDefined();
      return getOutboxMessage(stack.sql, found!.id);
    }, 15_000);
    expect(offer!.subject).toBe(`Cohort ${slug}: would you like a new partner?`);
    expect(offer!.text).toContain('At your last check-in you said you wanted to go on, and Mia said they would rather stop.');
    // Mia, who would rather stop, is offered nothing; the admin is alerted as for any pair at risk.
    expect(
      (await listOutboxMessages(stack.sql, { to: `mia@${slug}.example.org` })).filter((m) => m.subject.includes('new partner')),
    ).toHaveLength(0);

    const link = /href="http:\/\/localhost(\/new-partner\/[^"]+)"/.exec(offer!.html)![1]!;
    const ava = webClient(stack.app);
    // Opening the link does nothing by itself (mail scanners open links): it shows one button.
    const page = await (await ava.get(link)).text();
    expect(pageText(page)).toContain('Your pair with Mia ends, and you join the next matching round.');
    expect((await getPair(stack.sql, pair.id))!.status).toBe('active');
    const requestId = /name="requestId" value="([^"]+)"/.exec(page)![1]!;
    const done = await ava.post(link, { requestId });
    expect(done.status).toBe(200);
    expect(pageText(await done.text())).toContain('You are in the next matching round');

    // The pair has ended; Ava alone has her place back, and a rematch round takes her.
    const ended = (await getPair(stack.sql, pair.id))!;
    expect(ended).toMatchObject({ status: 'ended', endedReason: 'asked for a new partner at a check-in', rematchIds: [pair.menteeId] });
    const rematch = await eventually(async () => {
      const [run] = await stack.sql<
        {
          inputs: { mentees: { id: string }[]; placesTaken?: Record<string, number>; exclusions: { menteeId: string; mentorId: string }[] };
          result: { pairs: unknown[] };
        }[]
      >`
        select inputs, result from match_runs where cohort_id = ${cohort.id} and kind = 'rematch' order by created_at desc limit 1`;
      expect(run).toBeDefined();
      return run;
    }, 15_000);
    expect(rematch!.inputs.mentees.map((m) => m.id)).toEqual([pair.menteeId]);
    // Mia gave up her place (she holds it still, taken) and is not Ava's partner again: nobody is left to match Ava with.
    expect(rematch!.inputs.placesTaken?.[pair.mentorId]).toBe(1);
    expect(rematch!.inputs.exclusions).toContainEqual({ menteeId: pair.menteeId, mentorId: pair.mentorId });
    expect(rematch!.result.pairs).toEqual([]);

    // The objectives and their progress stay on the pair's page, and go to the report's CSV.
    const admin = webClient(stack.app);
    await admin.logIn();
    const pairPage = pageText(await (await admin.get(`/admin/cohorts/${slug}/pairs/${pair.id}`)).text());
    expect(pairPage).toContain(
      'Objectives Ava: A first job in finance (Achieved) Confidence in interviews (In progress) Mia: Share what I learnt in banking (Achieved) Coach someone new (Achieved) Learn to listen (Not started)',
    );
    const csv = (await (await admin.get(`/admin/cohorts/${slug}/report.csv`)).text()).split('\r\n');
    expect(csv[0]).toMatch(/,mentee objectives,mentor objectives$/);
    expect(csv[1]).toMatch(
      /,A first job in finance \(achieved\); Confidence in interviews \(in-progress\),Share what I learnt in banking \(achieved\); Coach someone new \(achieved\); Learn to listen \(not-started\)$/,
    );

    // The link again, or the form sent again: it says it is done, and changes nothing.
    expect(pageText(await (await ava.get(link)).text())).toContain('You are in the next matching round');
    expect((await ava.post(link, { requestId })).status).toBe(200);
    expect((await getPair(stack.sql, pair.id))!.rematchIds).toEqual([pair.menteeId]);
  });
  it('Ava has met all her objectives at the review and wants to go on: she is offered a new partner, and Mia, who wants to go on too, gets her place back', async () => {
    const slug = 'objectives-met';
    const { cohort, pair } = await approvedPairOf(stack, slug, { checkInMs: 20_000 });
    await stack.sql`update cohorts set objectives = true where id = ${cohort.id}`;
    for (const [id, name] of [
      [pair.menteeId, 'Ava Stone'],
      [pair.mentorId, 'Mia Lopez'],
    ] as const) {
      await webClient(stack.app).post(charterPath(stack, pair.id, id), {
        requestId: crypto.randomUUID(),
        typedName: name,
        agree: 'on',
        objective1: `${name}: one`,
        objective2: `${name}: two`,
      });
    }
    await eventually(
      async () => expect((await stack.client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).checkIns.open?.round).toBe(0),
      15_000,
    );
    const checkIn = (participantId: string) =>
      `/check-in/${stack.links.sign({ scope: 'check-in', participantId, subjectId: `${pair.id}#0`, expiresAt: Date.now() + 86_400_000 })}`;
    const answer = { met: 'yes', meetings: '2', rating: '5', continue: 'yes' };
    expect(
      (
        await webClient(stack.app).post(checkIn(pair.menteeId), {
          requestId: crypto.randomUUID(),
          ...answer,
          progress0: 'achieved',
          progress1: 'achieved',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await webClient(stack.app).post(checkIn(pair.mentorId), {
          requestId: crypto.randomUUID(),
          ...answer,
          progress0: 'achieved',
          progress1: 'in-progress',
        })
      ).status,
    ).toBe(200);

    const offer = await eventually(async () => {
      const [found] = await listOutboxMessages(stack.sql, { to: `ava@${slug}.example.org` }).then((all) =>
        all.filter((m) => m.subject.includes('new partner')),
      );
      expect(found).toBeDefined();
      return getOutboxMessage(stack.sql, found!.id);
    }, 15_000);
    expect(offer!.text).toContain(
      'At the mid-programme check-in you said you had achieved all your objectives, and that you wanted to go on.',
    );
    // Mia has an objective still in progress: nothing is offered to her, and the pair is on track (no alert).
    expect(
      (await listOutboxMessages(stack.sql, { to: `mia@${slug}.example.org` })).filter((m) => m.subject.includes('new partner')),
    ).toHaveLength(0);
    expect((await getPair(stack.sql, pair.id))!.health).toBe('on-track');

    const link = /href="http:\/\/localhost(\/new-partner\/[^"]+)"/.exec(offer!.html)![1]!;
    const page = await (await webClient(stack.app).get(link)).text();
    const requestId = /name="requestId" value="([^"]+)"/.exec(page)![1]!;
    expect((await webClient(stack.app).post(link, { requestId })).status).toBe(200);
    // Both wanted to go on: both have their place back, and the next round may give each a new partner.
    const ended = (await getPair(stack.sql, pair.id))!;
    expect(ended.status).toBe('ended');
    expect([...ended.rematchIds].sort()).toEqual([pair.menteeId, pair.mentorId].sort());
  });
});
