import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { listActivePairs } from '../../db/matching.js';
import { pairStateQuery, pairWorkflowId } from '../../workflows/pair/contract.js';
import { MENTEE_ANSWERS, MENTOR_ANSWERS, startCohort, surveyPath } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { getCohortBySlug } from '../../db/cohorts.js';
import { listParticipants } from '../../db/participants.js';

let stack: TestStack;
let client: Client;
beforeAll(async () => {
  stack = await startTestStack();
  client = stack.client;
});
afterAll(async () => stack?.stop());

const slug = 'matching-flow';
const admin = () => {
  const c = webClient(stack.app);
  return c.logIn().then(() => c);
};
const stage = async () => (await stack.workflows.cohortState(slug))?.stage;

describe('from the survey to pair workflows, through the admin review', () => {
  it('proposes, lets the admin adjust with warnings, approves, starts pairs and introduces them', async () => {
    const cohort = await startCohort(stack, slug, ['Mia:mentor', 'Noah:mentor', 'Ava:mentee', 'Leo:mentee', 'Zoe:mentee', 'Sam:mentee']);
    const answer = async (email: string, answers: Record<string, string | string[]>) => {
      const path = await surveyPath(stack, cohort, email);
      const form = await (await webClient(stack.app).get(path)).text();
      const submissionId = /name="submissionId" value="([^"]+)"/.exec(form)![1]!;
      expect((await webClient(stack.app).post(path, { submissionId, ...answers })).status).toBe(200);
    };
    await answer(`mia@${slug}.example.org`, MENTOR_ANSWERS);
    await answer(`noah@${slug}.example.org`, { ...MENTOR_ANSWERS, field: 'Law' });
    await answer(`ava@${slug}.example.org`, MENTEE_ANSWERS);
    await answer(`leo@${slug}.example.org`, { ...MENTEE_ANSWERS, field: 'Law' });
    await answer(`zoe@${slug}.example.org`, { ...MENTEE_ANSWERS, languages: 'French' });
    // Sam never answers.

    const c = await admin();
    const { _csrf } = await c.hiddenFields(`/admin/cohorts/${slug}`);
    await c.post(`/admin/cohorts/${slug}/close-survey`, { _csrf: _csrf! });
    await eventually(async () => expect(await stage()).toBe('review'));

    let page = pageText(await (await c.get(`/admin/cohorts/${slug}/matching`)).text());
    expect(page).toContain('2 pairs');
    expect(page).toMatch(/Ava Mia 100 ✓ both work in Finance/);
    expect(page).toMatch(/Leo Noah 100 ✓ both work in Law/);
    expect(page).toContain('Zoe mentee no mentor meets every must-match criterion together: shared language (0 of 2 mentors)');
    expect(page).toContain('Sam mentee did not answer the intake survey');
    expect(page).toContain('1 participant did not answer the survey and is not matched.');
    expect(page).toContain('How pairs are chosen: the highest total score; among equal totals, the most mentees matched');

    // Swap the mentors of Ava and Leo (with a reason): both scores drop, shown on the page.
    const html = await (await c.get(`/admin/cohorts/${slug}/matching`)).text();
    const runId = /name="runId" value="([^"]+)"/.exec(html)![1]!;
    // The swap's two lists start on different pairs.
    expect(html).toMatch(
      /<h2>Swap two mentors<\/h2>[\s\S]*<select id="swap-one" name="menteeId"><option value="[^"]+" selected="">[^<]+<\/option><option value="[^"]+">/,
    );
    expect(html).toMatch(
      /<select id="swap-other" name="otherMenteeId"><option value="[^"]+">[^<]+<\/option><option value="[^"]+" selected="">/,
    );
    const ids = Object.fromEntries(
      [...html.matchAll(/<tr data-pair="(\w+)">[\s\S]*?name="menteeId" value="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const mentors = Object.fromEntries([...html.matchAll(/<option value="([^"]+)">(\w+) \(\d+ free place/g)].map((m) => [m[2]!, m[1]!]));
    const swapped = await c.post(`/admin/cohorts/${slug}/matching/adjust`, {
      _csrf: _csrf!,
      runId,
      requestId: crypto.randomUUID(),
      action: 'swap',
      menteeId: ids.Ava!,
      otherMenteeId: ids.Leo!,
      reason: 'Ava asked for a lawyer',
    });
    expect(swapped.headers.get('location')).toBe(`/admin/cohorts/${slug}/matching?notice=adjusted`);
    page = pageText(await (await c.get(`/admin/cohorts/${slug}/matching`)).text());
    expect(page).toMatch(/Ava Noah 75 ✗ different fields: Finance \/ Law/);

    // Pair Zoe by hand with Mia: no shared language (a must-match) and Mia has one place only.
    await c.post(`/admin/cohorts/${slug}/matching/adjust`, {
      _csrf: _csrf!,
      runId,
      requestId: crypto.randomUUID(),
      action: 'pair',
      menteeId: (await menteeId('Zoe'))!,
      mentorId: mentors.Mia!,
      reason: 'Zoe insists',
    });
    page = pageText(await (await c.get(`/admin/cohorts/${slug}/matching`)).text());
    expect(page).toContain('⚠ must match shared language: not met');
    expect(page).toContain('⚠ the mentor would have 2 mentees for 1 place');
    expect(page).toContain('pair, “Zoe insists”');
    // ...then undo it.
    await c.post(`/admin/cohorts/${slug}/matching/adjust`, {
      _csrf: _csrf!,
      runId,
      requestId: crypto.randomUUID(),
      action: 'unpair',
      menteeId: (await menteeId('Zoe'))!,
      reason: 'on second thought',
    });
    page = pageText(await (await c.get(`/admin/cohorts/${slug}/matching`)).text());
    expect(page).toContain('Zoe mentee unpaired by the admin: on second thought');

    // A change without a reason is refused with the field's message.
    const noReason = await c.post(`/admin/cohorts/${slug}/matching/adjust`, {
      _csrf: _csrf!,
      runId,
      requestId: crypto.randomUUID(),
      action: 'unpair',
      menteeId: ids.Ava!,
      reason: '',
    });
    expect(noReason.status).toBe(422);
    expect(pageText(await noReason.text())).toContain('Reason: say why (at least 3 characters)');

    const approved = await c.post(`/admin/cohorts/${slug}/matching/approve`, { _csrf: _csrf!, runId });
    expect(approved.headers.get('location')).toBe(`/admin/cohorts/${slug}/matching?notice=approved`);
    // The status says approved at once, as the banner does, even before the workflow has stored it.
    expect(await (await c.get(approved.headers.get('location')!)).text()).toMatch(/data-run-status="(approving|approved)">approved/);
    await eventually(async () => expect(await stage()).toBe('running'));

    const pairs = await listActivePairs(stack.sql, cohort.id);
    expect(pairs.map((p) => `${p.menteeName}-${p.mentorName}`).sort()).toEqual(['Ava-Noah', 'Leo-Mia']);
    for (const pair of pairs) {
      expect(pair.workflowId).toBe(pairWorkflowId(slug, pair.menteeId, pair.mentorId));
      await eventually(async () => expect((await client.workflow.getHandle(pair.workflowId).query(pairStateQuery)).stage).toBe('charter'));
      const description = await client.workflow.getHandle(pair.workflowId).describe();
      expect(description.typedSearchAttributes.get({ name: 'TandemCohort', type: 'KEYWORD' })).toBe(slug);
    }
    await eventually(async () => {
      const intros = (await listOutboxMessages(stack.sql)).filter((m) => /meet your (mentor|mentee)/.test(m.subject));
      expect(intros.map((m) => m.subject).sort()).toEqual([
        `Cohort ${slug}: meet your mentee, Ava`,
        `Cohort ${slug}: meet your mentee, Leo`,
        `Cohort ${slug}: meet your mentor, Mia`,
        `Cohort ${slug}: meet your mentor, Noah`,
      ]);
    });
    // Each introduction says who the partner is, from the partner's own survey, in the reader's words.
    const toAva = (await listOutboxMessages(stack.sql)).find((m) => m.subject === `Cohort ${slug}: meet your mentor, Noah`)!;
    const introText = (await getOutboxMessage(stack.sql, toAva.id))!.text;
    expect(introText).toContain('Noah in a few words');
    expect(introText).toContain('Works in: Law');
    expect(introText).toMatch(/Can help with: .*Networking/);
    const cohortPage = await (await c.get(`/admin/cohorts/${slug}`)).text();
    expect(pageText(cohortPage)).toContain('Pairs (2)');
    expect(pageText(cohortPage)).toContain('signing the charter');
    expect(cohortPage).toContain(`href="/admin/cohorts/${slug}/pairs/${pairs[0]!.id}"`);
  });

  it('rematches on request: the pair ends, the two are kept apart, and the new proposal goes through review', async () => {
    const c = await admin();
    const cohortId = (await stack.sql<{ id: string }[]>`select id from cohorts where slug = ${slug}`)[0]!.id;
    const [avaPair] = (await listActivePairs(stack.sql, cohortId)).filter((p) => p.menteeName === 'Ava');
    const pairPage = `/admin/cohorts/${slug}/pairs/${avaPair!.id}`;
    const { _csrf } = await c.hiddenFields(pairPage);
    const unexplained = await c.post(`${pairPage}/rematch`, {
      _csrf: _csrf!,
      requestId: crypto.randomUUID(),
      participantId: avaPair!.menteeId,
      reason: '',
    });
    expect(unexplained.status).toBe(422);
    expect(pageText(await unexplained.text())).toContain('Reason: say why they need a new partner');
    const asked = await c.post(`${pairPage}/rematch`, {
      _csrf: _csrf!,
      requestId: crypto.randomUUID(),
      participantId: avaPair!.menteeId,
      reason: 'Ava moved to Finance after all',
    });
    expect(asked.headers.get('location')).toBe(`${pairPage}?notice=rematch`);
    await eventually(async () => expect((await client.workflow.getHandle(avaPair!.workflowId).describe()).status.name).toBe('COMPLETED'));
    await eventually(async () => expect(await stage()).toBe('review'));

    const page = pageText(await (await c.get(`/admin/cohorts/${slug}/matching`)).text());
    expect(page).toContain('Rematch proposal');
    // Mia is taken by Leo; Noah is Ava's previous partner: Ava waits, and says why.
    expect(page).toContain('Ava mentee every mentor with a free place is excluded (a previous partner)');
    const [exclusion] =
      await stack.sql`select reason from match_exclusions where mentee_id = ${avaPair!.menteeId} and mentor_id = ${avaPair!.mentorId}`;
    expect(exclusion!.reason).toBe('Ava moved to Finance after all');
    const runId = /name="runId" value="([^"]+)"/.exec(await (await c.get(`/admin/cohorts/${slug}/matching`)).text())![1]!;
    await c.post(`/admin/cohorts/${slug}/matching/approve`, { _csrf: _csrf!, runId });
    await eventually(async () => expect(await stage()).toBe('running'));
    expect((await listActivePairs(stack.sql, cohortId)).map((p) => p.menteeName)).toEqual(['Leo']);
  });

  it('invites a late joiner with a survey window of their own and matches them in the next round', async () => {
    const c = await admin();
    const { _csrf } = await c.hiddenFields(`/admin/cohorts/${slug}`);
    const added = await c.post(`/admin/cohorts/${slug}/participants`, {
      _csrf: _csrf!,
      name: 'Kai',
      email: 'kai@late.example.org',
      role: 'mentor',
      language: 'English',
    });
    expect(added.headers.get('location')).toBe(`/admin/cohorts/${slug}?notice=added`);
    await eventually(async () => expect((await listOutboxMessages(stack.sql, { to: 'kai@late.example.org' })).length).toBe(1));
    const duplicate = await c.post(`/admin/cohorts/${slug}/participants`, {
      _csrf: _csrf!,
      name: 'Kai again',
      email: 'kai@late.example.org',
      role: 'mentor',
      language: '',
    });
    expect(duplicate.headers.get('location')).toBe(`/admin/cohorts/${slug}?problem=duplicate`);

    const cohort = (await stack.sql<{ id: string; slug: string; schedule: never }[]>`select * from cohorts where slug = ${slug}`)[0]!;
    const path = await surveyPath(stack, cohort as never, 'kai@late.example.org');
    const form = await (await webClient(stack.app).get(path)).text();
    expect(pageText(form)).toContain('You take part as a mentor');
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(form)![1]!;
    expect((await webClient(stack.app).post(path, { submissionId, ...MENTOR_ANSWERS })).status).toBe(200);

    // Kai's answer starts a round: Ava, waiting since the rematch, gets Kai.
    await eventually(async () => expect(await stage()).toBe('review'));
    const page = pageText(await (await c.get(`/admin/cohorts/${slug}/matching`)).text());
    expect(page).toMatch(/Ava Kai 100/);
  });

  it('re-runs with other settings: field errors first, then an automatic approval', async () => {
    const c = await admin();
    const { _csrf } = await c.hiddenFields(`/admin/cohorts/${slug}/matching`);
    const weights = {
      weight_field: '3',
      weight_topics: '4',
      weight_language: '2',
      weight_availability: '1',
      weight_meeting: '2',
      attribute_weight_0: '0',
      threshold: '0',
    };
    const invalid = await c.post(`/admin/cohorts/${slug}/matching/rerun`, {
      _csrf: _csrf!,
      ...weights,
      weight_topics: '12',
      threshold: '150',
    });
    expect(invalid.status).toBe(422);
    const text = pageText(await invalid.text());
    expect(text).toContain('Weight: 0 to 10');
    expect(text).toContain('Minimum score: 0 to 100');

    // Language no longer a must-match, and approval automatic: Zoe (French only) now gets a mentor.
    const rerun = await c.post(`/admin/cohorts/${slug}/matching/rerun`, { _csrf: _csrf!, ...weights, autoApprove: 'on' });
    expect(rerun.headers.get('location')).toBe(`/admin/cohorts/${slug}/matching?notice=rerun`);
    await eventually(async () => expect(await stage()).toBe('running'));
    const cohortId = (await stack.sql<{ id: string }[]>`select id from cohorts where slug = ${slug}`)[0]!.id;
    expect((await listActivePairs(stack.sql, cohortId)).map((p) => p.menteeName).sort()).toEqual(['Ava', 'Leo', 'Zoe']);
    const [run] = await stack.sql<
      { settings: { threshold: number; autoApprove: boolean } }[]
    >`select settings from match_runs where cohort_id = ${cohortId} order by created_at desc limit 1`;
    expect(run!.settings).toMatchObject({ threshold: 0, autoApprove: true });
    // The web app saved them as the cohort's: its next rounds use them too.
    const [saved] = await stack.sql<{ matchSettings: { threshold: number; autoApprove: boolean } }[]>`
      select match_settings from cohorts where id = ${cohortId}`;
    expect(saved!.matchSettings).toMatchObject({ threshold: 0, autoApprove: true });
  });
});

describe('settings chosen before the survey closes', () => {
  it('uses a CSV column as a criterion and approves automatically', async () => {
    const auto = 'auto-approve';
    const cohort = await startCohort(stack, auto, ['Mia:mentor', 'Ava:mentee']);
    const c = await admin();
    const { _csrf } = await c.hiddenFields(`/admin/cohorts/${auto}/matching/settings`);
    const form = pageText(await (await c.get(`/admin/cohorts/${auto}/matching/settings`)).text());
    expect(form).toContain('Region (CSV column)');
    const saved = await c.post(`/admin/cohorts/${auto}/matching/settings`, {
      _csrf: _csrf!,
      weight_field: '3',
      weight_topics: '4',
      weight_language: '2',
      must_language: 'on',
      weight_availability: '1',
      weight_meeting: '2',
      attribute_weight_0: '5',
      threshold: '10',
      autoApprove: 'on',
    });
    expect(saved.headers.get('location')).toBe(`/admin/cohorts/${auto}/matching/settings?notice=saved`);
    for (const [email, answers] of [
      ['mia', MENTOR_ANSWERS],
      ['ava', MENTEE_ANSWERS],
    ] as const) {
      const path = await surveyPath(stack, cohort, `${email}@${auto}.example.org`);
      const submissionId = /name="submissionId" value="([^"]+)"/.exec(await (await webClient(stack.app).get(path)).text())![1]!;
      await webClient(stack.app).post(path, { submissionId, ...answers });
    }
    await stack.workflows.closeSurvey(auto);
    await eventually(async () => expect((await stack.workflows.cohortState(auto))?.stage).toBe('running'));
    const [run] = await stack.sql<
      {
        settings: { attributes: unknown[]; autoApprove: boolean };
        status: string;
        result: { pairs: { criteria: { reason?: string }[] }[] };
      }[]
    >`select * from match_runs where cohort_id = ${cohort.id}`;
    expect(run!.status).toBe('approved');
    expect(run!.settings).toMatchObject({ autoApprove: true, attributes: [{ column: 'Region', weight: 5, mustMatch: false }] });
    // The run keeps the criterion, not the words that quote the two's CSV values...
    expect(run!.result.pairs[0]!.criteria.at(-1)).not.toHaveProperty('reason');
    // ... which the page says from their rows: Ava is from the North, Mia from the South (mentee first).
    expect(pageText(await (await c.get(`/admin/cohorts/${auto}/matching`)).text())).toContain('different Region: North / South');
  });
});

async function menteeId(name: string) {
  const cohort = (await getCohortBySlug(stack.sql, slug))!;
  return (await listParticipants(stack.sql, cohort.id)).find((p) => p.name === name)?.id;
}
