/**
 * Nothing waits past a programme's end, on its real schedule under Temporal's time-skipping test server: a
 * rematch asked for when too little of the programme remains proposes nobody and tells the admin; a rematch
 * proposal still in review when the programme ends is withdrawn; either way the cohort closes with its report.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { cohortOf, cohortRecording } from '../helpers/cohort-workflow.js';
import { DAY, timeSkippingForFile } from '../helpers/time-skipping.js';
import { cohortStateQuery, pairEndedSignal } from '../../workflows/cohort/contract.js';

const env = timeSkippingForFile();

it('withdraws a rematch proposal still in review when the programme ends, and closes with the report', async () => {
  const programmeMs = 90 * DAY;
  const { calls, activities } = cohortRecording(env, programmeMs);
  const { startRunning, stop } = await cohortOf(env(), activities, programmeMs);
  try {
    const handle = await startRunning();
    const approvedAt = calls.find((c) => c.name === 'propose initial')!.at;
    await handle.signal(pairEndedSignal, { participantIds: [randomUUID()], reason: 'charter not signed in time' });
    await expect.poll(async () => (await handle.query(cohortStateQuery)).stage).toBe('review');

    const state = await handle.result(); // time runs on: nobody decides
    expect(state).toMatchObject({ stage: 'closed', rounds: 2, proposal: { approved: false, withdrawn: true } });
    expect(calls.map((c) => c.name)).toEqual(['propose initial', 'propose rematch', 'withdraw', 'report']);
    expect((calls.find((c) => c.name === 'withdraw')!.at - approvedAt) / DAY).toBeCloseTo(90, 0);
  } finally {
    await stop();
  }
});

it('proposes nobody once too little of the programme remains: the admin hears who waits, and the cohort closes', async () => {
  const programmeMs = 90 * DAY; // a new pair needs 37 days, but never more than the last quarter: 22½ days
  const { calls, activities } = cohortRecording(env, programmeMs);
  const { startRunning, stop } = await cohortOf(env(), activities, programmeMs);
  try {
    const handle = await startRunning();
    await env().sleep(70 * DAY); // 20 days left
    const waiting = randomUUID();
    await handle.signal(pairEndedSignal, { participantIds: [waiting], reason: 'charter not signed in time' });
    expect(await handle.result()).toMatchObject({ stage: 'closed', rounds: 1, rematchQueue: [] });
    expect(calls.map((c) => c.name)).toEqual(['propose initial', 'too late', 'report']);
    expect(calls.find((c) => c.name === 'too late')!.args).toMatchObject({ participantIds: [waiting] });
  } finally {
    await stop();
  }
});
