import { randomUUID } from 'node:crypto';
import { insertCohort, type Cohort } from '../../db/cohorts.js';
import { expect } from 'vitest';
import { listActivePairs } from '../../db/matching.js';
import { countParticipants, findParticipantByEmail } from '../../db/participants.js';
import type { ParticipantRow } from '../../domain/participants-csv.js';
import { pairStateQuery } from '../../workflows/pair/contract.js';
import { eventually } from './eventually.js';
import type { Sql } from '../../db/sql.js';
import type { TestStack } from './stack.js';
import { webClient } from './web-client.js';

export const MENTEE_ANSWERS = {
  goals: 'Find my first job in finance',
  helpWith: ['Job search & applications', 'Networking'],
  languages: 'English',
  field: 'Finance',
  availability: 'monthly',
  meetingMode: 'remote',
  consent: 'on',
};
export const MENTOR_ANSWERS = {
  offers: ['Job search & applications', 'Networking'],
  capacity: '1',
  languages: 'English',
  field: 'Finance',
  availability: 'monthly',
  meetingMode: 'remote',
  consent: 'on',
};

/** A cohort stored and started as the admin form would, with participants given as name:role. */
export async function startCohort(
  stack: TestStack,
  slug: string,
  people: string[],
  options: { surveyMs?: number; programmeMs?: number; charterMs?: number; checkInMs?: number; objectives?: boolean } = {},
): Promise<Cohort> {
  const now = Date.now();
  const participants: ParticipantRow[] = people.map((spec, i) => {
    const [name, role] = spec.split(':') as [string, 'mentor' | 'mentee'];
    return {
      line: i + 2,
      name,
      email: `${name.toLowerCase()}@${slug}.example.org`,
      role,
      languages: ['English'],
      attributes: { Region: i % 2 ? 'North' : 'South' },
    };
  });
  const { cohort } = await insertCohort(stack.sql, {
    formId: randomUUID(),
    slug,
    name: `Cohort ${slug}`,
    description: '',
    charter: 'We meet monthly and answer every check-in honestly.',
    objectives: options.objectives ?? false,
    schedule: {
      surveyOpensAt: new Date(now).toISOString(),
      surveyDeadline: new Date(now + (options.surveyMs ?? 3_600_000)).toISOString(),
      checkInCount: 2,
      checkInIntervalMs: options.checkInMs ?? 60_000,
      programmeDurationMs: options.programmeMs ?? 3_600_000,
      charterDurationMs: options.charterMs ?? 3_600_000,
    },
    participants,
  });
  await stack.workflows.startCohort(cohort, await countParticipants(stack.sql, cohort.id));
  return cohort;
}

/** The personal survey link of a participant, as their email carries it. */
export async function surveyPath(stack: TestStack, cohort: Cohort, email: string): Promise<string> {
  const p = await findParticipantByEmail(stack.sql, cohort.id, email);
  const expiresAt = (p!.surveyDeadline?.getTime() ?? Date.parse(cohort.schedule.surveyDeadline)) + 86_400_000;
  return `/survey/${stack.links.sign({ scope: 'survey', participantId: p!.id, subjectId: cohort.id, expiresAt })}`;
}

/** Every participant answers their survey through the web, as from their email. */
export async function answerSurveys(stack: TestStack, cohort: Cohort, answers: Record<string, Record<string, string | string[]>>) {
  for (const [email, form] of Object.entries(answers)) {
    const path = await surveyPath(stack, cohort, email);
    const page = await (await webClient(stack.app).get(path)).text();
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(page)![1]!;
    const response = await webClient(stack.app).post(path, { submissionId, ...form });
    if (response.status !== 200) throw new Error(`survey of ${email}: ${response.status}`);
  }
}

/** A charter link as the charter email carries it. */
export function charterPath(stack: TestStack, pairId: string, participantId: string): string {
  return `/charter/${stack.links.sign({ scope: 'charter', participantId, subjectId: pairId, expiresAt: Date.now() + 86_400_000 })}`;
}

/**
 * A cohort of one mentor (Mia) and one mentee (Ava), surveyed, matched and approved: returns its pair, waiting
 * for signatures. `beforeAnswers` acts as the two would before answering (change their language, say).
 */
export async function approvedPairOf(
  stack: TestStack,
  slug: string,
  options: Parameters<typeof startCohort>[3] & { beforeAnswers?: (cohort: Cohort) => Promise<void> } = {},
) {
  const { beforeAnswers, ...schedule } = options;
  const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Ava:mentee'], schedule);
  await beforeAnswers?.(cohort);
  await answerSurveys(stack, cohort, { [`mia@${slug}.example.org`]: MENTOR_ANSWERS, [`ava@${slug}.example.org`]: MENTEE_ANSWERS });
  await stack.workflows.closeSurvey(slug);
  await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('review'));
  const state = await stack.workflows.cohortState(slug);
  expect((await stack.workflows.approveMatch(slug, state!.proposal!.runId)).ok).toBe(true);
  const pair = await eventually(async () => {
    const [found] = await listActivePairs(stack.sql, cohort.id);
    expect((await stack.client.workflow.getHandle(found!.workflowId).query(pairStateQuery)).stage).toBe('charter');
    return found!;
  });
  return { cohort, pair };
}

/** A schedule for cohorts stored straight in the database: a survey open for an hour, one check-in a minute in. */
export const shortSchedule = () => ({
  surveyOpensAt: new Date().toISOString(),
  surveyDeadline: new Date(Date.now() + 3_600_000).toISOString(),
  checkInCount: 1,
  checkInIntervalMs: 60_000,
  programmeDurationMs: 600_000,
});

/** A cohort stored straight in the database (no workflow), with `people` participants: a mentor first, then mentees. */
export async function cohortOfPeople(sql: Sql, people: number): Promise<{ cohort: Cohort; ids: string[] }> {
  const { cohort } = await insertCohort(sql, {
    formId: randomUUID(),
    slug: `w-${randomUUID().slice(0, 8)}`,
    name: 'Windows',
    description: '',
    charter: 'We meet.',
    schedule: shortSchedule(),
    participants: Array.from({ length: people }, (_, i) => ({
      line: i + 2,
      name: `P${i}`,
      email: `p${i}@example.org`,
      role: i ? 'mentee' : 'mentor',
      languages: ['English'],
      attributes: {},
    })),
  });
  const ids = (await sql<{ id: string }[]>`select id from participants where cohort_id = ${cohort.id} order by csv_line`).map((r) => r.id);
  return { cohort, ids };
}
