import { describe, expect, it } from 'vitest';
import { solveGreedy } from '../../matching/greedy.js';
import { buildProblem, solveAssignment, solveSparse } from '../../matching/solve.js';

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

/** Every way to give each mentee a mentor or none, within capacities: the best total. */
function bruteForce({ mentees, mentors, capacity, scores, threshold }: Instance): number {
  const load = new Array<number>(mentors).fill(0);
  const best = (i: number): number => {
    if (i === mentees) return 0;
    let value = best(i + 1);
    for (let j = 0; j < mentors; j++) {
      const s = scores[i]![j]!;
      if (s < 0 || s < threshold || load[j]! >= capacity[j]!) continue;
      load[j]!++;
      value = Math.max(value, s + best(i + 1));
      load[j]!--;
    }
    return value;
  };
  return best(0);
}

const problemOf = (x: Instance) => buildProblem(x.mentees, x.mentors, x.capacity, (i, j) => x.scores[i]![j]!, x.threshold);

describe('solveAssignment', () => {
  it('finds the optimum on 500 random instances with capacities, forbidden pairs and thresholds', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const instance = randomInstance(seed);
      const result = solveAssignment(problemOf(instance));
      const load = new Array<number>(instance.mentors).fill(0);
      let total = 0;
      result.mentorOf.forEach((j, i) => {
        if (j < 0) return;
        const s = instance.scores[i]![j]!;
        expect(s, `seed ${seed}: pair ${i}-${j} not allowed`).toBeGreaterThanOrEqual(Math.max(0, instance.threshold));
        load[j]!++;
        total += s;
      });
      load.forEach((l, j) => expect(l, `seed ${seed}: mentor ${j} over capacity`).toBeLessThanOrEqual(instance.capacity[j]!));
      expect(result.total, `seed ${seed}`).toBe(total);
      expect(total, `seed ${seed}: not optimal`).toBe(bruteForce(instance));
    }
  });

  it('reaches the same optimum over a few pairs per mentee, adding left-out pairs until none could improve it', () => {
    let multiRound = 0;
    for (let seed = 3000; seed < 3300; seed++) {
      const instance = randomInstance(seed);
      const sparse = solveSparse(problemOf(instance), { k: 1, margin: 0 });
      if (sparse.rounds > 1) multiRound++;
      expect(sparse.total, `seed ${seed}`).toBe(bruteForce(instance));
    }
    expect(multiRound).toBeGreaterThan(5); // the check-and-add rounds were exercised
  });

  it('gives the same assignment for the same input', () => {
    for (let seed = 1000; seed < 1050; seed++) {
      const instance = randomInstance(seed);
      expect(Array.from(solveAssignment(problemOf(instance)).mentorOf)).toEqual(Array.from(solveAssignment(problemOf(instance)).mentorOf));
    }
  });

  it('leaves mentees under the threshold unmatched rather than force a bad match', () => {
    const instance: Instance = { mentees: 3, mentors: 2, capacity: [2, 2], scores: [[90, 10], [30, 35], [-1, 80]], threshold: 40 };
    expect(Array.from(solveAssignment(problemOf(instance)).mentorOf)).toEqual([0, -1, 1]);
  });

  it('moves a mentee to a second choice when that frees a better pair overall', () => {
    // Greedy takes 0-0 (90) and leaves mentee 1 alone; the optimum is 0-1 + 1-0 = 80 + 85.
    const instance: Instance = { mentees: 2, mentors: 2, capacity: [1, 1], scores: [[90, 80], [85, -1]], threshold: 0 };
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
