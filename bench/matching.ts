/**
 * `npm run bench:matching`: the matching step on synthetic cohorts with 6 criteria and capacities 1-4.
 * 1,000 mentees × 400 mentors: time and peak memory of the matching (each solve in a fresh process), total
 * score against a greedy baseline (best remaining pair first), share matched; and the same score matrix
 * solved densely by the npm `munkres` package (capacity-expanded), the yardstick for speed and optimum.
 * Then 5,000 × 2,000. Ends with one line of JSON.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { munkres } from 'munkres';
import { solveGreedy } from '../matching/greedy.js';
import { matchCohort } from '../matching/match-cohort.js';
import { compileScorer } from '../matching/score.js';
import { buildProblem } from '../matching/solve.js';
import { BENCH_SETTINGS, syntheticCohort } from './matching-instance.js';

interface SolveFigures {
  mentees: number;
  mentors: number;
  seconds: number;
  peakRssMb: number;
  totalScore: number;
  matched: number;
  meanScore: number | null;
}

// Child mode: one matching run, alone in its process, so its peak memory is its own.
if (process.argv[2] === '--solve') {
  const [mentees, mentors] = [Number(process.argv[3]), Number(process.argv[4])];
  const cohort = syntheticCohort(mentees, mentors);
  const started = performance.now();
  const result = matchCohort({ ...cohort, settings: BENCH_SETTINGS, exclusions: [], unanswered: [] });
  const seconds = (performance.now() - started) / 1000;
  const figures: SolveFigures = { mentees, mentors, seconds, peakRssMb: 0, totalScore: result.summary.totalScore, matched: result.summary.matched, meanScore: result.summary.meanScore };
  figures.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(figures));
  process.exit(0);
}

const solveAlone = (mentees: number, mentors: number): SolveFigures =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'matching.ts'), '--solve', String(mentees), String(mentors)]).toString().trim().split('\n').at(-1)!);

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

// 1,000 × 400: ours, greedy, munkres.
const small = solveAlone(1000, 400);
const cohort = syntheticCohort(1000, 400);
const mentees = [...cohort.mentees];
const mentors = [...cohort.mentors];
const scorer = compileScorer(mentees, mentors, BENCH_SETTINGS);
const capacity = mentors.map((m) => m.answers.capacity);
const problem = buildProblem(mentees.length, mentors.length, capacity, scorer.score, BENCH_SETTINGS.threshold);
const greedy = solveGreedy(problem);

// Dense yardstick: one column per mentor place plus one "unmatched" column per mentee, cost = 100 - score
// (an unmatched mentee or a pair not allowed costs 100, i.e. scores 0).
const slots = mentors.flatMap((m, j) => Array.from({ length: m.answers.capacity }, () => j));
const matrix = mentees.map((_, i) => {
  const row = new Array<number>(slots.length + mentees.length).fill(100);
  slots.forEach((j, s) => {
    const score = scorer.score(i, j);
    if (score >= BENCH_SETTINGS.threshold) row[s] = 100 - score;
  });
  return row;
});
const munkresStarted = performance.now();
const pairs = munkres(matrix);
const munkresSeconds = (performance.now() - munkresStarted) / 1000;
const munkresTotal = pairs.reduce((sum, [i, s]) => sum + 100 - matrix[i]![s]!, 0);

console.log(`1,000 mentees × 400 mentors (${slots.length} places, 6 criteria, minimum score ${BENCH_SETTINGS.threshold})`);
console.log(`  Tandem:  ${small.seconds.toFixed(3)} s, peak ${small.peakRssMb} MB, total score ${small.totalScore}, matched ${small.matched} (${(small.matched / 10).toFixed(1)} %), mean ${small.meanScore}`);
console.log(`  greedy:  total score ${greedy.total}, matched ${greedy.matched}: Tandem +${small.totalScore - greedy.total} (${((100 * (small.totalScore - greedy.total)) / greedy.total).toFixed(2)} %)`);
console.log(`  munkres: ${munkresSeconds.toFixed(3)} s dense ${matrix.length}×${matrix[0]!.length}, total score ${munkresTotal} (${munkresTotal === small.totalScore ? 'same optimum' : 'DIFFERENT optimum'})`);

const large = solveAlone(5000, 2000);
console.log(`5,000 mentees × 2,000 mentors: ${large.seconds.toFixed(2)} s, peak ${large.peakRssMb} MB, matched ${large.matched}, mean ${large.meanScore}`);

console.log(JSON.stringify({
  bench: 'matching',
  small: { mentees: 1000, mentors: 400, places: slots.length, seconds: round(small.seconds), peakRssMb: small.peakRssMb, totalScore: small.totalScore, matchedShare: round(small.matched / 1000), greedyTotalScore: greedy.total, greedyMatchedShare: round(greedy.matched / 1000), munkresSeconds: round(munkresSeconds), munkresTotalScore: munkresTotal, sameOptimumAsMunkres: munkresTotal === small.totalScore },
  large: { mentees: 5000, mentors: 2000, seconds: round(large.seconds), peakRssMb: large.peakRssMb, totalScore: large.totalScore, matchedShare: round(large.matched / 5000) },
  targets: { smallSeconds: 0.3, smallMb: 300, largeSeconds: 10, largeMb: 1024 },
}));
