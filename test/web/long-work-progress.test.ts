/**
 * Long work says how far it is. Invitations: the cohort page counts them out and, from the pace recorded,
 * says when all should be. A match: the matching activity heartbeats its phase and the mentees placed, and the
 * cohort page reads them from Temporal (the activity's last heartbeat) and says when the match should be done.
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMatchingActivities } from '../../activities/matching.js';
import type { MatchProgress } from '../../domain/match-progress.js';
import { recordSentEmails } from '../../db/emails.js';
import { cohortWorkflowId, type CohortWorkflowInput } from '../../workflows/cohort/contract.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, answerSurveys, cohortOfPeople, startCohort } from '../helpers/cohort-fixtures.js';
import { mailingStandIn } from '../helpers/cohort-workflow.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, startTestWorker, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

it('the matching activity heartbeats each phase in turn, and the mentees placed of how many', async () => {
  const slug = 'match-beats';
  const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Ava:mentee', 'Noor:mentee', 'Leo:mentor']);
  await answerSurveys(stack, cohort, {
    [`mia@${slug}.example.org`]: MENTOR_ANSWERS,
    [`leo@${slug}.example.org`]: MENTOR_ANSWERS,
    [`ava@${slug}.example.org`]: MENTEE_ANSWERS,
    [`noor@${slug}.example.org`]: MENTEE_ANSWERS,
  });
  const beats: MatchProgress[] = [];
  const env = new MockActivityEnvironment();
  env.on('heartbeat', (details: MatchProgress) => beats.push(details));
  const { proposeMatching } = createMatchingActivities({ sql: stack.sql, metrics: stack.metrics });
  const summary: Awaited<ReturnType<typeof proposeMatching>> = await env.run(proposeMatching, {
    cohortId: cohort.id,
    runId: randomUUID(),
    kind: 'initial' as const,
  });
  expect(summary.pairs).toBe(2);
  expect(beats.map((b) => b.phase).filter((phase, i, all) => phase !== all[i - 1])).toEqual(['reading', 'scoring', 'placing', 'storing']);
  expect(beats.filter((b) => b.phase === 'placing').at(-1)).toMatchObject({ done: 2, total: 2 });
});

it("the cohort page shows the match's progress from its last heartbeat, and when it should be done", async () => {
  const { cohort } = await cohortOfPeople(stack.sql, 1);
  const { slug } = cohort;
  // A match a quarter through its mentees after 10 s: 30 s more to go.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const worker = await startTestWorker(
    {
      ...mailingStandIn(() => 1),
      closeSurvey: async () => ({ answered: 1, missing: 0 }),
      proposeMatching: async ({ runId }) => {
        Context.current().heartbeat({ phase: 'placing', since: Date.now() - 10_000, done: 500, total: 2000 } satisfies MatchProgress);
        await released;
        return { runId, pairs: 0, mentees: 0, autoApprove: false };
      },
    },
    { sql: stack.sql },
  );
  try {
    const input: CohortWorkflowInput = { version: 1, cohortId: cohort.id, slug, schedule: cohort.schedule, participantCount: 1 };
    await stack.client.workflow.start('cohortWorkflow', { taskQueue: worker.taskQueue, workflowId: cohortWorkflowId(slug), args: [input] });
    await eventually(async () => expect((await stack.workflows.cohortState(slug))?.invited).toBe(1));
    expect((await stack.workflows.closeSurvey(slug)).ok).toBe(true);

    const admin = webClient(stack.app);
    await admin.logIn();
    const text = await eventually(async () => {
      const fragment = pageText(await (await admin.get(`/admin/cohorts/${slug}/progress`)).text());
      expect(fragment).toContain('Matching: 500 of 2,000 mentees placed. It should be done by');
      return fragment;
    }, 15_000);
    const doneBy = /It should be done by (.+?UTC)/.exec(text)![1]!;
    // About 30 s from now, to the minute the page shows.
    expect(Math.abs(Date.parse(doneBy.replace(/^\w+, /, '')) - (Date.now() + 30_000))).toBeLessThan(90_000);
    expect(pageText(await (await admin.get(`/admin/cohorts/${slug}`)).text())).toContain('Matching: 500 of 2,000 mentees placed.');
  } finally {
    release();
    await stack.client.workflow.getHandle(cohortWorkflowId(slug)).terminate('test over');
    await worker.stop();
  }
});

it('the cohort page counts the invitations out and, from the pace recorded so far, says when all should be', async () => {
  const { cohort, ids } = await cohortOfPeople(stack.sql, 300);
  const now = Date.now();
  // 100 recorded 20 s ago, 100 more 10 s ago: 10 a second since the first batch, 100 left take 10 s.
  for (const [batch, ago] of [
    [ids.slice(0, 100), 20],
    [ids.slice(100, 200), 10],
  ] as const) {
    const keys = batch.map((id) => `survey-invitation:${id}`);
    await recordSentEmails(
      stack.sql,
      batch.map((id, i) => ({
        idempotencyKey: keys[i]!,
        kind: 'survey-invitation',
        cohortId: cohort.id,
        participantId: id,
        toAddress: 'x@example.org',
        providerMessageId: `e-${id}`,
      })),
    );
    await stack.sql`update sent_emails set sent_at = ${new Date(now - ago * 1000)} where idempotency_key = any(${keys})`;
  }
  const admin = webClient(stack.app);
  await admin.logIn();
  const text = pageText(await (await admin.get(`/admin/cohorts/${cohort.slug}/progress`)).text());
  expect(text).toMatch(
    /Sending the invitations: 200 of 300 out so far\. At about 600 a minute \(the mail service’s pace\), all should be out by /,
  );
});
