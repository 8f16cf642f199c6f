/**
 * The shortest-path engine under the matching: a min-cost flow (source → mentee → mentor → sink, plus each
 * mentee's own "unmatched" edge of cost 0) over one problem's pairs, each weighing score × (mentees + 1) + 1,
 * solved by successive shortest paths with node potentials. `solve.ts` decides which pairs it sees.
 */
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

/** A solution with its node potentials (mentees, then mentors, then the sink): the dual certificate of its optimality. */
export interface Solved {
  assignment: Assignment;
  potential: Float64Array;
}

/**
 * A pair's weight for each score, 0 to 100, among `mentees`: its score first, then one for the person it
 * matches (rules 1 and 2 of the objective). A table, looked up in the loops over millions of pairs.
 */
export const pairWeights = (mentees: number) => Float64Array.from({ length: 101 }, (_, score) => score * (mentees + 1) + 1);

/**
 * Successive shortest paths over every pair of the problem, weight score × (n + 1) + 1. Mentees enter one
 * by one, each with a Dijkstra search from it alone; once a search has to explore more than `searchAlone`
 * nodes (places are getting scarce: each newcomer displaces a chain of others), the remaining mentees enter
 * together, in phases: one search from all of them, then as many disjoint shortest paths as can be found
 * among the edges it made tight, so that one search serves many mentees.
 */
export function maximiseWeight(problem: AssignmentProblem, searchAlone: number, onProgress?: (menteesDone: number) => void): Solved {
  const { mentees: n, mentors: m, capacity, rowStart, mentor: col, score } = problem;
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
  /** Where a node on the depth-first stack resumes its edges (set when the node is pushed: each is pushed once per phase). */
  const cursor = new Int32Array(nodes);
  /**
   * In phases, the pairs each settled mentee's search reached at the mentor's best distance so far: only they
   * can be tight once the potentials move, so the path search reads them instead of the whole row.
   */
  let tied: Int32Array | null = null;
  const tiedStart = new Int32Array(n);
  const tiedEnd = new Int32Array(n);
  let tiedCount = 0;

  const reach = (node: number, d: number, from: number) => {
    if (d < dist[node]!) {
      if (dist[node] === Infinity) touched.push(node);
      dist[node] = d;
      pred[node] = from;
      heap.push(d, node);
    }
  };
  const weights = pairWeights(n);
  const weightOf = (e: number) => weights[score[e]!]!;
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
    if (onProgress && ((start & 255) === 255 || start === n - 1)) onProgress(start + 1);
    if (explored > searchAlone) break;
  }
  const waiting: number[] = [];
  for (let i = start + 1; i < n; i++) {
    enter(i);
    waiting.push(i);
  }
  tied = new Int32Array(col.length);
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
        tiedStart[u] = tiedCount;
        for (let e = rowStart[u]!; e < rowStart[u + 1]!; e++) {
          const j = col[e]!;
          const dj = d - weightOf(e) + pu - potential[n + j]!;
          if (j === mentorOf[u] || dj > dist[n + j]!) continue;
          if (tied) tied[tiedCount++] = e;
          if (dj === dist[n + j]) continue;
          reach(n + j, dj, u);
          if (load[j]! < capacity[j]!) reach(sink, dj + potential[n + j]! - potential[sink]!, n + j);
        }
        tiedEnd[u] = tiedCount;
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
    tiedCount = 0;
    heap.clear();
  }

  /**
   * A path of tight edges (reduced cost 0) from a waiting mentee to the sink, depth first, each node tried
   * once per phase; when one is found, the mentees along it move.
   */
  function routeAlongTightEdges(root: number, visited: Uint8Array): boolean {
    const stack = [root];
    cursor[root] = 0;
    visited[root] = 1;
    while (stack.length > 0) {
      const u = stack.at(-1)!;
      const at = cursor[u]!;
      let next = -1;
      if (u < n) {
        const pu = potential[u]!;
        if (at === 0 && (!routed[u] || mentorOf[u]! >= 0) && pu === potential[sink]) next = sink;
        // A mentee the search settled offers its tied pairs; one it did not reach, its whole row.
        const settled = done[u] === 1;
        const from = settled ? tiedStart[u]! : rowStart[u]!;
        const to = settled ? tiedEnd[u]! : rowStart[u + 1]!;
        let k = from + at;
        for (; next < 0 && k < to; k++) {
          const e = settled ? tied![k]! : k;
          const j = col[e]!;
          if (j !== mentorOf[u] && !visited[n + j] && pu - weightOf(e) === potential[n + j]) next = n + j;
        }
        cursor[u] = k - from;
      } else {
        const j = u - n;
        if (at === 0 && load[j]! < capacity[j]! && potential[u] === potential[sink]) next = sink;
        const list = menteesOf[j]!;
        let k = at;
        for (; next < 0 && k < list.length; k++) {
          const mentee = list[k]!;
          if (!visited[mentee] && weightOf(edgeOf[mentee]!) + potential[u]! === potential[mentee]) next = mentee;
        }
        cursor[u] = Math.max(k, 1);
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
      cursor[next] = 0;
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

  constructor(
    capacity: number,
    private readonly sink: number,
  ) {
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
