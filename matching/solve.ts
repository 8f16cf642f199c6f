/**
 * Optimal assignment of mentees to mentors with capacities: maximise the total score over allowed pairs,
 * leaving a mentee unmatched when no allowed pair is worth it. Exact, as a min-cost flow
 * (source → mentee → mentor → sink, plus each mentee's own "unmatched" edge of cost 0) solved by successive
 * shortest paths: mentees are added one by one, each with a Dijkstra search over reduced costs, so the
 * assignment is optimal for the mentees added so far. Only allowed pairs are edges, so a cohort of thousands
 * stays sparse. Integer scores keep the arithmetic exact; ties break by index, so the same input always
 * gives the same assignment.
 */
export interface AssignmentProblem {
  mentees: number;
  mentors: number;
  capacity: ArrayLike<number>;
  /** Allowed pairs in compressed rows: mentee i's pairs are at rowStart[i]..rowStart[i+1]. */
  rowStart: Int32Array;
  mentor: Int32Array;
  score: Int32Array;
}

export interface Assignment {
  /** The mentor of each mentee, or -1. */
  mentorOf: Int32Array;
  total: number;
  matched: number;
  /** Node potentials (mentees, then mentors, then the sink): the dual certificate of optimality. */
  potential: Float64Array;
}

/** Builds the sparse problem from a scorer, keeping pairs that are allowed and at or above the threshold. */
export function buildProblem(mentees: number, mentors: number, capacity: ArrayLike<number>, score: (i: number, j: number) => number, threshold: number): AssignmentProblem {
  const rowStart = new Int32Array(mentees + 1);
  let mentor = new Int32Array(Math.max(16, mentees * 8));
  let weight = new Int32Array(mentor.length);
  let edges = 0;
  for (let i = 0; i < mentees; i++) {
    for (let j = 0; j < mentors; j++) {
      if (capacity[j]! <= 0) continue;
      const s = score(i, j);
      if (s < 0 || s < threshold) continue;
      if (edges === mentor.length) {
        const grownMentor = new Int32Array(edges * 2);
        const grownWeight = new Int32Array(edges * 2);
        grownMentor.set(mentor);
        grownWeight.set(weight);
        mentor = grownMentor;
        weight = grownWeight;
      }
      mentor[edges] = j;
      weight[edges++] = s;
    }
    rowStart[i + 1] = edges;
  }
  return { mentees, mentors, capacity, rowStart, mentor: mentor.subarray(0, edges), score: weight.subarray(0, edges) };
}

export function solveAssignment(problem: AssignmentProblem, onProgress?: (menteesDone: number) => void): Assignment {
  const { mentees: n, mentors: m, capacity, rowStart, mentor: col, score: w } = problem;
  const sink = n + m;
  const nodes = n + m + 1;
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes).fill(Infinity);
  const pred = new Int32Array(nodes);
  const done = new Uint8Array(nodes);
  const touched: number[] = [];
  const mentorOf = new Int32Array(n).fill(-1);
  const gainOf = new Int32Array(n);
  const load = new Int32Array(m);
  const menteesOf: number[][] = Array.from({ length: m }, () => []);
  const heap = new MinHeap(nodes);

  const reach = (node: number, d: number, from: number) => {
    if (d < dist[node]!) {
      if (dist[node] === Infinity) touched.push(node);
      dist[node] = d;
      pred[node] = from;
      heap.push(d, node);
    }
  };

  for (let start = 0; start < n; start++) {
    // A new mentee enters with the potential that keeps every one of its edges' reduced costs non-negative.
    let p = potential[sink]!;
    for (let e = rowStart[start]!; e < rowStart[start + 1]!; e++) p = Math.max(p, potential[n + col[e]!]! + w[e]!);
    potential[start] = p;

    reach(start, 0, -1);
    let reached = Infinity;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      const d = dist[u]!;
      if (u === sink) {
        reached = d;
        break;
      }
      if (u < n) {
        // Mentee: to any other allowed mentor (cost -score), or give up their place (unmatched, cost 0).
        for (let e = rowStart[u]!; e < rowStart[u + 1]!; e++) {
          const j = col[e]!;
          if (j !== mentorOf[u]) reach(n + j, d + (-w[e]! + potential[u]! - potential[n + j]!), u);
        }
        if (u === start || mentorOf[u]! >= 0) reach(sink, d + potential[u]! - potential[sink]!, u);
      } else {
        // Mentor: a free place ends the path; otherwise one of their mentees may move on (cost +score).
        const j = u - n;
        if (load[j]! < capacity[j]!) reach(sink, d + potential[u]! - potential[sink]!, u);
        for (const mentee of menteesOf[j]!) reach(mentee, d + gainOf[mentee]! + potential[u]! - potential[mentee]!, u);
      }
    }

    for (const node of touched) {
      if (done[node] && dist[node]! < reached) potential[node] = potential[node]! + dist[node]! - reached;
    }
    augment(start);
    for (const node of touched) {
      dist[node] = Infinity;
      done[node] = 0;
    }
    touched.length = 0;
    heap.clear();
    if (onProgress && (start & 255) === 255) onProgress(start + 1);
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
        gainOf[a] = scoreOf(a, j);
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

  function scoreOf(i: number, j: number): number {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) if (col[e] === j) return w[e]!;
    throw new Error(`no edge ${i} -> ${j}`);
  }

  let total = 0;
  let matched = 0;
  for (let i = 0; i < n; i++) {
    if (mentorOf[i]! >= 0) {
      total += gainOf[i]!;
      matched++;
    }
  }
  return { mentorOf, total, matched, potential };
}

/**
 * The same optimum, faster on large cohorts: solve over each mentee's `k` best pairs only, then check every
 * left-out pair against the solution's potentials (a pair of negative reduced cost could improve it). Those
 * that could (and those close to it, as potentials move) join the problem, which is solved again; when none
 * could, the assignment is optimal over all pairs. Usually two rounds: good matches are among the best few.
 */
export function solveSparse(problem: AssignmentProblem, options: { k?: number; margin?: number; onProgress?: (menteesDone: number) => void } = {}): Assignment & { rounds: number } {
  const { mentees: n, rowStart, mentor, score } = problem;
  // Measured on the benchmark's cohorts (npm run bench:matching): fewest rounds for the least work.
  const k = options.k ?? 40;
  const margin = options.margin ?? 10;
  const kept = new Uint8Array(mentor.length);
  const countAbove = new Int32Array(102);
  for (let i = 0; i < n; i++) {
    // The k best by score (scores are 0..100: count them instead of sorting), ties to the lower mentor.
    countAbove.fill(0);
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) countAbove[score[e]!]!++;
    let cut = 100;
    for (let taken = countAbove[100]!; cut > 0 && taken < k; ) taken += countAbove[--cut]!;
    let atCut = k - Array.from(countAbove.subarray(cut + 1)).reduce((a, b) => a + b, 0);
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (score[e]! > cut || (score[e] === cut && atCut-- > 0)) kept[e] = 1;
    }
  }
  for (let rounds = 1; ; rounds++) {
    const result = solveAssignment(subProblem(problem, kept), options.onProgress);
    let violated = false;
    for (let i = 0; i < n; i++) {
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        if (kept[e]) continue;
        const reduced = -score[e]! + result.potential[i]! - result.potential[n + mentor[e]!]!;
        if (reduced < 0) violated = true;
        if (reduced < margin) kept[e] = 1;
      }
    }
    if (!violated) return { ...result, rounds };
  }
}

function subProblem(problem: AssignmentProblem, kept: Uint8Array): AssignmentProblem {
  const rowStart = new Int32Array(problem.mentees + 1);
  const size = kept.reduce((sum, k) => sum + k, 0);
  const mentor = new Int32Array(size);
  const score = new Int32Array(size);
  let at = 0;
  for (let i = 0; i < problem.mentees; i++) {
    for (let e = problem.rowStart[i]!; e < problem.rowStart[i + 1]!; e++) {
      if (!kept[e]) continue;
      mentor[at] = problem.mentor[e]!;
      score[at++] = problem.score[e]!;
    }
    rowStart[i + 1] = at;
  }
  return { ...problem, rowStart, mentor, score };
}

/**
 * A binary heap of nodes by distance. Distances are whole numbers, so one float holds both (distance, node)
 * and equal distances pop the lower node first: deterministic, and cheap to compare.
 */
const NODE_BITS = 2 ** 22;

class MinHeap {
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    if (capacity >= NODE_BITS) throw new Error(`at most ${NODE_BITS - 1} participants per match run`);
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  push(distance: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    const keys = this.keys;
    const key = distance * NODE_BITS + node;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      i = parent;
    }
    keys[i] = key;
  }

  pop(): number {
    const keys = this.keys;
    const top = keys[0]!;
    const last = keys[--this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= last) break;
      keys[i] = keys[child]!;
      i = child;
    }
    keys[i] = last;
    return top % NODE_BITS;
  }

  clear() {
    this.size = 0;
  }
}
