/**
 * Optimal assignment of mentees to mentors with capacities, over allowed pairs only. The objective, in order:
 * 1. the best total score;
 * 2. among equal totals, the most people matched: an allowed pair scoring 0 beats no pair;
 * 3. then the best worst pair: a fairer spread at no cost to 1 and 2;
 * 4. then ties broken by id: mentees enter in id order and, at equal cost, the lower id wins.
 *
 * 1 and 2 are one integer weight per pair, score × (mentees + 1) + 1, maximised as a min-cost flow
 * (source → mentee → mentor → sink, plus each mentee's own "unmatched" edge of cost 0) by successive
 * shortest paths: each mentee enters with a Dijkstra search over reduced costs, so the assignment is
 * optimal for the mentees entered so far. At equal distance the search takes the sink first, so a free
 * place found at the current distance ends it at once: with few distinct scores (a cohort weighted on one
 * criterion, or with every weight 0) most searches end after a row or two instead of exploring every tie.
 * 3 is a search over thresholds: the highest minimum pair score at which 1 and 2 reach the same optimum.
 * 4 is applied last, to the pairs that some optimal answer uses (see canonicalAnswer): the answer is a
 * function of the input alone, not of the speed settings that found the optimum.
 */
import { stronglyConnected } from './strongly-connected.js';

export interface AssignmentProblem {
  mentees: number;
  mentors: number;
  capacity: ArrayLike<number>;
  /** Allowed pairs in compressed rows: mentee i's pairs are at rowStart[i]..rowStart[i+1], by mentor. */
  rowStart: Int32Array;
  mentor: Int32Array;
  /** Each pair's score, 0 to 100. */
  score: Uint8Array;
}

export interface Assignment {
  /** The mentor of each mentee, or -1. */
  mentorOf: Int32Array;
  total: number;
  matched: number;
  /** The lowest score of a formed pair (null when none is formed). */
  worst: number | null;
}

/**
 * Builds the sparse problem from a row scorer (scores 0..100; -1 is not allowed): the pairs allowed and at or
 * above the threshold, with a mentor who has a free place.
 */
export function buildProblem(mentees: number, mentors: number, capacity: ArrayLike<number>, scoreRow: (i: number, out: Int16Array) => void, threshold: number): AssignmentProblem {
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

interface Solved {
  assignment: Assignment;
  potential: Float64Array;
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
  const scores = [...new Set(problem.score)].filter((s) => s > worst).sort((a, b) => a - b);
  let fairest = best;
  for (let low = 0, high = scores.length - 1; low <= high; ) {
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

/**
 * A quick test on the optimum's potentials (its dual certificate): false when no optimal assignment can
 * do without pairs scoring under `minScore`. Every optimal assignment uses only pairs of reduced cost 0 or
 * less, uses every pair below 0, matches every mentee whose "unmatched" edge costs more than 0 and fills every
 * mentor whose place costs less than 0: a mentee or a mentor left without enough such pairs at `minScore` or
 * above settles it without solving again.
 */
function mayKeepOptimum(problem: AssignmentProblem, potential: Float64Array, minScore: number): boolean {
  const { mentees: n, mentors: m, capacity, rowStart, mentor, score } = problem;
  const sink = n + m;
  const usable = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    let paired = false;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const reduced = -(score[e]! * (n + 1) + 1) + potential[i]! - potential[n + mentor[e]!]!;
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
  const sink = n + m;
  const { mentorOf } = assignment;
  const tight = (e: number, i: number) => score[e]! >= minScore && potential[i]! - (score[e]! * (n + 1) + 1) === potential[n + col[e]!];
  const level = (node: number) => potential[node] === potential[sink];
  // Each mentor's mentees whose pair is tight: leaving it costs nothing (one of reduced cost below 0 is kept by every optimum).
  const leavable: number[][] = Array.from({ length: m }, () => []);
  const held = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (col[e] !== mentorOf[i]) continue;
      held[col[e]!]!++;
      if (tight(e, i)) leavable[col[e]!]!.push(i);
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
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) if (col[e] !== mentorOf[i] && tight(e, i)) edge(n + col[e]!); // to another mentor
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
      if (col[e] === mentorOf[i] || (tight(e, i) && component[i] === component[n + col[e]!])) kept[e] = 1;
    }
  }
  return maximiseWeight(subProblem(problem, kept, minScore), Infinity).assignment;
}

/** Measured on the benchmark's cohorts (npm run bench:matching): fewest rounds for the least work. */
const FIRST_PAIRS = 100;
/** Measured likewise: below it one search per mentee is cheapest, above it phases are. */
const SEARCH_ALONE = 500;

/**
 * The optimum of 1 and 2 over the pairs scoring at least `minScore`, fast on large cohorts: solve over each
 * mentee's best pairs only, then check every left-out pair against the solution's potentials (a pair of
 * negative reduced cost could improve it). Those that could, and those close to it, join the problem, which
 * is solved again; when none could, the assignment is optimal over all pairs. Usually two rounds.
 */
function solveOverPairsScoring(problem: AssignmentProblem, minScore: number, { firstPairs = FIRST_PAIRS, searchAlone = SEARCH_ALONE, onProgress }: SolveOptions): Solved {
  const { mentees: n, rowStart, mentor, score } = problem;
  const scale = n + 1;
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
  const margin = 10 * scale;
  for (;;) {
    const solved = maximiseWeight(subProblem(problem, kept, minScore), searchAlone, onProgress);
    const { potential } = solved;
    let improvable = false;
    for (let i = 0; i < n; i++) {
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        if (kept[e] || score[e]! < minScore) continue;
        const reduced = -(score[e]! * scale + 1) + potential[i]! - potential[n + mentor[e]!]!;
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

/**
 * Successive shortest paths over every pair of the problem, weight score × (n + 1) + 1. Mentees enter one
 * by one, each with a Dijkstra search from it alone; once a search has to explore more than SEARCH_ALONE
 * nodes (places are getting scarce: each newcomer displaces a chain of others), the remaining mentees enter
 * together, in phases: one search from all of them, then as many disjoint shortest paths as can be found
 * among the edges it made tight, so that one search serves many mentees.
 */
function maximiseWeight(problem: AssignmentProblem, searchAlone: number, onProgress?: (menteesDone: number) => void): Solved {
  const { mentees: n, mentors: m, capacity, rowStart, mentor: col, score } = problem;
  const scale = n + 1;
  const sink = n + m;
  const nodes = n + m + 1;
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes).fill(Infinity);
  const pred = new Int32Array(nodes);
  const done = new Uint8Array(nodes);
  const touched: number[] = [];
  const routed = new Uint8Array(n);
  const mentorOf = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  const menteesOf: number[][] = Array.from({ length: m }, () => []);
  const heap = new MinHeap(nodes, sink);

  const reach = (node: number, d: number, from: number) => {
    if (d < dist[node]!) {
      if (dist[node] === Infinity) touched.push(node);
      dist[node] = d;
      pred[node] = from;
      heap.push(d, node);
    }
  };
  const weightOf = (e: number) => score[e]! * scale + 1;
  /** A mentee enters with the potential that keeps every one of its edges' reduced costs non-negative. */
  const enter = (i: number) => {
    let p = potential[sink]!;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) p = Math.max(p, potential[n + col[e]!]! + weightOf(e));
    potential[i] = p;
  };

  let start = 0;
  for (; start < n; start++) {
    enter(start);
    reach(start, 0, -1);
    const explored = search();
    augment(start);
    routed[start] = 1;
    reset();
    if (onProgress && (start & 255) === 255) onProgress(start + 1);
    if (explored > searchAlone) break;
  }
  const waiting: number[] = [];
  for (let i = start + 1; i < n; i++) {
    enter(i);
    waiting.push(i);
  }
  while (waiting.length > 0) {
    // One search from every waiting mentee (a virtual source whose potential is their highest).
    const top = waiting.reduce((highest, i) => Math.max(highest, potential[i]!), -Infinity);
    for (const i of waiting) reach(i, top - potential[i]!, -1);
    search();
    const shortest = dist[sink]!;
    const visited = new Uint8Array(nodes);
    for (const i of waiting) if (dist[i]! <= shortest && routeAlongTightEdges(i, visited)) routed[i] = 1;
    reset();
    const before = waiting.length;
    waiting.splice(0, waiting.length, ...waiting.filter((i) => !routed[i]));
    if (onProgress) onProgress(n - waiting.length);
    if (waiting.length === before) throw new Error('matching made no progress'); // a shortest path always exists
  }

  /**
   * Dijkstra over reduced costs from what is in the heap until the sink is reached, then the potential
   * update that makes every shortest path tight. Returns how many nodes it settled.
   */
  function search(): number {
    let settled = 0;
    let reached = Infinity;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      settled++;
      const d = dist[u]!;
      if (u === sink) {
        reached = d;
        break;
      }
      if (u < n) {
        // Mentee: to any other allowed mentor (cost -weight), or give up their place (unmatched, cost 0).
        // A mentor with a free place offers the sink at once: among ties, the path that ends now wins.
        const pu = potential[u]!;
        for (let e = rowStart[u]!; e < rowStart[u + 1]!; e++) {
          const j = col[e]!;
          const dj = d - weightOf(e) + pu - potential[n + j]!;
          if (j === mentorOf[u] || dj >= dist[n + j]!) continue;
          reach(n + j, dj, u);
          if (load[j]! < capacity[j]!) reach(sink, dj + potential[n + j]! - potential[sink]!, n + j);
        }
        if (!routed[u] || mentorOf[u]! >= 0) reach(sink, d + pu - potential[sink]!, u);
      } else {
        // Mentor: one of their mentees may move on (cost +weight).
        const j = u - n;
        for (const mentee of menteesOf[j]!) reach(mentee, d + weightOf(edgeOf[mentee]!) + potential[u]! - potential[mentee]!, u);
      }
    }
    for (const node of touched) {
      if (done[node] && dist[node]! < reached) potential[node] = potential[node]! + dist[node]! - reached;
    }
    return settled;
  }

  function reset() {
    for (const node of touched) {
      dist[node] = Infinity;
      done[node] = 0;
    }
    touched.length = 0;
    heap.clear();
  }

  /**
   * A path of tight edges (reduced cost 0) from a waiting mentee to the sink, depth first, each node tried
   * once per phase; when one is found, the mentees along it move.
   */
  function routeAlongTightEdges(root: number, visited: Uint8Array): boolean {
    const stack = [root];
    const cursor = new Map<number, number>();
    visited[root] = 1;
    while (stack.length > 0) {
      const u = stack.at(-1)!;
      const at = cursor.get(u) ?? 0;
      let next = -1;
      if (u < n) {
        const pu = potential[u]!;
        if (at === 0 && (!routed[u] || mentorOf[u]! >= 0) && pu === potential[sink]) next = sink;
        let e = rowStart[u]! + at;
        for (; next < 0 && e < rowStart[u + 1]!; e++) {
          const j = col[e]!;
          if (j !== mentorOf[u] && !visited[n + j] && pu - weightOf(e) === potential[n + j]) next = n + j;
        }
        cursor.set(u, e - rowStart[u]!);
      } else {
        const j = u - n;
        if (at === 0 && load[j]! < capacity[j]! && potential[u] === potential[sink]) next = sink;
        const list = menteesOf[j]!;
        let k = at;
        for (; next < 0 && k < list.length; k++) {
          const mentee = list[k]!;
          if (!visited[mentee] && weightOf(edgeOf[mentee]!) + potential[u]! === potential[mentee]) next = mentee;
        }
        cursor.set(u, Math.max(k, 1));
      }
      if (next === sink) {
        pred[sink] = u;
        for (let k = stack.length - 1; k > 0; k--) pred[stack[k]!] = stack[k - 1]!;
        augment(root);
        return true;
      }
      if (next < 0) {
        stack.pop();
        continue;
      }
      visited[next] = 1;
      stack.push(next);
    }
    return false;
  }

  /** Walks the path back from the sink, moving each mentee on it to its new mentor (or to unmatched). */
  function augment(start: number) {
    const path: number[] = [];
    for (let node = sink; node !== -1; node = node === start ? -1 : pred[node]!) path.push(node);
    path.reverse();
    for (let k = 0; k + 1 < path.length; k++) {
      const a = path[k]!;
      const b = path[k + 1]!;
      if (a < n && b < sink) {
        const j = b - n;
        mentorOf[a] = j;
        edgeOf[a] = edgeTo(a, j);
        menteesOf[j]!.push(a);
        load[j]!++;
      } else if (a >= n && a < sink && b < n) {
        // b leaves mentor j: for another mentor (next step), or for unmatched if the path then ends.
        const j = a - n;
        const list = menteesOf[j]!;
        list.splice(list.indexOf(b), 1);
        load[j]!--;
        mentorOf[b] = -1;
      }
    }
  }

  /** Rows are sorted by mentor: a binary search finds the pair. */
  function edgeTo(i: number, j: number): number {
    let low = rowStart[i]!;
    let high = rowStart[i + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (col[middle]! < j) low = middle + 1;
      else if (col[middle]! > j) high = middle - 1;
      else return middle;
    }
    throw new Error(`no pair ${i} -> ${j}`);
  }

  let total = 0;
  let matched = 0;
  let worst: number | null = null;
  for (let i = 0; i < n; i++) {
    if (mentorOf[i]! < 0) continue;
    const s = score[edgeOf[i]!]!;
    total += s;
    matched++;
    worst = worst === null ? s : Math.min(worst, s);
  }
  return { assignment: { mentorOf, total, matched, worst }, potential };
}

/** A binary heap of nodes by distance; at equal distance the sink first, then the lower node. */
class MinHeap {
  private distance: Float64Array;
  private rank: Int32Array;
  size = 0;

  constructor(capacity: number, private readonly sink: number) {
    this.distance = new Float64Array(Math.max(16, capacity));
    this.rank = new Int32Array(this.distance.length);
  }

  push(distance: number, node: number) {
    if (this.size === this.distance.length) {
      const grownDistance = new Float64Array(this.size * 2);
      const grownRank = new Int32Array(this.size * 2);
      grownDistance.set(this.distance);
      grownRank.set(this.rank);
      this.distance = grownDistance;
      this.rank = grownRank;
    }
    const rank = node === this.sink ? -1 : node;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(distance, rank, parent)) break;
      this.distance[i] = this.distance[parent]!;
      this.rank[i] = this.rank[parent]!;
      i = parent;
    }
    this.distance[i] = distance;
    this.rank[i] = rank;
  }

  pop(): number {
    const top = this.rank[0]!;
    const last = --this.size;
    const distance = this.distance[last]!;
    const rank = this.rank[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.precedes(child + 1, child)) child++;
      if (!this.before(this.distance[child]!, this.rank[child]!, i, distance, rank)) break;
      this.distance[i] = this.distance[child]!;
      this.rank[i] = this.rank[child]!;
      i = child;
    }
    this.distance[i] = distance;
    this.rank[i] = rank;
    return top === -1 ? this.sink : top;
  }

  clear() {
    this.size = 0;
  }

  /** Whether (distance, rank) comes before slot `at`, or before the given key when one is passed. */
  private before(distance: number, rank: number, at: number, otherDistance = this.distance[at]!, otherRank = this.rank[at]!) {
    return distance < otherDistance || (distance === otherDistance && rank < otherRank);
  }

  private precedes(a: number, b: number) {
    return this.before(this.distance[a]!, this.rank[a]!, b);
  }
}
