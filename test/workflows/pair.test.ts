/** A pair's lifecycle on its real schedule (a charter of days, check-ins weeks apart), under the time-skipping server. */
import type { Activities } from '../../activities/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { answersRecordedSignal, endPairSignal, nudgeUpdate, pairStateQuery } from '../../workflows/pair/contract.js';
import { eventually } from '../helpers/eventually.js';
import { runChain } from '../helpers/run-chain.js';
import { fine, mentee, mentor, pairWorkflowKit, recording, skippedClock } from '../helpers/pair-workflow.js';
import { startTestWorker } from '../helpers/stack.js';
import { DAY, timeSkippingForFile } from '../helpers/time-skipping.js';

const env = timeSkippingForFile();
const { input, start, sign, answer, answerFinal, activePair, stateOf, until, openRound, now, endLeftovers } = pairWorkflowKit(
  () => env().client,
  skippedClock(env),
);
const startWorker = (activities: Partial<Activities>) => startTestWorker(activities, { connection: env().nativeConnection });
afterEach(endLeftovers);

describe('pairWorkflow: the charter', () => {
  it('starts the pair when both sign: kick-off with the check-in dates within the programme', async () => {
    const recorded = recording();
    const { activities, names, calls } = recorded;
    const worker = await startWorker(activities);
    try {
      const handle = await start(worker.taskQueue, await input(7 * DAY, 50 * DAY));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await sign(recorded, handle, mentee);
      await eventually(async () => {
        const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
        expect(metadata.currentDetails).toMatch(/^Charter: waiting for 1 of 2 signatures, deadline /);
      });
      await sign(recorded, handle, mentor);
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('active'));
      expect(names()).toEqual(['open-charter', 'close-charter', 'kick-off']);
      // One email introduces the two and asks for their signatures.
      expect(calls.find((c) => c.name === 'open-charter')!.args).toMatchObject({ introduce: true });
      await expect(handle.executeUpdate(nudgeUpdate)).rejects.toMatchObject({ cause: { type: 'PairActionRefused' } });
      // Check-ins every 20 days; the third would fall after the programme's end (50 days).
      expect((calls.find((c) => c.name === 'kick-off')!.args.checkIns as string[]).length).toBe(2);
      // Objectives met early: the pair closes with the final survey (the silent reminded halfway), then completes.
      await handle.signal(endPairSignal, { reason: 'objectives achieved' });
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('final-survey'));
      await answerFinal(recorded, handle, mentee);
      expect(await handle.result()).toMatchObject({
        stage: 'completed',
        ended: { reason: 'objectives achieved' },
        finalSurvey: { answered: [mentee], reminded: true },
      });
      expect(names().slice(-4)).toEqual(['final-survey', 'final-survey', 'close-final-survey', 'complete']);
      expect(calls.at(-1)!.args).toMatchObject({ stage: 'completed', summary: { reason: 'objectives achieved', finalSurveyAnswers: 1 } });
    } finally {
      await worker.stop();
    }
  });

  it('reminds whoever has not signed, alerts the admin, then dissolves and sends the signer back', async () => {
    const recorded = recording();
    const { activities, names, calls } = recorded;
    const worker = await startWorker(activities);
    try {
      const started = await now();
      const handle = await start(worker.taskQueue, await input(4 * DAY));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await sign(recorded, handle, mentor);
      // The admin nudges: only the one who has not signed gets it.
      await eventually(async () => expect(await handle.executeUpdate(nudgeUpdate)).toEqual({ nudged: [mentee] }));
      const state = await handle.result();
      expect(state).toMatchObject({
        stage: 'dissolved',
        charterReminded: true,
        adminAlerted: true,
        ended: { reason: 'charter not signed in time' },
      });
      expect(names()).toEqual(['open-charter', 'remind', 'remind', 'alert-admin', 'close-charter', 'dissolve']);
      expect(calls.find((c) => c.name === 'remind')!.args).toMatchObject({ participantIds: [mentee], nudge: 1 });
      const at = (name: string) => calls.find((c) => c.name === name)!;
      const scheduled = calls.filter((c) => c.name === 'remind').at(-1)!; // the first was the admin's nudge
      expect(scheduled.args).toMatchObject({ participantIds: [mentee] });
      expect(scheduled.args.nudge).toBeUndefined();
      const daysIn = (call: { at: number }) => (call.at - started) / DAY;
      expect(daysIn(scheduled)).toBeCloseTo(2, 1); // halfway
      expect(daysIn(at('alert-admin'))).toBeCloseTo(3, 1); // three quarters
      expect(at('dissolve').args).toMatchObject({ signedIds: [mentor] });
      expect(daysIn(at('dissolve'))).toBeCloseTo(4, 1);
    } finally {
      await worker.stop();
    }
  });

  it('decides at the deadline on what PostgreSQL accepted, even a signature whose signal has not arrived', async () => {
    const recorded = recording();
    const { activities, names, calls } = recorded;
    const worker = await startWorker(activities);
    try {
      const handle = await start(worker.taskQueue, await input(3 * DAY));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await sign(recorded, handle, mentee);
      await sign(recorded, handle, mentor, { signal: false }); // stored while Temporal was away, say
      // A stranger's signal and a repeated one change nothing.
      await handle.signal(answersRecordedSignal, [
        { form: 'charter', participantId: 'someone-else', at: new Date().toISOString() },
        { form: 'charter', participantId: mentee, at: new Date().toISOString() },
      ]);
      expect(Object.keys((await handle.query(pairStateQuery)).signed)).toEqual([mentee]);
      await until(handle, (s) => s.stage === 'active');
      expect(names()).toEqual(['open-charter', 'remind', 'alert-admin', 'close-charter', 'kick-off']);
      expect(calls.find((c) => c.name === 'remind')!.args).toMatchObject({ participantIds: [mentor] });
      await handle.terminate('test done');
    } finally {
      await worker.stop();
    }
  });

  it('ends during the charter when the admin rematches one party', async () => {
    const { activities, names } = recording();
    const worker = await startWorker(activities);
    try {
      const handle = await start(worker.taskQueue, await input(7 * DAY));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await handle.signal(endPairSignal, { reason: 'rematch requested' });
      expect(await handle.result()).toMatchObject({ stage: 'ended', ended: { reason: 'rematch requested' } });
      expect(names()).toEqual(['open-charter', 'close-charter', 'complete']);
    } finally {
      await worker.stop();
    }
  });
});

describe('pairWorkflow: check-ins and health', () => {
  it('follows the pair: on track, then a silent party (reminded), then silent again: at risk, each alerting', async () => {
    const recorded = recording();
    const { activities, calls } = recorded;
    const worker = await startWorker(activities);
    try {
      const handle = await activePair(recorded, worker.taskQueue, 14 * DAY, 4); // the 4th only closes the 3rd round
      await openRound(handle, 0);
      await answer(recorded, handle, 0, mentee);
      await answer(recorded, handle, 0, mentor);
      await eventually(async () => expect(await stateOf(handle)).toMatchObject({ health: 'on-track', checkIns: { done: 1 } }));

      await openRound(handle, 1);
      await answer(recorded, handle, 1, mentee);
      await until(handle, (s) => s.health === 'needs-attention');
      const reminder = calls.find((c) => c.name === 'check-in' && c.args.reminder === true && c.args.round === 1);
      expect(reminder?.args.participantIds).toEqual([mentor]);

      await openRound(handle, 2);
      await answer(recorded, handle, 2, mentee);
      await until(handle, (s) => s.health === 'at-risk');
      // The state changes before the health activity runs: wait for its record.
      await eventually(async () =>
        expect(calls.filter((c) => c.name === 'health').map((c) => c.args.health)).toEqual(['on-track', 'needs-attention', 'at-risk']),
      );
      expect(calls.filter((c) => c.name === 'close-check-in').map((c) => c.args.round)).toEqual([0, 1, 2]);
      // Each closed round began a new run: the first, then one after each of the three rounds.
      expect(await runChain(env().client, handle.workflowId)).toHaveLength(4);
      const description = await handle.describe();
      expect(description.typedSearchAttributes.get({ name: 'TandemHealth', type: 'KEYWORD' })).toBe('at-risk');
      await handle.signal(endPairSignal, { reason: 'no longer following up' });
      expect(await handle.result()).toMatchObject({ stage: 'ended', ended: { reason: 'no longer following up' } }); // no final survey
    } finally {
      await worker.stop();
    }
  });

  it('calls a party who wants to stop at risk', async () => {
    const recorded = recording();
    const worker = await startWorker(recorded.activities);
    try {
      const handle = await activePair(recorded, worker.taskQueue, 14 * DAY, 1);
      await openRound(handle, 0);
      await answer(recorded, handle, 0, mentee, { ...fine, continue: 'no', rating: 2, blocking: 'My manager forbids it' });
      await answer(recorded, handle, 0, mentor);
      await eventually(async () =>
        expect(await stateOf(handle)).toMatchObject({
          health: 'at-risk',
          healthReasons: [
            { kind: 'wants-to-stop', role: 'mentee' },
            { kind: 'low-rating', role: 'mentee', rating: 2 },
            { kind: 'blocked', role: 'mentee' },
          ],
        }),
      );
      await handle.terminate('test done');
    } finally {
      await worker.stop();
    }
  });
});
