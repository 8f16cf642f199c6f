import type { Assignment, AssignmentProblem } from './solve.js';

/** The baseline most tools use: best remaining pair first. For comparison only; Tandem solves exactly. */
export function solveGreedy(problem: AssignmentProblem): Omit<Assignment, 'worst'> {
  const { mentees: n, capacity, rowStart, mentor, score } = problem;
  const order = Array.from({ length: mentor.length }, (_, e) => e);
  const menteeOfEdge = new Int32Array(mentor.length);
  for (let i = 0; i < n; i++) for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) menteeOfEdge[e] = i;
  order.sort((a, b) => score[b]! - score[a]! || menteeOfEdge[a]! - menteeOfEdge[b]! || mentor[a]! - mentor[b]!);
  const mentorOf = new Int32Array(n).fill(-1);
  const load = new Int32Array(problem.mentors);
  let total = 0;
  let matched = 0;
  for (const e of order) {
    const i = menteeOfEdge[e]!;
    const j = mentor[e]!;
    if (mentorOf[i] !== -1 || load[j]! >= capacity[j]!) continue;
    mentorOf[i] = j;
    load[j]!++;
    total += score[e]!;
    matched++;
  }
  return { mentorOf, total, matched };
}
