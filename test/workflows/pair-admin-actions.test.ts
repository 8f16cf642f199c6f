/** The admin's actions on a pair (extend, pause, resume, end) on the programme's real schedule, under the time-skipping server. */
import { WorkflowUpdateStage } from '@temporalio/client';
import type { Activities } from '../../activities/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  endPairSignal,
  extendDeadlineUpdate,
  keepBothUpdate,
  nudgeUpdate,
  pairStateQuery,
  pauseUpdate,
  resumeUpdate,
} from '../../workflows/pair/contract.js';
import { eventually } from '../helpers/eventually.js';
import { mentee, mentor, pairWorkflowKit, recording, skippedClock } from '../helpers/pair-workflow.js';
import { startTestWorker } from '../helpers/stack.js';
import { DAY, HOUR, timeSkippingForFile } from '../helpers/time-skipping.js';

const env = timeSkippingForFile();
const { input, start, sign, activePair, answer, stateOf, openRound, now, endLeftovers } = pairWorkflowKit(
  () => env().client,
  skippedClock(env),
);
const startWorker = (activities: Partial<Activities>) => startTestWorker(activities, { connection: env().nativeConnection });

afterEach(endLeftovers);

describe('pairWorkflow: the admin extends a deadline', () => {
  it('gives the charter more time (the unsigned told the new date); kept both, a dissolution sends both back', async () => {
    const recorded = recording();
    const { activities, names, calls } = recorded;
    const worker = await startWorker(activities);
    try {
      const started = await now();
      const handle = await start(worker.taskQueue, await input(3 * DAY));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      const { charterDeadline } = await handle.query(pairStateQuery);
      await expect(handle.executeUpdate(extendDeadlineUpdate, { args: [{ byMs: 0 }] })).rejects.toMatchObject({
        cause: { type: 'PairActionRefused', message: 'extension-not-positive' },
      });
      const extended = await handle.executeUpdate(extendDeadlineUpdate, { args: [{ byMs: 4 * DAY }] });
      expect(extended).toEqual({ deadline: new Date(Date.parse(charterDeadline!) + 4 * DAY).toISOString(), told: [mentee, mentor] });
      expect(calls.find((c) => c.name === 'save-deadline')!.args).toEqual({ pairId: expect.any(String), deadline: extended.deadline });
      expect(calls.find((c) => c.name === 'remind')!.args).toMatchObject({
        participantIds: [mentee, mentor],
        deadline: extended.deadline,
        nudge: 1,
      });
      await expect(handle.executeUpdate(pauseUpdate, { args: [{ reason: 'away' }] })).rejects.toMatchObject({
        cause: { message: 'pause-only-running' },
      });
      await handle.executeUpdate(keepBothUpdate, { args: [{ keepBoth: true }] });
      await sign(recorded, handle, mentor);

      expect(await handle.result()).toMatchObject({ stage: 'dissolved', keepBoth: true });
      const dissolved = calls.find((c) => c.name === 'dissolve')!;
      expect(dissolved.args).toMatchObject({ signedIds: [mentor], rematchIds: [mentee, mentor] });
      const daysIn = (call: { at: number }) => (call.at - started) / DAY;
      expect(daysIn(dissolved)).toBeCloseTo(7, 1); // 3 days + the 4 days' extension
      // The scheduled reminder and the admin alert moved with the deadline, by the 4 days' extension: still half
      // and three quarters of the 3-day charter window, counted back from the new deadline (1.5 + 4, 2.25 + 4).
      expect(daysIn(calls.filter((c) => c.name === 'remind').at(-1)!)).toBeCloseTo(5.5, 1);
      expect(daysIn(calls.find((c) => c.name === 'alert-admin')!)).toBeCloseTo(6.25, 1);
      expect(names()).toEqual(['open-charter', 'save-deadline', 'remind', 'remind', 'alert-admin', 'close-charter', 'dissolve']);
    } finally {
      await worker.stop();
    }
  });

  it('keeps the final survey open longer', async () => {
    const recorded = recording();
    const { activities, calls } = recorded;
    const worker = await startWorker(activities);
    try {
      const handle = await activePair(recorded, worker.taskQueue, 20 * DAY, 1);
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('active'));
      await expect(handle.executeUpdate(extendDeadlineUpdate, { args: [{ byMs: DAY }] })).rejects.toMatchObject({
        cause: { message: 'no-deadline' },
      });
      await handle.signal(endPairSignal, { reason: 'objectives achieved' });
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('final-survey'));
      const opened = await now();
      const { told, deadline } = await handle.executeUpdate(extendDeadlineUpdate, { args: [{ byMs: 3 * DAY }] });
      expect(told).toEqual([mentee, mentor]);
      expect(calls.find((c) => c.name === 'move-window')!.args).toEqual({
        pairId: expect.any(String),
        form: 'final-survey',
        closesAt: deadline,
      });
      expect(await handle.executeUpdate(nudgeUpdate)).toEqual({ nudged: [mentee, mentor] });
      expect(calls.filter((c) => c.name === 'final-survey').map((c) => c.args.nudge)).toEqual([undefined, 1, 2]);
      expect(await handle.result()).toMatchObject({ stage: 'completed' });
      expect((calls.find((c) => c.name === 'complete')!.at - opened) / DAY).toBeCloseTo(5, 1); // the 2-day window + 3 days
    } finally {
      await worker.stop();
    }
  });
});

describe('pairWorkflow: the admin pauses and resumes', () => {
  it('stops the clock: no reminder, no health while paused; on resume the open check-in and the next move by the time paused', async () => {
    const recorded = recording();
    const { activities, calls, names } = recorded;
    const worker = await startWorker(activities);
    try {
      const handle = await activePair(recorded, worker.taskQueue, 14 * DAY, 2); // check-ins 7 and 21 days after kick-off
      await openRound(handle, 0);
      const before = await handle.query(pairStateQuery);
      const scheduledClose = Date.parse(before.checkIns.open!.closesAt);
      await expect(handle.executeUpdate(pauseUpdate, { args: [{ reason: ' ' }] })).rejects.toMatchObject({
        cause: { message: 'pause-needs-reason' },
      });
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'Mia is travelling' }] });
      expect(calls.find((c) => c.name === 'pause')!.args).toMatchObject({ pause: 1, reason: 'Mia is travelling' });
      await expect(handle.executeUpdate(pauseUpdate, { args: [{ reason: 'again' }] })).rejects.toMatchObject({
        cause: { message: 'already-paused' },
      });
      await expect(handle.executeUpdate(nudgeUpdate)).rejects.toMatchObject({ cause: { message: 'pair-paused' } });
      const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toMatch(/^Paused since .*: Mia is travelling$/);

      // Three weeks away: past the round's scheduled reminder (halfway) and its close, two weeks after it opened.
      await env().sleep(3 * 7 * DAY);
      expect(await now()).toBeGreaterThan(scheduledClose);
      expect(names().filter((n) => n === 'health' || n === 'check-in')).toEqual(['check-in']); // only the round's opening

      const { upcoming } = await handle.executeUpdate(resumeUpdate);
      const resumed = await handle.query(pairStateQuery);
      const pausedMs = resumed.pausedMs!;
      expect(pausedMs / DAY).toBeCloseTo(21, 1);
      expect(Date.parse(resumed.checkIns.open!.closesAt)).toBe(scheduledClose + pausedMs);
      expect(upcoming).toEqual({ kind: 'open-check-in', round: 1, until: Date.parse(resumed.checkIns.open!.closesAt) });
      // The round's window in PostgreSQL moves with it.
      expect(calls.find((c) => c.name === 'resume')!.args).toMatchObject({
        pause: 1,
        upcoming,
        window: { form: 'check-in', round: 0, closesAt: resumed.checkIns.open!.closesAt },
      });
      await expect(handle.executeUpdate(resumeUpdate)).rejects.toMatchObject({ cause: { message: 'not-paused' } });
      await answer(recorded, handle, 0, mentee);
      await answer(recorded, handle, 0, mentor);
      await eventually(async () => expect(await stateOf(handle)).toMatchObject({ health: 'on-track', checkIns: { done: 1 } }));
      // Round 2 opens at its scheduled time plus the pause.
      await openRound(handle, 1);
      const secondOpened = await eventually(async () => {
        const found = calls.find((c) => c.name === 'check-in' && c.args.round === 1);
        expect(found).toBeDefined(); // its emails go out just after the round opens
        return found!;
      });
      expect(secondOpened.at).toBeGreaterThanOrEqual(scheduledClose + pausedMs);
      expect((secondOpened.at - (scheduledClose + pausedMs)) / DAY).toBeCloseTo(0, 1);
      await handle.signal(endPairSignal, { reason: 'no longer following up' });
      await handle.result();
    } finally {
      await worker.stop();
    }
  });

  it('resumes after a pause whose emails wait out a mail outage: the pause is written first, the resume last', async () => {
    const recorded = recording();
    // As the real activities do: the pair's row first, then the emails, which fail while the provider is down.
    let outage = true;
    const writes: string[] = [];
    const worker = await startWorker({
      ...recorded.activities,
      pausePair: async () => {
        writes.push('paused');
        if (outage) throw new Error('the mail provider is unavailable');
      },
      resumePair: async () => {
        writes.push('running');
        if (outage) throw new Error('the mail provider is unavailable');
      },
    });
    try {
      const handle = await activePair(recorded, worker.taskQueue, 14 * DAY, 2);
      await openRound(handle, 0);
      const pausing = await handle.startUpdate(pauseUpdate, {
        args: [{ reason: 'Mia is travelling' }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      await eventually(async () => expect(writes.length).toBeGreaterThanOrEqual(2)); // tried, failed, tried again
      // The provider is back as the admin resumes; the pause's next try is still to come.
      outage = false;
      const resuming = await handle.startUpdate(resumeUpdate, { waitForStage: WorkflowUpdateStage.ACCEPTED });
      await resuming.result();
      await env().sleep(HOUR); // room for any try of the pause still to come
      expect(writes.at(-1)).toBe('running');
      expect(writes.filter((w) => w === 'running')).toHaveLength(1);
      expect(await pausing.result()).toMatchObject({ since: expect.any(String) });
      expect((await handle.query(pairStateQuery)).paused).toBeUndefined();
    } finally {
      await worker.stop();
    }
  });

  it('ends a paused pair at once when the admin ends it', async () => {
    const recorded = recording();
    const { activities, names, calls } = recorded;
    const worker = await startWorker(activities);
    try {
      const handle = await activePair(recorded, worker.taskQueue, 20 * DAY, 2);
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('active'));
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'a break' }] });
      const endedAt = await now();
      await handle.signal(endPairSignal, { reason: 'other: left the company' });
      const ended = await handle.result();
      expect(ended.stage).toBe('ended');
      expect(ended.paused).toBeUndefined();
      expect(names().at(-1)).toBe('complete');
      // At once: result() would skip the server's clock to a later end, so the time of the closing step tells.
      expect((calls.at(-1)!.at - endedAt) / DAY).toBeCloseTo(0, 1);
    } finally {
      await worker.stop();
    }
  });
});
