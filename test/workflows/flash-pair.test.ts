/** Flash mentoring on its real schedule (a meeting within days, its feedback, then weeks as a long pair), under the time-skipping server. */
import type { Activities } from '../../activities/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { endPairSignal, pairStateQuery, type PairWorkflowInput } from '../../workflows/pair/contract.js';
import { eventually } from '../helpers/eventually.js';
import { fine, mentee, mentor, pairWorkflowKit, recording, skippedClock, type Recording } from '../helpers/pair-workflow.js';
import { startTestWorker } from '../helpers/stack.js';
import { DAY, timeSkippingForFile } from '../helpers/time-skipping.js';

const env = timeSkippingForFile();
const { input, start, sign, answer, answerFinal, until, openRound, endLeftovers } = pairWorkflowKit(() => env().client, skippedClock(env));
const startWorker = (activities: Partial<Activities>) => startTestWorker(activities, { connection: env().nativeConnection });

afterEach(endLeftovers);

/** A flash pair: one meeting within 3 days of the kick-off, its feedback open 2 days; going on brings 2 check-ins 14 days apart. */
const flashInput = async (): Promise<PairWorkflowInput> => ({
  ...(await input(7 * DAY)),
  schedule: { charterDurationMs: 7 * DAY, checkInCount: 2, checkInIntervalMs: 14 * DAY, finalSurveyMs: 2 * DAY },
  flash: { meetings: 1, meetingWindowMs: 3 * DAY },
});

async function kickedOff(recorded: Recording, taskQueue: string) {
  const handle = await start(taskQueue, await flashInput());
  await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
  await sign(recorded, handle, mentee);
  await sign(recorded, handle, mentor);
  await eventually(async () => expect(recorded.names()).toContain('kick-off'));
  return { handle, at: recorded.calls.find((c) => c.name === 'kick-off')! };
}

describe('pairWorkflow: flash mentoring', () => {
  it('reminds both to book their meeting, asks for feedback when the window closes, and ends there when they do not both go on', async () => {
    const recorded = recording();
    const worker = await startWorker(recorded.activities);
    try {
      const { handle, at: kickOff } = await kickedOff(recorded, worker.taskQueue);
      const feedbackAt = (kickOff.args.checkIns as string[])[0]!;
      // The kick-off names one date: the feedback's, when the meeting window closes.
      expect(kickOff.args.checkIns).toHaveLength(1);
      expect((Date.parse(feedbackAt) - kickOff.at) / DAY).toBeCloseTo(3, 1);
      await openRound(handle, 0);
      const booking = recorded.calls.find((c) => c.name === 'remind-booking')!;
      expect(booking.args).toMatchObject({ by: feedbackAt });
      expect((booking.at - kickOff.at) / DAY).toBeCloseTo(1, 1); // a third of the window
      await answer(recorded, handle, 0, mentee, { ...fine, longPair: 'yes' });
      await answer(recorded, handle, 0, mentor, { ...fine, continue: 'no', longPair: 'no' });
      const state = await handle.result();
      expect(state).toMatchObject({
        stage: 'completed',
        ended: { reason: 'programme ended' },
        flash: { bookingReminded: true, goOn: false },
      });
      expect(state.finalSurvey).toBeUndefined(); // the feedback was its closing survey
      expect(recorded.names()).toEqual([
        'open-charter',
        'close-charter',
        'kick-off',
        'remind-booking',
        'check-in',
        'close-check-in',
        'health',
        'complete',
      ]);
      // "Would not meet again" closes a flash programme; it is not a wish to stop that puts the pair at risk.
      expect(recorded.calls.find((c) => c.name === 'health')!.args).toMatchObject({ health: 'on-track', reasons: [] });
    } finally {
      await worker.stop();
    }
  });

  it('ended early with its objectives achieved, before its feedback: the final survey closes it', async () => {
    const recorded = recording();
    const worker = await startWorker(recorded.activities);
    try {
      const { handle } = await kickedOff(recorded, worker.taskQueue);
      await handle.signal(endPairSignal, { reason: 'objectives achieved' });
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('final-survey'));
      for (const party of [mentee, mentor]) await answerFinal(recorded, handle, party);
      expect(await handle.result()).toMatchObject({
        stage: 'completed',
        ended: { reason: 'objectives achieved' },
        finalSurvey: { answered: [mentee, mentor] },
      });
      expect(recorded.names()).not.toContain('check-in');
    } finally {
      await worker.stop();
    }
  });

  it('goes on as a long pair when both wish: a new run, the check-ins numbered after the feedback, then the final survey', async () => {
    const recorded = recording();
    const worker = await startWorker(recorded.activities);
    try {
      const { handle } = await kickedOff(recorded, worker.taskQueue);
      await openRound(handle, 0);
      for (const party of [mentee, mentor]) await answer(recorded, handle, 0, party, { ...fine, longPair: 'yes' });
      // Both answered: the feedback closes and the pair goes on at once, no time passing.
      await eventually(async () => expect(recorded.names()).toContain('kick-off'));
      await eventually(async () => expect(recorded.calls.filter((c) => c.name === 'kick-off')).toHaveLength(2));
      const goOn = recorded.calls.filter((c) => c.name === 'kick-off')[1]!;
      expect(goOn.args).toMatchObject({ continued: true });
      expect(goOn.args.checkIns).toHaveLength(2);
      for (const round of [1, 2]) {
        await openRound(handle, round);
        for (const party of [mentee, mentor]) await answer(recorded, handle, round, party);
      }
      await until(handle, (s) => s.stage === 'final-survey');
      for (const party of [mentee, mentor]) await answerFinal(recorded, handle, party);
      const state = await handle.result();
      expect(state).toMatchObject({ stage: 'completed', checkIns: { done: 3 }, finalSurvey: { answered: [mentee, mentor] } });
      const rounds = recorded.calls.filter((c) => c.name === 'check-in' && !c.args.reminder).map((c) => c.args.round);
      expect(rounds).toEqual([0, 1, 2]);
      expect(recorded.names().slice(-3)).toEqual(['final-survey', 'close-final-survey', 'complete']);
    } finally {
      await worker.stop();
    }
  });
});
