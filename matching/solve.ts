/**
 * Optimal assignment of mentees to mentors with capacities, over allowed pairs only. The objective, in order:
 * 1. the best total score;
 * 2. among equal totals, the most people matched: an allowed pair scoring 0 beats no pair;
 * 3. then the best worst pair: a fairer spread at no cost to 1 and 2;
 * 4. then ties broken by id: mentees enter in id order and, at equal cost, the lower id wins.
 *
 * 1 and 2 are one integer weight per pair (`pairWeights`), maximised by successive shortest paths
 * (`shortest-paths.ts`) over each mentee's best pairs first, then over any left-out pair that could improve it.
 * 3 is a search over thresholds: the highest minimum pair score at which 1 and 2 reach the same optimum.
 * 4 is applied last, to the pairs that some optimal answer uses (see canonicalAnswer): the answer is a
 * function of the input alone, not of the speed settings that found the optimum.
 */
import { maximiseWeight, pairWeights, type Assignment, type AssignmentProblem, type Solved } from './shortest-paths.js';
import { stronglyConnected } from './strongly-connected.js';

export type { Assignment, AssignmentProblem } from './shortest-paths.js';

/**
 * Builds the sparse problem from a row scorer (scores 0..100; -1 is not allowed): the pairs allowed and at or
 * above the threshold, with a mentor who has a free place.
 */
export function buildProblem(
  mentees: number,
  mentors: number,
  capacity: ArrayLike<number>,
  scoreRow: (i: number, out: Int16Array) => void,
  threshold: number,
): AssignmentProblem {
  const rowStart = new Int32Array(mentees + 1);
  const row = new Int16Array(mentors);
  // A mentor without a free place scores below any threshold: one comparison per pair.
  const floor = Int16Array.from({ length: mentors }, (_, j) => (capacity[j]! > 0 ? Math.max(0, threshold) : 101));
  let mentor = new Int32Array(Math.max(16, mentees * 8));
  let weight = new Uint8Array(mentor.length);
  let edges = 0;
  for (let i = 0; i < mentees; i++) {
    if (edges + mentors > mentor.length) {
      const size = Math.max(edges + mentors, Math.ceil(edges * 1.5));
      const grownMentor = new Int32Array(size);
      const grownWeight = new Uint8Array(size);
      grownMentor.set(mentor.subarray(0, edges));
      grownWeight.set(weight.subarray(0, edges));
      mentor = grownMentor;
      weight = grownWeight;
    }
    scoreRow(i, row);
    edges = keepRow(row, floor, mentor, weight, edges);
    rowStart[i + 1] = edges;
  }
  return { mentees, mentors, capacity, rowStart, mentor: mentor.slice(0, edges), score: weight.slice(0, edges) };
}

/** Appends a row's pairs at or above each mentor's floor; returns the new number of pairs. */
function keepRow(row: Int16Array, floor: Int16Array, mentor: Int32Array, weight: Uint8Array, edges: number): number {
  for (let j = 0; j < row.length; j++) {
    const s = row[j]!;
    if (s < floor[j]!) continue;
    mentor[edges] = j;
    weight[edges++] = s;
  }
  return edges;
}

export interface SolveOptions {
  /** How many of each mentee's best pairs the first round solves over (speed only: the optimum is the same). */
  firstPairs?: number;
  /** How many nodes a mentee's own search may explore before the rest enter in phases (speed only). */
  searchAlone?: number;
  onProgress?: (menteesDone: number) => void;
}

/** The assignment that meets the objective above. */
export function solveAssignment(problem: AssignmentProblem, options: SolveOptions = {}): Assignment {
  const best = solveOverPairsScoring(problem, 0, options);
  const { worst } = best.assignment;
  if (worst === null) return best.assignment;
  // Raise the minimum pair score as long as the same total and number matched can still be reached.
  const scores = scoresAbove(problem.score, worst);
  let fairest = best;
  for (let low = 0, high = scores.length - 1; low <= high;) {
    const middle = (low + high) >> 1;
    const minScore = scores[middle]!;
    const candidate = mayKeepOptimum(problem, best.potential, minScore) ? solveOverPairsScoring(problem, minScore, options) : undefined;
    if (candidate && candidate.assignment.total === best.assignment.total && candidate.assignment.matched === best.assignment.matched) {
      fairest = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  // Its worst pair is the highest minimum reachable: rule 4 chooses among the answers that reach it.
  return canonicalAnswer(problem, fairest.assignment.worst!, fairest);
}

/** The distinct scores above `worst`, in increasing order (read once over the pairs: a Set of millions is slow). */
function scoresAbove(score: Uint8Array, worst: number): number[] {
  const present = new Uint8Array(101);
  for (let e = 0; e < score.length; e++) present[score[e]!] = 1;
  const scores: number[] = [];
  for (let s = worst + 1; s <= 100; s++) if (present[s]) scores.push(s);
  return scores;
}

/**
 * A quick test on the optimum's potentials (its dual certificate): false when no optimal assignment can
 * do without pairs scoring under `minScore`. Every optimal assignment uses only pairs of reduced cost 0 or
 * less, uses every pair below 0, matches every mentee whose "unmatched" edge costs more than 0 and fills every
 * mentor whose place costs less than 0: a mentee or a mentor left without enough such pairs at `minScore` or
 * above settles it without solving again.
 */
function mayKeepOptimum(problem: AssignmentProblem, potential: Float64Array, minScore: number): boolean {
  const { mentees: n, mentors: m, capacity, rowStart, mentor, score } = problem;
  const weight = pairWeights(n);
  const sink = n + m;
  const usable = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    let paired = false;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const reduced = -weight[score[e]!]! + potential[i]! - potential[n + mentor[e]!]!;
      if (reduced > 0) continue;
      if (score[e]! < minScore) {
        if (reduced < 0) return false;
        continue;
      }
      paired = true;
      usable[mentor[e]!]!++;
    }
    if (!paired && potential[i]! > potential[sink]!) return false;
  }
  for (let j = 0; j < m; j++) if (potential[n + j]! < potential[sink]! && usable[j]! < capacity[j]!) return false;
  return true;
}

/**
 * Rule 4, whatever produced the optimum: the answer is the one successive shortest paths find, mentees in
 * id order, over the pairs that some optimal answer uses. Those pairs are a property of the problem, not of
 * how it was solved: a pair is in some optimal answer when it is in this one, or when it has reduced cost 0
 * and lies on a cycle of reduced cost 0 in the residual graph, i.e. within one strongly connected component
 * of its tight edges. With few ties they are little more than the answer itself; with many, the search's
 * tie rule keeps them cheap.
 */
function canonicalAnswer(problem: AssignmentProblem, minScore: number, { assignment, potential }: Solved): Assignment {
  const { mentees: n, mentors: m, capacity, rowStart, mentor: col, score } = problem;
  const weight = pairWeights(n);
  const sink = n + m;
  const { mentorOf } = assignment;
  // Which pairs are tight, decided once: the residual graph is read twice and its components once more.
  const tight = new Uint8Array(col.length);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (score[e]! >= minScore && potential[i]! - weight[score[e]!]! === potential[n + col[e]!]) tight[e] = 1;
    }
  }
  const level = (node: number) => potential[node] === potential[sink];
  // Each mentor's mentees whose pair is tight: leaving it costs nothing (one of reduced cost below 0 is kept by every optimum).
  const leavable: number[][] = Array.from({ length: m }, () => []);
  const held = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (col[e] !== mentorOf[i]) continue;
      held[col[e]!]!++;
      if (tight[e]) leavable[col[e]!]!.push(i);
    }
  }

  // The residual graph's tight edges, in compressed rows: counted, then written (there can be tens of millions).
  const start = new Int32Array(n + m + 2);
  let targets = new Int32Array(0);
  for (const write of [false, true]) {
    let at = 0;
    const edge = (v: number) => {
      if (write) targets[at] = v;
      at++;
    };
    for (let i = 0; i < n; i++) {
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) if (tight[e] && col[e] !== mentorOf[i]) edge(n + col[e]!); // to another mentor
      if (mentorOf[i]! >= 0 && level(i)) edge(sink); // to unmatched
      start[i + 1] = at;
    }
    for (let j = 0; j < m; j++) {
      for (const i of leavable[j]!) edge(i); // a mentee leaves
      if (held[j]! < capacity[j]! && level(n + j)) edge(sink); // a free place is taken
      start[n + j + 1] = at;
    }
    for (let i = 0; i < n; i++) if (mentorOf[i]! < 0 && level(i)) edge(i); // an unmatched mentee is matched
    for (let j = 0; j < m; j++) if (held[j]! > 0 && level(n + j)) edge(n + j); // a place is given up
    start[sink + 1] = at;
    if (!write) targets = new Int32Array(at);
  }
  const component = stronglyConnected(sink + 1, start, targets);

  const kept = new Uint8Array(col.length);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (col[e] === mentorOf[i] || (tight[e] && component[i] === component[n + col[e]!])) kept[e] = 1;
    }
  }
  return maximiseWeight(subProblem(problem, kept, minScore), Infinity).assignment;
}

/** Measured on the benchmark's cohorts (npm run bench:matching): fewest rounds for the least work. */
const FIRST_PAIRS = 150;
/** Measured likewise: below it one search per mentee is cheapest, above it phases are. */
const SEARCH_ALONE = 2000;

/**
 * The optimum of 1 and 2 over the pairs scoring at least `minScore`, fast on large cohorts: solve over each
 * mentee's best pairs only, then check every left-out pair against the solution's potentials (a pair of
 * negative reduced cost could improve it). Those that could, and those close to it, join the problem, which
 * is solved again; when none could, the assignment is optimal over all pairs. Usually two rounds.
 */
function solveOverPairsScoring(
  problem: AssignmentProblem,
  minScore: number,
  { firstPairs = FIRST_PAIRS, searchAlone = SEARCH_ALONE, onProgress }: SolveOptions,
): Solved {
  const { mentees: n, rowStart, mentor, score } = problem;
  const weight = pairWeights(n);
  const kept = new Uint8Array(mentor.length);
  const count = new Int32Array(101);
  for (let i = 0; i < n; i++) {
    // The best by score (0..100: counted, not sorted), ties to the lower mentor.
    count.fill(0);
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) count[score[e]!]!++;
    let cut = 100;
    let above = 0;
    while (cut > minScore && above + count[cut]! < firstPairs) above += count[cut--]!;
    let atCut = firstPairs - above;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (score[e]! > cut || (score[e] === cut && atCut-- > 0)) kept[e] = 1;
    }
  }
  const margin = 10 * (n + 1); // ten points of score
  for (;;) {
    const solved = maximiseWeight(subProblem(problem, kept, minScore), searchAlone, onProgress);
    const { potential } = solved;
    let improvable = false;
    for (let i = 0; i < n; i++) {
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        if (kept[e] || score[e]! < minScore) continue;
        const reduced = -weight[score[e]!]! + potential[i]! - potential[n + mentor[e]!]!;
        if (reduced < 0) improvable = true;
        if (reduced < margin) kept[e] = 1;
      }
    }
    if (!improvable) return solved;
  }
}

function subProblem(problem: AssignmentProblem, kept: Uint8Array, minScore: number): AssignmentProblem {
  const rowStart = new Int32Array(problem.mentees + 1);
  let size = 0;
  for (let e = 0; e < kept.length; e++) if (kept[e] && problem.score[e]! >= minScore) size++;
  const mentor = new Int32Array(size);
  const score = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < problem.mentees; i++) {
    for (let e = problem.rowStart[i]!; e < problem.rowStart[i + 1]!; e++) {
      if (!kept[e] || problem.score[e]! < minScore) continue;
      mentor[at] = problem.mentor[e]!;
      score[at++] = problem.score[e]!;
    }
    rowStart[i + 1] = at;
  }
  return { ...problem, rowStart, mentor, score };
}
