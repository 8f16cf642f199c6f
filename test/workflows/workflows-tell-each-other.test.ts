/**
 * A cohort and its pairs tell each other from workflow code, under the time-skipping server: a dissolved pair
 * sends whoever signed back to its cohort, a rematch the admin asks of the cohort ends the pair, and a pair
 * that closes tells its cohort (which, once the programme has ended, counts its open pairs again). No activity
 * holds a Temporal client for it (each signal is a command in its sender's history, sent once), and a finished
 * receiver is no failure.
 */
import type { Activities } from '../../activities/index.js';
import { afterEach, expect, it } from 'vitest';
import { cohortOf, cohortRecording } from '../helpers/cohort-workflow.js';
import { mentee, mentor, pairWorkflowKit, recording, skippedClock } from '../helpers/pair-workflow.js';
import { DAY, timeSkippingForFile } from '../helpers/time-skipping.js';
import { cohortStateQuery, requestRematchUpdate } from '../../workflows/cohort/contract.js';

const env = timeSkippingForFile();
const { input, start, sign, until, endLeftovers } = pairWorkflowKit(() => env().client, skippedClock(env));
afterEach(endLeftovers);

/** A running cohort and the activities of its pairs, on one worker. */
async function cohortWithPairs(programmeMs: number, cohortActivities: Partial<Activities> = {}) {
  const cohort = cohortRecording(env, programmeMs);
  const pairs = recording();
  const activities = { ...cohort.activities, ...pairs.activities, ...cohortActivities };
  const { taskQueue, slug, startRunning, stop } = await cohortOf(env(), activities, programmeMs);
  const startPair = async () => {
    const args = await input(7 * DAY, programmeMs);
    return start(taskQueue, { ...args, cohortSlug: slug, schedule: { ...args.schedule!, finalSurveyMs: 1.5 * DAY } });
  };
  return { cohort, pairs, startRunning, startPair, stop };
}

it('a dissolved pair sends whoever signed back to its cohort, which proposes them a new partner', async () => {
  const { cohort, pairs, startRunning, startPair, stop } = await cohortWithPairs(120 * DAY);
  try {
    const cohortHandle = await startRunning();
    const pair = await startPair();
    await until(pair, (s) => s.stage === 'charter');
    await sign(pairs, pair, mentee);
    expect(await pair.result()).toMatchObject({ stage: 'dissolved' });
    expect(pairs.calls.find((c) => c.name === 'dissolve')!.args).toMatchObject({ signedIds: [mentee], rematchIds: [mentee] });

    await expect.poll(() => cohort.calls.map((c) => c.name), { timeout: 10_000 }).toContain('propose rematch');
    await expect.poll(async () => (await cohortHandle.query(cohortStateQuery)).stage, { timeout: 10_000 }).toBe('review');
    expect((await cohortHandle.query(cohortStateQuery)).rematchQueue).toEqual([]);
  } finally {
    await stop();
  }
});

it('a rematch the admin asks of the cohort ends the pair, which tells its cohort it has closed', async () => {
  let pairWorkflowId = '';
  const { pairs, startRunning, startPair, stop } = await cohortWithPairs(120 * DAY, {
    releaseForRematch: async () => ({ endedPairId: 'the pair', pairWorkflowId }),
  });
  try {
    const cohortHandle = await startRunning();
    const pair = await startPair();
    pairWorkflowId = pair.workflowId;
    await until(pair, (s) => s.stage === 'charter');
    await sign(pairs, pair, mentee);
    await sign(pairs, pair, mentor);
    await until(pair, (s) => s.stage === 'active');

    await cohortHandle.executeUpdate(requestRematchUpdate, { args: [{ participantId: mentee, reason: 'rematch requested' }] });
    expect(await pair.result()).toMatchObject({ stage: 'ended', ended: { reason: 'rematch requested' } });
    // What wakes a closing cohort to count its open pairs (it would otherwise look once a day).
    await expect.poll(async () => (await cohortHandle.query(cohortStateQuery)).pairsClosed, { timeout: 10_000 }).toBe(1);
  } finally {
    await stop();
  }
});
