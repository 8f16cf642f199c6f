/**
 * `npm run histories:record`: runs the cohort workflow through its paths on a fresh dev server and stores
 * each history as JSON beside this file. The replay test runs today's workflow code over them, so a change
 * that would break workflows already running fails CI. Record again only when a change is meant to be
 * incompatible (and then version the workflow), never to make the replay test pass.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startTemporalDevServer } from '../../dev/temporal-server.js';
import { TEMPORAL_CLI, ensureTool } from '../../dev/tools.js';
import type { Activities } from '../../activities/index.js';
import type { CohortWorkflowInput } from '../../workflows/cohort.js';
import { cohortWorkflowId } from '../../workflows/ids.js';
import { closeSurveyUpdate, submitSurveyUpdate } from '../../workflows/messages.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import { freePort } from '../helpers/ports.js';

const OUT = import.meta.dirname;
let answered = 0;
const activities: Activities = {
  sendSurveyInvitations: async () => ({ total: 3, invited: 3 }),
  sendSurveyReminders: async () => ({ reminded: 3 - answered }),
  saveSurveySubmission: async () => ({ firstAnswer: true, answered: ++answered }),
  closeSurvey: async () => ({ answered, missing: 3 - answered }),
};

const server = await startTemporalDevServer({ binary: await ensureTool(TEMPORAL_CLI), port: await freePort(), dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 } });
const nativeConnection = await NativeConnection.connect({ address: server.address });
const worker = await Worker.create({ connection: nativeConnection, taskQueue: 'record', workflowsPath: WORKFLOWS_PATH, activities });
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });

const input = (slug: string, surveyMs: number): CohortWorkflowInput => {
  const now = Date.now();
  return { version: 1, cohortId: randomUUID(), slug, schedule: { surveyOpensAt: new Date(now).toISOString(), surveyDeadline: new Date(now + surveyMs).toISOString(), checkInCount: 2, checkInIntervalMs: 60_000, programmeDurationMs: 600_000 } };
};
const submission = () => ({ version: 1 as const, submissionId: randomUUID(), participantId: randomUUID(), answers: { role: 'mentee' as const, goals: 'Learn to negotiate my first salary', helpWith: ['Career choices' as const], field: 'Finance' as const, languages: ['English' as const], availability: 'monthly' as const, meetingMode: 'remote' as const, location: '', preferences: '' } });

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

await worker.runUntil(async () => {
  // The survey runs its course: one answer, two reminders, the deadline.
  answered = 0;
  const deadline = await client.workflow.start('cohortWorkflow', { taskQueue: 'record', workflowId: cohortWorkflowId('replay-deadline'), args: [input('replay-deadline', 4_000)] });
  await deadline.executeUpdate(submitSurveyUpdate, { args: [submission()] });
  await deadline.result();
  await save('cohort-survey-deadline', deadline.workflowId, deadline.firstExecutionRunId);

  // The admin closes the survey early.
  answered = 0;
  const early = await client.workflow.start('cohortWorkflow', { taskQueue: 'record', workflowId: cohortWorkflowId('replay-early'), args: [input('replay-early', 3_600_000)] });
  await early.executeUpdate(submitSurveyUpdate, { args: [submission()] });
  await early.executeUpdate(closeSurveyUpdate);
  await early.result();
  await save('cohort-closed-early', early.workflowId, early.firstExecutionRunId);

  // Many answers: the first run continues as new.
  answered = 0;
  const busy = await client.workflow.start('cohortWorkflow', { taskQueue: 'record', workflowId: cohortWorkflowId('replay-busy'), args: [input('replay-busy', 3_600_000)] });
  for (let i = 0; i < 10; i++) await busy.executeUpdate(submitSurveyUpdate, { args: [submission()] });
  await client.workflow.getHandle(busy.workflowId).executeUpdate(closeSurveyUpdate);
  await client.workflow.getHandle(busy.workflowId).result();
  await save('cohort-many-answers', busy.workflowId, busy.firstExecutionRunId);
});

await connection.close();
await nativeConnection.close();
await server.stop();
