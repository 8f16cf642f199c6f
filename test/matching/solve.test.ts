import { describe, expect, it } from 'vitest';
import { solveGreedy } from '../../matching/greedy.js';
import { buildProblem, solveAssignment } from '../../matching/solve.js';

/** A small deterministic random source, so a failing instance can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

interface Instance {
  mentees: number;
  mentors: number;
  capacity: number[];
  scores: number[][]; // -1: not allowed (a must-match failed, an exclusion)
  threshold: number;
}

function randomInstance(seed: number): Instance {
  const r = random(seed);
  const mentees = 1 + Math.floor(r() * 6);
  const mentors = 1 + Math.floor(r() * 4);
  const capacity = Array.from({ length: mentors }, () => Math.floor(r() * 4));
  const coarse = r() < 0.3; // many ties
  const scores = Array.from({ length: mentees }, () =>
    Array.from({ length: mentors }, () => (r() < 0.25 ? -1 : coarse ? 10 * Math.floor(r() * 4) : Math.floor(r() * 101))),
  );
  return { mentees, mentors, capacity, scores, threshold: Math.floor(r() * 60) };
}

interface Outcome {
  total: number;
  matched: number;
  worst: number | null;
}

/** Whether a is better than b by the objective: total, then people matched, then the worst pair. */
const better = (a: Outcome, b: Outcome) =>
  a.total !== b.total ? a.total > b.total : a.matched !== b.matched ? a.matched > b.matched : (a.worst ?? 101) > (b.worst ?? 101);

/** Every way to give each mentee a mentor or none, within capacities: the best outcome. */
function bruteForce({ mentees, mentors, capacity, scores, threshold }: Instance): Outcome {
  const load = new Array<number>(mentors).fill(0);
  let best: Outcome = { total: 0, matched: 0, worst: null };
  const visit = (i: number, so: Outcome) => {
    if (i === mentees) {
      if (better(so, best)) best = so;
      return;
    }
    visit(i + 1, so);
    for (let j = 0; j < mentors; j++) {
      const s = scores[i]![j]!;
      if (s < 0 || s < threshold || load[j]! >= capacity[j]!) continue;
      load[j]!++;
      visit(i + 1, { total: so.total + s, matched: so.matched + 1, worst: Math.min(so.worst ?? 100, s) });
      load[j]!--;
    }
  };
  visit(0, best);
  return best;
}

const problemOf = (x: Instance) => buildProblem(x.mentees, x.mentors, x.capacity, (i, out) => out.set(x.scores[i]!), x.threshold);

/** The assignment's own outcome, after checking that every pair is allowed and no mentor is over capacity. */
function outcomeOf(instance: Instance, mentorOf: Int32Array, seed: number): Outcome {
  const load = new Array<number>(instance.mentors).fill(0);
  const outcome: Outcome = { total: 0, matched: 0, worst: null };
  mentorOf.forEach((j, i) => {
    if (j < 0) return;
    const s = instance.scores[i]![j]!;
    expect(s, `seed ${seed}: pair ${i}-${j} not allowed`).toBeGreaterThanOrEqual(Math.max(0, instance.threshold));
    load[j]!++;
    outcome.total += s;
    outcome.matched++;
    outcome.worst = Math.min(outcome.worst ?? 100, s);
  });
  load.forEach((l, j) => expect(l, `seed ${seed}: mentor ${j} over capacity`).toBeLessThanOrEqual(instance.capacity[j]!));
  return outcome;
}

describe('solveAssignment', () => {
  it('finds the best total, then the most matched, then the best worst pair, on 1,500 random instances', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const instance = randomInstance(seed);
      const result = solveAssignment(problemOf(instance));
      const outcome = outcomeOf(instance, result.mentorOf, seed);
      expect({ total: result.total, matched: result.matched, worst: result.worst }, `seed ${seed}`).toEqual(outcome);
      expect(outcome, `seed ${seed}: not optimal`).toEqual(bruteForce(instance));
    }
  });

  it('reaches the same optimum from one pair per mentee, adding left-out pairs until none could improve it', () => {
    for (let seed = 3000; seed < 3300; seed++) {
      const instance = randomInstance(seed);
      const result = solveAssignment(problemOf(instance), { firstPairs: 1 });
      expect(outcomeOf(instance, result.mentorOf, seed), `seed ${seed}`).toEqual(bruteForce(instance));
    }
  });

  it('reaches the same optimum when mentees enter together, in phases of tight paths', () => {
    for (let seed = 5000; seed < 6500; seed++) {
      const instance = randomInstance(seed);
      const result = solveAssignment(problemOf(instance), { searchAlone: seed % 3 });
      expect(outcomeOf(instance, result.mentorOf, seed), `seed ${seed}`).toEqual(bruteForce(instance));
    }
  });

  it('gives the same pairs whatever the speed settings, even among many equally good answers', () => {
    for (let seed = 7000; seed < 7040; seed++) {
      const r = random(seed);
      const mentees = 40 + Math.floor(r() * 160);
      const mentors = 10 + Math.floor(r() * 50);
      const coarse = seed % 2 === 0;
      const instance: Instance = {
        mentees,
        mentors,
        threshold: Math.floor(r() * 50),
        capacity: Array.from({ length: mentors }, () => Math.floor(r() * 5)),
        scores: Array.from({ length: mentees }, () =>
          Array.from({ length: mentors }, () => (r() < 0.3 ? -1 : coarse ? 25 * Math.floor(r() * 5) : Math.floor(r() * 101))),
        ),
      };
      const problem = problemOf(instance);
      const reference = solveAssignment(problem, { firstPairs: mentors, searchAlone: Infinity }).mentorOf;
      for (const options of [{}, { firstPairs: 2 }, { searchAlone: 0 }, { firstPairs: 3, searchAlone: 5 }]) {
        const { mentorOf } = solveAssignment(problem, options);
        expect(outcomeOf(instance, mentorOf, seed), `seed ${seed} ${JSON.stringify(options)}`).toEqual(
          outcomeOf(instance, reference, seed),
        );
        expect(Array.from(mentorOf), `seed ${seed} ${JSON.stringify(options)}`).toEqual(Array.from(reference));
      }
    }
  });

  it('forms pairs scoring 0, and matches more people among equal totals', () => {
    expect(
      solveAssignment(
        problemOf({
          mentees: 3,
          mentors: 2,
          capacity: [1, 2],
          scores: [
            [0, 0],
            [0, -1],
            [0, 0],
          ],
          threshold: 0,
        }),
      ).matched,
    ).toBe(3);
    // [[100, 40], [60, -]]: 100 alone or 40 + 60 together; both total 100, the second matches both.
    const tie: Instance = {
      mentees: 2,
      mentors: 2,
      capacity: [1, 1],
      scores: [
        [100, 40],
        [60, -1],
      ],
      threshold: 0,
    };
    expect(Array.from(solveAssignment(problemOf(tie)).mentorOf)).toEqual([1, 0]);
  });

  it('prefers the fairer of two equally good answers', () => {
    // 50 + 50 or 90 + 10: the same total and number matched; the worst pair is 50 rather than 10.
    const instance: Instance = {
      mentees: 2,
      mentors: 2,
      capacity: [1, 1],
      scores: [
        [50, 90],
        [10, 50],
      ],
      threshold: 0,
    };
    expect(solveAssignment(problemOf(instance))).toMatchObject({ total: 100, worst: 50 });
    expect(Array.from(solveAssignment(problemOf(instance)).mentorOf)).toEqual([0, 1]);
  });

  it('gives the same assignment for the same input', () => {
    for (let seed = 1000; seed < 1050; seed++) {
      const instance = randomInstance(seed);
      expect(Array.from(solveAssignment(problemOf(instance)).mentorOf)).toEqual(Array.from(solveAssignment(problemOf(instance)).mentorOf));
    }
  });

  it('leaves mentees under the threshold unmatched rather than force a bad match', () => {
    const instance: Instance = {
      mentees: 3,
      mentors: 2,
      capacity: [2, 2],
      scores: [
        [90, 10],
        [30, 35],
        [-1, 80],
      ],
      threshold: 40,
    };
    expect(Array.from(solveAssignment(problemOf(instance)).mentorOf)).toEqual([0, -1, 1]);
  });

  it('moves a mentee to a second choice when that frees a better pair overall', () => {
    // Greedy takes 0-0 (90) and leaves mentee 1 alone; the optimum is 0-1 + 1-0 = 80 + 85.
    const instance: Instance = {
      mentees: 2,
      mentors: 2,
      capacity: [1, 1],
      scores: [
        [90, 80],
        [85, -1],
      ],
      threshold: 0,
    };
    expect(Array.from(solveAssignment(problemOf(instance)).mentorOf)).toEqual([1, 0]);
    expect(solveGreedy(problemOf(instance)).total).toBe(90);
  });

  it('handles no mentors, zero capacities and nothing allowed without failing', () => {
    expect(solveAssignment(problemOf({ mentees: 2, mentors: 0, capacity: [], scores: [[], []], threshold: 0 })).matched).toBe(0);
    expect(solveAssignment(problemOf({ mentees: 2, mentors: 1, capacity: [0], scores: [[90], [90]], threshold: 0 })).matched).toBe(0);
    expect(solveAssignment(problemOf({ mentees: 1, mentors: 1, capacity: [1], scores: [[-1]], threshold: 0 })).matched).toBe(0);
  });

  it('is never beaten by the greedy baseline', () => {
    for (let seed = 2000; seed < 2300; seed++) {
      const instance = randomInstance(seed);
      expect(solveGreedy(problemOf(instance)).total).toBeLessThanOrEqual(solveAssignment(problemOf(instance)).total);
    }
  });
});
