import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { endPairSignal, nudgeUpdate, pairStateQuery, submitFinalSurveyUpdate } from '../../workflows/messages.js';
import { eventually } from '../helpers/eventually.js';
import { fine, mentee, mentor, pairWorkflowKit, recording } from '../helpers/pair-workflow.js';
import { startTestWorker, temporalClientForFile } from '../helpers/stack.js';

const { input, start, sign, activePair, answer, openRound } = pairWorkflowKit(temporalClientForFile());

describe('pairWorkflow: the charter', () => {
  it('starts the pair when both sign: kick-off with the check-in dates within the programme', async () => {
    const { activities, names, calls } = recording();
    const worker = await startTestWorker(activities);
    try {
      const handle = await start(worker.taskQueue, input(60_000, 50_000));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await sign(handle, mentee);
      const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toMatch(/^Charter: waiting for 1 of 2 signatures, deadline /);
      await sign(handle, mentor);
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('active'));
      expect(names()).toEqual(['introduce', 'open-charter', 'sign', 'sign', 'kick-off']);
      await expect(handle.executeUpdate(nudgeUpdate)).rejects.toMatchObject({ cause: { type: 'PairActionRefused' } });
      // Check-ins every 20 s; the third would fall after the programme's end (50 s).
      expect((calls.find((c) => c.name === 'kick-off')!.args.checkIns as string[]).length).toBe(2);
      // Objectives met early: the pair closes with the final survey (the silent reminded halfway), then completes.
      await handle.signal(endPairSignal, { reason: 'objectives achieved' });
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('final-survey'));
      await handle.executeUpdate(submitFinalSurveyUpdate, { args: [{ participantId: mentee, answers: { role: 'mentee', questionsAnswered: 'yes', satisfaction: 5, recommend: 9, improve: '' } }] });
      await expect(handle.executeUpdate(submitFinalSurveyUpdate, { args: [{ participantId: mentor, answers: { role: 'mentee', questionsAnswered: 'yes', satisfaction: 5, recommend: 9, improve: '' } }] }))
        .rejects.toMatchObject({ cause: { message: 'These answers are for the other role.' } });
      expect(await handle.result()).toMatchObject({ stage: 'completed', ended: { reason: 'objectives achieved' }, finalSurvey: { answered: [mentee], reminded: true } });
      expect(names().slice(-4)).toEqual(['final-survey', 'final-answer', 'final-survey', 'complete']);
      expect(calls.at(-1)!.args).toMatchObject({ stage: 'completed', summary: { reason: 'objectives achieved', finalSurveyAnswers: 1 } });
    } finally {
      await worker.stop();
    }
  });

  it('reminds whoever has not signed, alerts the admin, then dissolves and sends the signer back', async () => {
    const { activities, names, calls } = recording();
    const worker = await startTestWorker(activities);
    try {
      const started = Date.now();
      const handle = await start(worker.taskQueue, input(4_000));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await sign(handle, mentor);
      // The admin nudges: only the one who has not signed gets it.
      expect(await handle.executeUpdate(nudgeUpdate)).toEqual({ nudged: [mentee] });
      const state = await handle.result();
      expect(state).toMatchObject({ stage: 'dissolved', charterReminded: true, adminAlerted: true, ended: { reason: 'charter not signed in time' } });
      expect(names()).toEqual(['introduce', 'open-charter', 'sign', 'remind', 'remind', 'alert-admin', 'dissolve']);
      expect(calls.find((c) => c.name === 'remind')!.args).toMatchObject({ participantIds: [mentee], nudge: 1 });
      const at = (name: string) => calls.find((c) => c.name === name)!;
      const scheduled = calls.filter((c) => c.name === 'remind').at(-1)!; // the first was the admin's nudge
      expect(scheduled.args).toMatchObject({ participantIds: [mentee] });
      expect(scheduled.args.nudge).toBeUndefined();
      expect(scheduled.at - started).toBeGreaterThanOrEqual(2_000); // halfway
      expect(at('alert-admin').at - started).toBeGreaterThanOrEqual(3_000); // three quarters
      expect(at('dissolve').args).toMatchObject({ signedIds: [mentor] });
      expect(at('dissolve').at - started).toBeGreaterThanOrEqual(4_000);
    } finally {
      await worker.stop();
    }
  });

  it('accepts a signature that arrives while the charter email is still being sent', async () => {
    const { activities, names } = recording();
    let release!: () => void;
    const sending = new Promise<void>((r) => (release = r));
    const worker = await startTestWorker({ ...activities, openCharter: () => sending });
    try {
      const handle = await start(worker.taskQueue, input(60_000));
      await eventually(async () => expect((await handle.query(pairStateQuery)).charterDeadline).toBeDefined());
      expect((await handle.query(pairStateQuery)).stage).toBe('introduction');
      await sign(handle, mentee); // the first email is out, the workflow has not recorded the stage yet
      release();
      await sign(handle, mentor);
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('active'));
      expect(names()).toEqual(['introduce', 'sign', 'sign', 'kick-off']);
      await handle.terminate('test done');
    } finally {
      release();
      await worker.stop();
    }
  });

  it('refuses a second signature, a stranger and a late signature in the validator, leaving no trace', async () => {
    const { activities, names } = recording();
    let release!: () => void;
    const dissolving = new Promise<void>((r) => (release = r));
    const worker = await startTestWorker({ ...activities, dissolvePair: () => dissolving });
    try {
      const handle = await start(worker.taskQueue, input(2_500));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await sign(handle, mentee);
      await expect(sign(handle, mentee)).rejects.toMatchObject({ cause: { type: 'CharterRefused', message: 'You have already signed this charter.' } });
      await expect(sign(handle, randomUUID())).rejects.toMatchObject({ cause: { message: 'This charter belongs to another pair.' } });
      await new Promise((r) => setTimeout(r, 2_600)); // past the deadline, while the dissolution is under way
      await expect(sign(handle, mentor)).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(sign(handle, mentor)).rejects.toMatchObject({ cause: { message: 'This charter is closed.' } });
      release();
      await handle.result();
      const history = await handle.fetchHistory();
      expect(history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
      expect(names().filter((n) => n === 'sign')).toHaveLength(1);
    } finally {
      release();
      await worker.stop();
    }
  });

  it('ends during the charter when the admin rematches one party', async () => {
    const { activities, names } = recording();
    const worker = await startTestWorker(activities);
    try {
      const handle = await start(worker.taskQueue, input(3_600_000));
      await eventually(async () => expect((await handle.query(pairStateQuery)).stage).toBe('charter'));
      await handle.signal(endPairSignal, { reason: 'rematch requested' });
      expect(await handle.result()).toMatchObject({ stage: 'ended', ended: { reason: 'rematch requested' } });
      expect(names()).toEqual(['introduce', 'open-charter', 'complete']);
    } finally {
      await worker.stop();
    }
  });
});

describe('pairWorkflow: check-ins and health', () => {
  it('follows the pair: on track, then a silent party (reminded), then silent again: at risk, each alerting', async () => {
    const { activities, calls } = recording();
    const worker = await startTestWorker(activities);
    try {
      const handle = await activePair(worker.taskQueue, 3_000, 4); // the 4th only closes the 3rd round
      await openRound(handle, 0);
      await answer(handle, 0, mentee);
      await answer(handle, 0, mentor);
      await eventually(async () => expect((await handle.query(pairStateQuery))).toMatchObject({ health: 'on-track', checkIns: { done: 1 } }));
      await expect(answer(handle, 0, mentee)).rejects.toMatchObject({ cause: { type: 'CheckInRefused', message: 'This check-in is closed.' } });

      await openRound(handle, 1);
      await answer(handle, 1, mentee);
      await expect(answer(handle, 1, mentee)).rejects.toMatchObject({ cause: { message: 'You have already answered this check-in.' } });
      await eventually(async () => expect((await handle.query(pairStateQuery)).health).toBe('needs-attention'), 10_000);
      const reminder = calls.find((c) => c.name === 'check-in' && c.args.reminder === true && c.args.round === 1);
      expect(reminder?.args.participantIds).toEqual([mentor]);

      await openRound(handle, 2);
      await answer(handle, 2, mentee);
      await eventually(async () => expect((await handle.query(pairStateQuery)).health).toBe('at-risk'), 10_000);
      expect(calls.filter((c) => c.name === 'health').map((c) => c.args.health)).toEqual(['on-track', 'needs-attention', 'at-risk']);
      const description = await handle.describe();
      expect(description.typedSearchAttributes.get({ name: 'TandemHealth', type: 'KEYWORD' })).toBe('at-risk');
      await handle.signal(endPairSignal, { reason: 'no longer following up' });
      expect(await handle.result()).toMatchObject({ stage: 'ended', ended: { reason: 'no longer following up' } }); // no final survey
    } finally {
      await worker.stop();
    }
  });

  it('calls a party who wants to stop at risk', async () => {
    const { activities } = recording();
    const worker = await startTestWorker(activities);
    try {
      const handle = await activePair(worker.taskQueue, 2_000, 1);
      await openRound(handle, 0);
      await answer(handle, 0, mentee, { ...fine, continue: 'no', rating: 2 });
      await answer(handle, 0, mentor);
      await eventually(async () => expect((await handle.query(pairStateQuery))).toMatchObject({ health: 'at-risk', healthReasons: ['the mentee wants to stop', 'the mentee rates it 2/5'] }));
      await handle.terminate('test done');
    } finally {
      await worker.stop();
    }
  });
});
