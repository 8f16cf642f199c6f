import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActivePairs } from '../../db/matching.js';
import { answerSurveys, MENTEE_ANSWERS, MENTOR_ANSWERS, startCohort } from '../helpers/cohort-fixtures.js';
import { eventually } from '../helpers/eventually.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { pageText, webClient } from '../helpers/web-client.js';

/**
 * A proposal longer than a page: its pairs and its unmatched are searched and cut into pages by the server, and
 * swapping, pairing by hand and approving work from any view of it.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const slug = 'national-review';
const pad = (i: number) => String(i).padStart(3, '0');
// 130 mentees: the last 55 speak only French, which no mentor does (unmatched); 60 mentors with 2 places each.
const MENTEES = 130;
const FRENCH_FROM = 75;
const MENTORS = 60;
const base = `/admin/cohorts/${slug}/matching`;
const rowsOf = (html: string, attribute: string) => [...html.matchAll(new RegExp(`${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]!);
/** A hidden field's value as a browser sends it (the page escapes the `&` of a query string). */
const unescaped = (value: string) => value.replaceAll('&amp;', '&');
const optionsOf = (html: string, id: string) =>
  [...new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)![1]!.matchAll(/<option value="([^"]+)"[^>]*>([^<]*)</g)].map(
    (m) => ({ value: m[1]!, label: m[2]! }),
  );

let admin: ReturnType<typeof webClient>;
beforeAll(async () => {
  const cohort = await startCohort(stack, slug, [
    ...Array.from({ length: MENTORS }, (_, i) => `Mentor${pad(i)}:mentor`),
    ...Array.from({ length: MENTEES }, (_, i) => `Mentee${pad(i)}:mentee`),
  ]);
  await answerSurveys(stack, cohort, {
    ...Object.fromEntries(
      Array.from({ length: MENTORS }, (_, i) => [
        `mentor${pad(i)}@${slug}.example.org`,
        { ...MENTOR_ANSWERS, capacity: '2', field: i % 4 ? 'Finance' : 'Law' },
      ]),
    ),
    ...Object.fromEntries(
      Array.from({ length: MENTEES }, (_, i) => [
        `mentee${pad(i)}@${slug}.example.org`,
        { ...MENTEE_ANSWERS, field: i % 3 ? 'Finance' : 'Education', languages: i >= FRENCH_FROM ? 'French' : 'English' },
      ]),
    ),
  });
  admin = webClient(stack.app);
  await admin.logIn();
  const { _csrf } = await admin.hiddenFields(`/admin/cohorts/${slug}`);
  await admin.post(`/admin/cohorts/${slug}/close-survey`, { _csrf: _csrf! });
  await eventually(async () => expect((await stack.workflows.cohortState(slug))?.stage).toBe('review'), 30_000);
}, 120_000);

describe('a proposal longer than a page', () => {
  it('shows 50 pairs at a time, lowest score first, and the next page on', async () => {
    const first = await (await admin.get(base)).text();
    expect(pageText(first)).toContain('75 pairs match.');
    expect(pageText(first)).toContain('Page 1 of 2');
    expect(rowsOf(first, 'data-pair')).toHaveLength(50);
    const scores = [...first.matchAll(/<tr data-pair="[^"]+"><td>[^<]*<\/td><td>[^<]*<\/td><td><strong>(\d+)</g)].map((m) => Number(m[1]));
    expect(scores).toHaveLength(50);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThan(scores.at(-1)!);
    // The approval counts every pair, not the page's.
    expect(pageText(first)).toContain('Approve 75 pairs and introduce them');

    const second = await (await admin.get(`${base}?page=2`)).text();
    expect(rowsOf(second, 'data-pair')).toHaveLength(25);
    expect(new Set([...rowsOf(first, 'data-pair'), ...rowsOf(second, 'data-pair')]).size).toBe(75);

    const byName = await (await admin.get(`${base}?sort=mentee`)).text();
    expect(rowsOf(byName, 'data-pair').slice(0, 3)).toEqual(['Mentee000', 'Mentee001', 'Mentee002']);
  });

  it('pages the unmatched on their own and lists only the first mentors with free places', async () => {
    const first = await (await admin.get(base)).text();
    expect(pageText(first)).toContain('Not matched (55)');
    expect(rowsOf(first, 'data-unmatched')).toHaveLength(50);
    const rest = await (await admin.get(`${base}?others=2`)).text();
    expect(rowsOf(rest, 'data-unmatched')).toHaveLength(5);
    // The pairs stay on their first page meanwhile.
    expect(rowsOf(rest, 'data-pair')).toEqual(rowsOf(first, 'data-pair'));
    // 120 places for 75 mentees: 45 left, with mentors who have one or two.
    const free = Number(/data-free-mentors="(\d+)"/.exec(first)![1]);
    expect(free).toBeGreaterThan(0);
  });

  it('finds pairs by either name, by address, and several at once separated by commas', async () => {
    const one = await (await admin.get(`${base}?q=mentee017`)).text();
    expect(rowsOf(one, 'data-pair')).toEqual(['Mentee017']);
    const byAddress = await (await admin.get(`${base}?q=${encodeURIComponent(`mentee042@${slug}.example.org`)}`)).text();
    expect(rowsOf(byAddress, 'data-pair')).toEqual(['Mentee042']);
    const two = await (await admin.get(`${base}?q=${encodeURIComponent('Mentee017, Mentee042')}&sort=mentee`)).text();
    expect(rowsOf(two, 'data-pair')).toEqual(['Mentee017', 'Mentee042']);
    // The lists of changes offer the pairs shown, not all 75.
    expect(optionsOf(two, 'swap-one').map((o) => o.label.split(' ')[0])).toEqual(['Mentee017', 'Mentee042']);
    const unmatched = await (await admin.get(`${base}?q=mentee120`)).text();
    expect(rowsOf(unmatched, 'data-pair')).toEqual([]);
    expect(rowsOf(unmatched, 'data-unmatched')).toEqual(['Mentee120']);
  });

  it('swaps two pairs found together and comes back to the same view', async () => {
    const view = `q=${encodeURIComponent('Mentee017, Mentee042')}&sort=mentee`;
    const before = await (await admin.get(`${base}?${view}`)).text();
    const mentorOf = (html: string, mentee: string) =>
      new RegExp(`<tr data-pair="${mentee}"><td>${mentee}</td><td>([^<]+)<`).exec(html)![1]!;
    const [was17, was42] = [mentorOf(before, 'Mentee017'), mentorOf(before, 'Mentee042')];
    const fields = await admin.hiddenFields(`${base}?${view}`);
    const [first, second] = optionsOf(before, 'swap-one');
    const swapped = await admin.post(`${base}/adjust`, {
      _csrf: fields._csrf!,
      runId: fields.runId!,
      requestId: crypto.randomUUID(),
      view: unescaped(fields.view!),
      action: 'swap',
      menteeId: first!.value,
      otherMenteeId: second!.value,
      reason: 'they asked for each other',
    });
    expect(swapped.status).toBe(303);
    const back = swapped.headers.get('location')!;
    expect(new URL(back, 'http://x').searchParams.get('q')).toBe('Mentee017, Mentee042');
    expect(new URL(back, 'http://x').searchParams.get('sort')).toBe('mentee');
    expect(new URL(back, 'http://x').searchParams.get('notice')).toBe('adjusted');
    const after = await (await admin.get(back)).text();
    expect([mentorOf(after, 'Mentee017'), mentorOf(after, 'Mentee042')]).toEqual([was42, was17]);
  });

  it('pairs by hand an unmatched mentee found by name with a mentor found beside them, then filters the warned pair', async () => {
    const view = `${base}?q=${encodeURIComponent('Mentee120, Mentor005')}`;
    const html = await (await admin.get(view)).text();
    const mentee = optionsOf(html, 'pair-mentee').find((o) => o.label === 'Mentee120 (unmatched)')!;
    const mentor = optionsOf(html, 'pair-mentor').find((o) => o.label.startsWith('Mentor005 '))!;
    expect(mentee).toBeDefined();
    expect(mentor).toBeDefined();
    const fields = await admin.hiddenFields(view);
    const paired = await admin.post(`${base}/adjust`, {
      _csrf: fields._csrf!,
      runId: fields.runId!,
      requestId: crypto.randomUUID(),
      view: unescaped(fields.view!),
      action: 'pair',
      menteeId: mentee.value,
      mentorId: mentor.value,
      reason: 'she reads English well enough',
    });
    expect(paired.status).toBe(303);
    // Her language breaks a must-match rule; if Mentor005 had no place left, their other pairs are over capacity too.
    const warned = await (await admin.get(`${base}?show=warnings`)).text();
    const warnedPairs = [...warned.matchAll(/<tr data-pair="([^"]+)"><td>[^<]*<\/td><td>([^<]+)</g)].map((m) => ({
      mentee: m[1]!,
      mentor: m[2]!,
    }));
    expect(warnedPairs).toContainEqual({ mentee: 'Mentee120', mentor: 'Mentor005' });
    expect(warnedPairs.every((p) => p.mentor === 'Mentor005')).toBe(true);
    expect(pageText(warned)).toContain(`${warnedPairs.length} pair${warnedPairs.length > 1 ? 's match' : ' matches'}.`);
    expect(pageText(await (await admin.get(base)).text())).toContain('Not matched (54)');
  });

  it('approves every pair of the proposal, whatever page the admin approved from', async () => {
    const fields = await admin.hiddenFields(`${base}?page=2`);
    const approved = await admin.post(`${base}/approve`, { _csrf: fields._csrf!, runId: fields.runId! });
    expect(approved.status).toBe(303);
    const cohort = (await stack.sql<{ id: string }[]>`select id from cohorts where slug = ${slug}`)[0]!;
    await eventually(async () => expect(await listActivePairs(stack.sql, cohort.id)).toHaveLength(76), 30_000);
  });
});
