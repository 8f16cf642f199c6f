/**
 * `npm run histories:record`: runs the workflows through their paths on a fresh dev server (activities
 * replaced by stand-ins) and stores each history as JSON beside this file. The replay test runs today's
 * workflow code over them, so a change that would break workflows already running fails CI. Record again
 * only when a change is meant to be incompatible (and then version the workflow with `patched`); keep the
 * histories of the version before in a folder of its own (`before-<change>/`) for as long as its patch lives
 * (docs/versions.md). Payloads are encrypted, with the tests' key.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../../activities/index.js';
import { startTemporalDevServer } from '../../dev/temporal-server.js';
import { TEMPORAL_CLI, ensureTool } from '../../dev/tools.js';
import { cohortReport } from '../../domain/report.js';
import { DEFAULT_MATCH_SETTINGS } from '../../matching/settings.js';
import { WORKFLOWS_PATH, createEmailWorker } from '../../worker/create-worker.js';
import * as cohort from '../../workflows/cohort/contract.js';
import * as pairs from '../../workflows/pair/contract.js';
import { freePort } from '../../dev/ports.js';
import { testDataConverter } from '../helpers/stack.js';

const OUT = import.meta.dirname; // the top level: what today's code records (older versions live in subfolders)
let answered = 0;
let autoApprove = true;
/** What the web app stored, by pair: the pair reads it when a window closes. */
const stored = new Map<string, { signed: Record<string, string>; rounds: Record<number, pairs.RoundAnswers>; finalSurvey: string[] }>();
const storedFor = (pairId: string) => stored.get(pairId) ?? (stored.set(pairId, { signed: {}, rounds: {}, finalSurvey: [] }), stored.get(pairId)!);
const activities: Partial<Activities> = {
  planSurveyMailing: async ({ cohortId, mailing }) => ({ total: mailing.kind === 'invitation' ? 3 : 3 - answered, batches: [{ first: cohortId, last: cohortId }] }),
  sendSurveyMailingBatch: async () => ({ sent: 3, bounced: 0 }),
  closeSurvey: async () => ({ answered, missing: 3 - answered }),
  proposeMatching: async ({ runId }) => ({ runId, pairs: 1, mentees: 2, autoApprove }),
  adjustMatchProposal: async () => ({ warnings: [{ kind: 'below-minimum', score: 35, minimum: 40 }] }),
  approveMatching: async () => ({ pairs: 1, programmeEndsAt: new Date(Date.now() + 3_000).toISOString() }),
  startPairWorkflows: async () => ({ started: 1 }),
  releaseForRematch: async () => ({ endedPairId: randomUUID(), pairWorkflowId: 'pair-replay-ended', formerPartnerId: randomUUID() }),
  inviteLateJoiners: async ({ participantIds }) => ({ invited: participantIds.length }),
  sendEnrolmentConfirmations: async ({ requestIds }) => ({ sent: requestIds.length }),
  sendMatchIntroduction: async () => {},
  openCharter: async () => {},
  remindCharter: async () => {},
  alertCharterUnsigned: async () => {},
  closeCharter: async ({ pairId }) => ({ signed: storedFor(pairId).signed }),
  saveCharterDeadline: async () => {},
  moveAnswerWindow: async () => {},
  pausePair: async () => {},
  resumePair: async () => {},
  kickOffPair: async () => {},
  dissolvePair: async () => {},
  requestCheckIn: async () => {},
  remindMeetingBooking: async () => {},
  closeCheckIn: async ({ pairId, round }) => ({ answers: storedFor(pairId).rounds[round] ?? {} }),
  recordHealth: async () => {},
  requestFinalSurvey: async () => {},
  closeFinalSurvey: async ({ pairId }) => ({ answered: storedFor(pairId).finalSurvey }),
  completePair: async () => {},
  countOpenPairs: async () => ({ open: 0 }),
  closeCohort: async () => cohortReport([]),
  eraseCohortPersonalData: async () => ({ erased: 3 }),
};

const server = await startTemporalDevServer({ binary: await ensureTool(TEMPORAL_CLI), port: await freePort(), dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 } });
const nativeConnection = await NativeConnection.connect({ address: server.address });
const worker = await Worker.create({ connection: nativeConnection, taskQueue: 'record', workflowsPath: WORKFLOWS_PATH, activities, dataConverter: testDataConverter });
// Mailings' requests on the email task queue, as in production.
const emailWorker = await createEmailWorker({ connection: nativeConnection, taskQueue: 'record', dataConverter: testDataConverter, activities: activities as Activities, requestsPerSecond: 100 });
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection, dataConverter: testDataConverter });

const input = (slug: string, surveyMs: number): cohort.CohortWorkflowInput => {
  const now = Date.now();
  return { version: 1, cohortId: randomUUID(), slug, participantCount: 3, schedule: { surveyOpensAt: new Date(now).toISOString(), surveyDeadline: new Date(now + surveyMs).toISOString(), checkInCount: 2, checkInIntervalMs: 60_000, programmeDurationMs: 3_000 } };
};
/** A first survey answer, as the worker's relay tells the cohort of it (the web app stored it). */
const answer = async (handle: WorkflowHandle, participantId = randomUUID()) => {
  answered++;
  await handle.signal(cohort.surveyAnsweredSignal, [{ participantId }]);
};
const startCohort = (slug: string, surveyMs: number) => client.workflow.start('cohortWorkflow', { taskQueue: 'record', workflowId: cohort.cohortWorkflowId(slug), args: [input(slug, surveyMs)] });
const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
};

/** A pair's party answers through the web app: stored, then told to the pair by the relay. */
const sign = async (handle: WorkflowHandle, pairId: string, participantId: string) => {
  const at = new Date().toISOString();
  storedFor(pairId).signed[participantId] = at;
  await handle.signal(pairs.answersRecordedSignal, [{ form: 'charter', participantId, at }]);
};
const checkIn = async (handle: WorkflowHandle, pairId: string, round: number, participantId: string, more: Partial<pairs.RoundAnswers[string]> = {}) => {
  (storedFor(pairId).rounds[round] ??= {})[participantId] = { met: 'yes', meetings: 1, rating: 4, continue: 'yes', blocked: false, ...more };
  await handle.signal(pairs.answersRecordedSignal, [{ form: 'check-in', participantId, round }]);
};
const finalAnswer = async (handle: WorkflowHandle, pairId: string, participantId: string) => {
  storedFor(pairId).finalSurvey.push(participantId);
  await handle.signal(pairs.answersRecordedSignal, [{ form: 'final-survey', participantId }]);
};

/** Saves every run of the workflow, following continue-as-new from the first run. */
async function save(name: string, workflowId: string, firstRunId: string) {
  let runId: string | undefined = firstRunId;
  for (let run = 1; runId; run++) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    await writeFile(path.join(OUT, `${name}-run${run}.json`), historyToJSON(history));
    console.log(`recorded ${name} run ${run} (${history.events?.length} events)`);
    runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
}

const emailWorkerRunning = emailWorker.run();
await worker.runUntil(async () => {
  // The survey runs its course, matching approves itself, the programme runs to its end.
  answered = 0;
  autoApprove = true;
  const deadline = await startCohort('replay-deadline', 4_000);
  await answer(deadline);
  await deadline.result();
  await save('cohort-auto-approved', deadline.workflowId, deadline.firstExecutionRunId);

  // The admin closes the survey early, adjusts and re-runs the proposal, approves; then a rematch and a late joiner.
  answered = 0;
  autoApprove = false;
  const review = await startCohort('replay-review', 3_600_000);
  await answer(review);
  await review.executeUpdate(cohort.closeSurveyUpdate);
  await until(async () => (await review.query(cohort.cohortStateQuery)).stage === 'review');
  const first = (await review.query(cohort.cohortStateQuery)).proposal!.runId;
  await review.executeUpdate(cohort.adjustMatchUpdate, { args: [{ runId: first, requestId: randomUUID(), adjustment: { action: 'unpair', menteeId: randomUUID() }, reason: 'they already know each other' }] });
  await review.executeUpdate(cohort.rerunMatchUpdate, { args: [{ settings: { ...DEFAULT_MATCH_SETTINGS, threshold: 30 } }] });
  await until(async () => (await review.query(cohort.cohortStateQuery)).proposal?.runId !== first);
  await until(async () => (await review.query(cohort.cohortStateQuery)).stage === 'review');
  await review.executeUpdate(cohort.approveMatchUpdate, { args: [{ runId: (await review.query(cohort.cohortStateQuery)).proposal!.runId }] });
  await until(async () => (await review.query(cohort.cohortStateQuery)).stage === 'running');
  autoApprove = true;
  await review.executeUpdate(cohort.requestRematchUpdate, { args: [{ participantId: randomUUID(), reason: 'the mentor moved abroad' }] });
  const lateJoiner = randomUUID();
  await review.executeUpdate(cohort.addLateJoinersUpdate, { args: [{ participantIds: [lateJoiner] }] });
  await answer(review, lateJoiner);
  await review.result();
  await save('cohort-review-rematch-late-joiner', review.workflowId, review.firstExecutionRunId);

  // Sign-ups through the public link: each is owed its confirmation email; one confirms and joins late.
  answered = 0;
  autoApprove = true;
  const enrolment = await startCohort('replay-enrolment', 3_600_000);
  await enrolment.signal(cohort.enrolmentRequestedSignal, [{ requestId: randomUUID() }, { requestId: randomUUID() }]);
  const signedUp = randomUUID();
  await enrolment.executeUpdate(cohort.addLateJoinersUpdate, { args: [{ participantIds: [signedUp] }] });
  await answer(enrolment, signedUp);
  await enrolment.executeUpdate(cohort.closeSurveyUpdate);
  await enrolment.result();
  await save('cohort-enrolment', enrolment.workflowId, enrolment.firstExecutionRunId);

  // Many answers: the first run continues as new.
  answered = 0;
  const busy = await startCohort('replay-busy', 3_600_000);
  for (let i = 0; i < 40; i++) await answer(client.workflow.getHandle(busy.workflowId));
  await client.workflow.getHandle(busy.workflowId).executeUpdate(cohort.closeSurveyUpdate);
  await client.workflow.getHandle(busy.workflowId).result();
  await save('cohort-many-answers', busy.workflowId, busy.firstExecutionRunId);

  // Closed, it keeps personal data for its retention; an erasure meanwhile starts a fresh run; then it erases.
  answered = 0;
  autoApprove = true;
  const retentionInput = input('replay-retention', 3_600_000);
  retentionInput.schedule.retentionMs = 3_000;
  const retained = await client.workflow.start('cohortWorkflow', { taskQueue: 'record', workflowId: cohort.cohortWorkflowId('replay-retention'), args: [retentionInput] });
  await answer(retained);
  await retained.executeUpdate(cohort.closeSurveyUpdate);
  await until(async () => (await retained.query(cohort.cohortStateQuery)).stage === 'closed');
  await retained.signal(cohort.forgetParticipantSignal, { participantId: randomUUID() });
  await client.workflow.getHandle(retained.workflowId).result();
  await save('cohort-retention-forget', retained.workflowId, retained.firstExecutionRunId);

  // Pairs: both sign and the pair runs until ended early; one never signs and the pair is dissolved.
  const pairInput = (name: string, charterMs: number, mentee = randomUUID(), mentor = randomUUID()) => ({
    taskQueue: 'record', workflowId: `pair-replay-${name}`,
    args: [{ version: 1 as const, pairId: randomUUID(), cohortId: randomUUID(), cohortSlug: 'replay', menteeId: mentee, mentorId: mentor,
      programmeEndsAt: new Date(Date.now() + 3_600_000).toISOString(), schedule: { charterDurationMs: charterMs, checkInCount: 2, checkInIntervalMs: 60_000, finalSurveyMs: 2_000 } }],
  });
  const signed = pairInput('signed', 3_600_000);
  const pair = await client.workflow.start('pairWorkflow', signed);
  await until(async () => (await pair.query(pairs.pairStateQuery)).stage === 'charter');
  for (const participantId of [signed.args[0]!.menteeId, signed.args[0]!.mentorId]) await sign(pair, signed.args[0]!.pairId, participantId);
  await until(async () => (await pair.query(pairs.pairStateQuery)).stage === 'active');
  await pair.signal(pairs.endPairSignal, { reason: 'objectives achieved' });
  await until(async () => (await pair.query(pairs.pairStateQuery)).stage === 'final-survey');
  await finalAnswer(pair, signed.args[0]!.pairId, signed.args[0]!.menteeId);
  await pair.result();
  await save('pair-signed-ended-early', pair.workflowId, pair.firstExecutionRunId);

  // Check-ins: both answer the first, the mentor is silent at the second (reminded), then the pair ends.
  const following = pairInput('check-ins', 3_600_000);
  Object.assign(following.args[0]!.schedule, { checkInIntervalMs: 2_000, checkInCount: 3 }); // the third only closes the second
  const followed = await client.workflow.start('pairWorkflow', following);
  const { menteeId, mentorId } = following.args[0]!;
  await until(async () => (await followed.query(pairs.pairStateQuery)).stage === 'charter');
  const followedPair = following.args[0]!.pairId;
  for (const participantId of [menteeId, mentorId]) await sign(followed, followedPair, participantId);
  await until(async () => (await followed.query(pairs.pairStateQuery)).checkIns.open?.round === 0);
  for (const participantId of [menteeId, mentorId]) await checkIn(followed, followedPair, 0, participantId);
  await until(async () => (await followed.query(pairs.pairStateQuery)).checkIns.open?.round === 1);
  await checkIn(followed, followedPair, 1, menteeId);
  await until(async () => (await followed.query(pairs.pairStateQuery)).checkIns.done === 2);
  await followed.signal(pairs.endPairSignal, { reason: 'objectives achieved' });
  await followed.result();
  await save('pair-check-ins', followed.workflowId, followed.firstExecutionRunId);

  // The admin's actions: the charter extended, both kept should it go unsigned; signed, the pair paused mid
  // check-in, resumed, the check-in extended and answered, then the pair ends.
  const acted = pairInput('admin-actions', 3_000);
  Object.assign(acted.args[0]!.schedule, { checkInIntervalMs: 2_000, checkInCount: 2 });
  const actions = await client.workflow.start('pairWorkflow', acted);
  const parties = [acted.args[0]!.menteeId, acted.args[0]!.mentorId];
  await until(async () => (await actions.query(pairs.pairStateQuery)).stage === 'charter');
  await actions.executeUpdate(pairs.extendDeadlineUpdate, { args: [{ byMs: 60_000 }] });
  await actions.executeUpdate(pairs.keepBothUpdate, { args: [{ keepBoth: true }] });
  for (const participantId of parties) await sign(actions, acted.args[0]!.pairId, participantId);
  await until(async () => (await actions.query(pairs.pairStateQuery)).checkIns.open?.round === 0);
  await actions.executeUpdate(pairs.pauseUpdate, { args: [{ reason: 'the mentor is travelling' }] });
  await new Promise((r) => setTimeout(r, 1_500));
  await actions.executeUpdate(pairs.resumeUpdate);
  await actions.executeUpdate(pairs.extendDeadlineUpdate, { args: [{ byMs: 1_000 }] });
  for (const participantId of parties) await checkIn(actions, acted.args[0]!.pairId, 0, participantId);
  await until(async () => (await actions.query(pairs.pairStateQuery)).checkIns.done === 1);
  await actions.executeUpdate(pairs.nudgeUpdate).catch(() => undefined); // between check-ins: refused, no trace
  await actions.signal(pairs.endPairSignal, { reason: 'no longer following up' });
  await actions.result();
  await save('pair-admin-actions', actions.workflowId, actions.firstExecutionRunId);

  // Flash mentoring: signed, reminded to book, both give their feedback and go on: a new run as a long pair,
  // its two check-ins, its final survey.
  const flashInput = pairInput('flash-goes-on', 3_600_000);
  Object.assign(flashInput.args[0]!, { flash: { meetings: 1, meetingWindowMs: 2_000 } });
  Object.assign(flashInput.args[0]!.schedule, { checkInIntervalMs: 2_000, checkInCount: 2 });
  const flash = await client.workflow.start('pairWorkflow', flashInput);
  const flashPair = flashInput.args[0]!.pairId;
  const flashParties = [flashInput.args[0]!.menteeId, flashInput.args[0]!.mentorId];
  await until(async () => (await flash.query(pairs.pairStateQuery)).stage === 'charter');
  for (const participantId of flashParties) await sign(flash, flashPair, participantId);
  for (const round of [0, 1, 2]) {
    await until(async () => (await client.workflow.getHandle(flash.workflowId).query(pairs.pairStateQuery)).checkIns.open?.round === round);
    for (const participantId of flashParties) await checkIn(client.workflow.getHandle(flash.workflowId), flashPair, round, participantId, round === 0 ? { longPair: 'yes' } : {});
  }
  await until(async () => (await client.workflow.getHandle(flash.workflowId).query(pairs.pairStateQuery)).stage === 'final-survey');
  for (const participantId of flashParties) await finalAnswer(client.workflow.getHandle(flash.workflowId), flashPair, participantId);
  await client.workflow.getHandle(flash.workflowId).result();
  await save('pair-flash-goes-on', flash.workflowId, flash.firstExecutionRunId);

  const unsigned = pairInput('dissolved', 3_000);
  const dissolved = await client.workflow.start('pairWorkflow', unsigned);
  await until(async () => (await dissolved.query(pairs.pairStateQuery)).stage === 'charter');
  await sign(dissolved, unsigned.args[0]!.pairId, unsigned.args[0]!.mentorId);
  await dissolved.result();
  await save('pair-dissolved', dissolved.workflowId, dissolved.firstExecutionRunId);
});
emailWorker.shutdown();
await emailWorkerRunning;

await connection.close();
await nativeConnection.close();
await server.stop();
