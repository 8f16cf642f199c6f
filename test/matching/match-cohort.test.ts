import { describe, expect, it } from 'vitest';
import { BENCH_SETTINGS, TIE_HEAVY_SETTINGS, syntheticCohort } from '../../bench/matching-instance.js';
import { describeNotice, describeUnmatched } from '../../matching/explanations.js';
import { matchCohort, type MatchInput, type MatchResult, type Unmatched } from '../../matching/match-cohort.js';
import { TYPOGRAPHY, translator } from '../../i18n/translator.js';
import type { Mentee, Mentor } from '../../matching/profiles.js';
import { compileScorer } from '../../matching/score.js';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '../../matching/settings.js';

const mentee = (id: string, over: Partial<Mentee['answers']> = {}, attributes: Record<string, string> = {}): Mentee => ({
  id,
  name: `Mentee ${id}`,
  attributes,
  answers: {
    role: 'mentee',
    goals: 'Grow',
    helpWith: ['Networking', 'Job search & applications'],
    field: 'Finance',
    languages: ['English'],
    availability: 'monthly',
    meetingMode: 'remote',
    location: '',
    preferences: '',
    ...over,
  },
});
const mentor = (id: string, over: Partial<Mentor['answers']> = {}, attributes: Record<string, string> = {}): Mentor => ({
  id,
  name: `Mentor ${id}`,
  attributes,
  answers: {
    role: 'mentor',
    offers: ['Networking', 'Job search & applications'],
    capacity: 1,
    experience: '',
    field: 'Finance',
    languages: ['English'],
    availability: 'monthly',
    meetingMode: 'remote',
    location: '',
    preferences: '',
    ...over,
  },
});
const run = (input: Partial<MatchInput> & Pick<MatchInput, 'mentees' | 'mentors'>, settings: Partial<MatchSettings> = {}) =>
  matchCohort({ exclusions: [], unanswered: [], ...input, settings: { ...DEFAULT_MATCH_SETTINGS, ...settings } });

describe('scores and their words', () => {
  it('explains a perfect pair criterion by criterion', () => {
    const result = run({ mentees: [mentee('a')], mentors: [mentor('x')] });
    expect(result.pairs[0]).toMatchObject({ menteeId: 'a', mentorId: 'x', score: 100 });
    expect(result.pairs[0]!.criteria.map((c) => c.reason)).toEqual([
      'both work in Finance',
      'can help with every topic asked for: Job search & applications, Networking',
      'both speak English',
      'both can meet about once a month',
      'both can meet remotely',
    ]);
  });

  it('weighs criteria and says where they differ', () => {
    const result = run(
      {
        mentees: [
          mentee(
            'a',
            { helpWith: ['Networking', 'Leadership'], availability: 'weekly', meetingMode: 'in-person', location: 'Lyon' },
            { Class: '2019' },
          ),
        ],
        mentors: [mentor('x', { field: 'Law', availability: 'fortnightly', meetingMode: 'either', location: 'Paris' }, { Class: '2019' })],
      },
      { threshold: 0, attributes: [{ column: 'Class', weight: 2, mustMatch: false }] },
    );
    const [pair] = result.pairs;
    // field 0×3 + topics ½×4 + language 1×2 + availability ½×1 + meeting 0×2 + Class 1×2 = 6.5 of 14
    expect(pair!.score).toBe(46);
    expect(pair!.criteria.map((c) => c.reason)).toEqual([
      'different fields: Finance / Law',
      'can help with 1 of 2 topics asked for: Networking',
      'both speak English',
      'close availability: every week / every two weeks',
      'in person, but in different places: Lyon / Paris',
      'same Class: 2019',
    ]);
  });
});

describe('scoring a whole row', () => {
  it('gives every pair the score and verdict of the pair-by-pair scorer, exclusions included', () => {
    const { mentees, mentors } = syntheticCohort(60, 30, 7);
    const exclusions = [
      { menteeId: mentees[3]!.id, mentorId: mentors[5]!.id },
      { menteeId: mentees[3]!.id, mentorId: mentors[6]!.id },
    ];
    for (const settings of [BENCH_SETTINGS, ...Object.values(TIE_HEAVY_SETTINGS)]) {
      const scorer = compileScorer(mentees, mentors, settings, exclusions);
      const row = new Int16Array(mentors.length);
      mentees.forEach((_, i) => {
        scorer.scoreRow(i, row);
        mentors.forEach((_, j) => {
          expect(row[j], `${i}-${j}`).toBe(scorer.score(i, j));
          const { score, feasible } = scorer.explain(i, j);
          expect(row[j], `${i}-${j}`).toBe(feasible ? score : -1);
        });
      });
      expect(scorer.score(3, 5)).toBe(-1);
    }
  });
});

/** What the admin reads, in English: the run keeps only the data. */
const english = translator('en');
const reasonOf = (unmatched: Unmatched) => describeUnmatched(unmatched.why, english);
const noticesOf = (result: MatchResult) => result.notices.map((notice) => describeNotice(notice, english));

const onlyWeights = (
  weights: Partial<Record<keyof MatchSettings['criteria'], number>>,
  mustMatch: (keyof MatchSettings['criteria'])[] = [],
): Partial<MatchSettings> => ({
  threshold: 0,
  criteria: Object.fromEntries(
    Object.keys(DEFAULT_MATCH_SETTINGS.criteria).map((key) => [
      key,
      { weight: weights[key as keyof typeof weights] ?? 0, mustMatch: mustMatch.includes(key as never) },
    ]),
  ) as MatchSettings['criteria'],
});

describe('matchCohort', () => {
  it('forms allowed pairs that score 0 when the minimum score is 0', () => {
    const cohort = { mentees: [mentee('a', { field: 'Law' })], mentors: [mentor('x')] };
    const result = run(cohort, onlyWeights({ field: 3 }));
    expect(result.pairs.map((p) => [p.menteeId, p.mentorId, p.score])).toEqual([['a', 'x', 0]]);
    expect(result.freeMentors).toEqual([]);
    expect(run(cohort, { ...onlyWeights({ field: 3 }), threshold: 1 }).pairs).toEqual([]);
  });

  it('matches everyone who meets the must-match rules when every weight is 0', () => {
    const mentees = Array.from({ length: 20 }, (_, i) => mentee(`m${String(i).padStart(2, '0')}`, { field: 'Law' }));
    mentees.push(mentee('zz', { languages: ['Arabic'] }));
    const mentors = Array.from({ length: 10 }, (_, j) => mentor(`t${j}`, { capacity: 2 }));
    const result = run({ mentees, mentors }, onlyWeights({}, ['language']));
    expect(result.summary).toMatchObject({ mentees: 21, matched: 20, totalScore: 0 });
    expect(result.unmatched).toMatchObject([{ participantId: 'zz', name: 'Mentee zz', role: 'mentee', why: { kind: 'must-match' } }]);
    expect(reasonOf(result.unmatched[0]!)).toBe('no mentor meets every must-match criterion together: shared language (0 of 10 mentors)');
  });

  it('matches more people when that costs nothing in total score', () => {
    // a-x 100, a-y 40, b-x 60, b-y not allowed (no shared language): 100 alone, or 40 + 60 with both matched.
    const a = mentee('a', { helpWith: ['Networking'], languages: ['English', 'German'] });
    const b = mentee('b', { helpWith: ['Leadership'] });
    const x = mentor('x', { offers: ['Networking'] });
    const y = mentor('y', { field: 'Law', offers: ['Networking'], languages: ['German'] });
    const result = run({ mentees: [a, b], mentors: [x, y] }, onlyWeights({ field: 3, topics: 2 }, ['language']));
    expect(result.pairs.map((p) => `${p.menteeId}-${p.mentorId} ${p.score}`)).toEqual(['a-y 40', 'b-x 60']);
  });

  it('keeps every excluded pair apart, however many', () => {
    const mentees = ['a', 'b', 'c'].map((id) => mentee(id));
    const mentors = ['x', 'y', 'z'].map((id) => mentor(id));
    const exclusions = [
      ['a', 'x'],
      ['a', 'y'],
      ['b', 'y'],
      ['b', 'z'],
      ['c', 'z'],
      ['c', 'x'],
    ].map(([menteeId, mentorId]) => ({ menteeId: menteeId!, mentorId: mentorId! }));
    expect(run({ mentees, mentors, exclusions }).pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['a-z', 'b-x', 'c-y']);
  });

  it('solves the whole cohort at once rather than first come, first served', () => {
    // a fits x best, but b fits only x; the optimum pairs a with y.
    const result = run({
      mentees: [mentee('a'), mentee('b', { field: 'Law' })],
      mentors: [mentor('x', { field: 'Law' }), mentor('y', { field: 'Finance', availability: 'weekly' })],
    });
    expect(result.pairs.map((p) => `${p.menteeId}-${p.mentorId}`).sort()).toEqual(['a-y', 'b-x']);
    expect(result.summary).toMatchObject({ mentees: 2, matched: 2, matchedPercent: 100 });
  });

  it('keeps below-threshold mentees on a waitlist, with the reason', () => {
    const result = run({ mentees: [mentee('a', { field: 'Law', helpWith: ['Leadership'] })], mentors: [mentor('x')] }, { threshold: 60 });
    expect(result.pairs).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        participantId: 'a',
        name: 'Mentee a',
        role: 'mentee',
        why: { kind: 'below-minimum', best: 42, minimum: 60 },
      },
    ]);
    expect(noticesOf(result)[0]).toMatch(/^No pair reaches the minimum score of 60/);
  });

  it('tells a waitlisted mentee that the fitting mentors went to better pairs', () => {
    const result = run({ mentees: [mentee('a'), mentee('b', { availability: 'weekly' })], mentors: [mentor('x')] });
    expect(result.pairs.map((p) => p.menteeId)).toEqual(['a']);
    expect(reasonOf(result.unmatched[0]!)).toBe('waitlist: the 1 mentor above the minimum score is taken by pairs that fit better overall');
  });

  it('honours must-match criteria and names them when nobody qualifies', () => {
    const result = run({ mentees: [mentee('a', { languages: ['French'] })], mentors: [mentor('x'), mentor('y')] });
    expect(reasonOf(result.unmatched[0]!)).toBe('no mentor meets every must-match criterion together: shared language (0 of 2 mentors)');
  });

  it('reports contradicting must-match criteria', () => {
    const settings = { criteria: { ...DEFAULT_MATCH_SETTINGS.criteria, field: { weight: 3, mustMatch: true } } };
    const result = run(
      { mentees: [mentee('a')], mentors: [mentor('x', { field: 'Law' }), mentor('y', { languages: ['German'] })] },
      settings,
    );
    expect(reasonOf(result.unmatched[0]!)).toBe(
      'no mentor meets every must-match criterion together: field or industry (1 of 2 mentors), shared language (1 of 2 mentors)',
    );
  });

  it('says why as data too, so that each admin reads it in their language', () => {
    const settings = { criteria: { ...DEFAULT_MATCH_SETTINGS.criteria, field: { weight: 3, mustMatch: true } } };
    const result = run(
      {
        mentees: [mentee('a')],
        mentors: [mentor('x', { field: 'Law' }), mentor('y', { languages: ['German'] })],
        unanswered: [{ id: 'z', name: 'Zoé', role: 'mentor' }],
      },
      settings,
    );
    const french = translator('fr');
    expect(describeUnmatched(result.unmatched[0]!.why, french)).toBe(
      TYPOGRAPHY.fr(
        'aucun mentor ne remplit à la fois tous les critères impératifs : domaine ou secteur d’activité (1 mentor sur 2), langue commune (1 mentor sur 2)',
      ),
    );
    expect(result.notices.map((n) => describeNotice(n, french))).toEqual([
      TYPOGRAPHY.fr(
        'Aucun binôme n’atteint le score minimal de 40 avec les critères impératifs : baissez le minimum, assouplissez un critère impératif ou changez les pondérations.',
      ),
      '1 participant n’a pas répondu au questionnaire et n’est pas apparié.',
    ]);
  });

  it('never pairs excluded people, and says so', () => {
    const result = run({ mentees: [mentee('a')], mentors: [mentor('x')], exclusions: [{ menteeId: 'a', mentorId: 'x' }] });
    expect(result.pairs).toEqual([]);
    expect(reasonOf(result.unmatched[0]!)).toBe('every mentor with a free place is excluded (a previous partner)');
  });

  it('respects capacities, places already taken, and mentors with no free place', () => {
    const result = run({
      mentees: [mentee('a'), mentee('b'), mentee('c')],
      mentors: [mentor('x', { capacity: 2 }), mentor('y', { capacity: 1 })],
      placesTaken: { y: 1, x: 1 },
    });
    expect(result.pairs).toHaveLength(1);
    expect(result.freeMentors).toEqual([]);
    const none = run({ mentees: [mentee('a')], mentors: [mentor('x')], placesTaken: { x: 1 } });
    expect(reasonOf(none.unmatched[0]!)).toBe('no mentor has a free place');
    expect(noticesOf(none)).toContain('No mentor has a free place.');
  });

  it('reports unanswered surveys and an empty side instead of failing or going quiet', () => {
    const result = run({ mentees: [mentee('a')], mentors: [], unanswered: [{ id: 'z', name: 'Zoé', role: 'mentor' }] });
    expect(result.unmatched).toEqual([
      { participantId: 'a', name: 'Mentee a', role: 'mentee', why: { kind: 'no-mentor' } },
      { participantId: 'z', name: 'Zoé', role: 'mentor', why: { kind: 'unanswered' } },
    ]);
    expect(noticesOf(result)).toEqual([
      'No mentor answered the survey: no pair can be formed.',
      '1 participant did not answer the survey and is not matched.',
    ]);
    expect(noticesOf(run({ mentees: [], mentors: [mentor('x')] }))[0]).toMatch(/^No mentee to match/);
  });

  it('is reproducible whatever the input order', () => {
    const mentees = ['d', 'a', 'c', 'b'].map((id, i) => mentee(id, { availability: (['monthly', 'weekly'] as const)[i % 2] }));
    const mentors = ['y', 'x'].map((id) => mentor(id, { capacity: 2 }));
    const one = run({ mentees, mentors });
    const other = run({ mentees: [...mentees].reverse(), mentors: [...mentors].reverse() });
    expect(other.pairs).toEqual(one.pairs);
  });
});
