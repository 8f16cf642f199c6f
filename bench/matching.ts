/**
 * `npm run bench:matching`: the matching step on synthetic cohorts with capacities 1-4, each solved in a
 * process of its own (time of `matchCohort`, scoring included, and peak memory):
 * - the bench settings (six criteria, minimum score 40) and three tie-heavy settings (field only, every score
 *   equal, every weight 0 with must-match rules), at 1,000 × 400 and 5,000 × 2,000;
 * - a national cohort, 20,000 × 8,000, under each of those settings, and with a waitlist (20,000 × 7,600, about
 *   1,000 places short), bench settings.
 * At 1,000 × 400 the same score matrix is also solved densely by the npm `munkres` package (capacity-expanded,
 * the yardstick for the optimum, and for speed against our solve alone on the same matrix), and the bench
 * settings' total is compared with a greedy baseline. Ends with one line of JSON.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { munkres } from 'munkres';
import { solveGreedy } from '../matching/greedy.js';
import { matchCohort } from '../matching/match-cohort.js';
import { compileScorer } from '../matching/score.js';
import type { MatchSettings } from '../matching/settings.js';
import { buildProblem, solveAssignment } from '../matching/solve.js';
import { BENCH_SETTINGS, TIE_HEAVY_SETTINGS, syntheticCohort } from './matching-instance.js';

const SETTINGS: Record<string, MatchSettings> = { 'bench settings': BENCH_SETTINGS, ...TIE_HEAVY_SETTINGS };
/** Up to this many mentees the dense yardstick fits in memory and runs. */
const YARDSTICK_MENTEES = 1000;

interface SolveFigures {
  seconds: number;
  peakRssMb: number;
  totalScore: number;
  matched: number;
  worstPair: number | null;
  /** The solve alone, on the built problem (scoring and explanations left out): what munkres is compared with. */
  solveSeconds?: number;
}

// Child mode: one matching run, alone in its process, so its peak memory is its own.
if (process.argv[2] === '--solve') {
  const [mentees, mentors, name] = [Number(process.argv[3]), Number(process.argv[4]), process.argv[5]!];
  const cohort = syntheticCohort(mentees, mentors);
  const started = performance.now();
  const { summary } = matchCohort({ ...cohort, settings: SETTINGS[name]!, exclusions: [], unanswered: [] });
  const seconds = (performance.now() - started) / 1000;
  const figures: SolveFigures = {
    seconds,
    peakRssMb: 0,
    totalScore: summary.totalScore,
    matched: summary.matched,
    worstPair: summary.lowestScore,
  };
  figures.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (mentees <= YARDSTICK_MENTEES) {
    // The same solve again, timed alone (the synthetic ids are already in matchCohort's order).
    const problem = buildProblem(
      mentees,
      mentors,
      cohort.mentors.map((m) => m.answers.capacity),
      compileScorer(cohort.mentees, cohort.mentors, SETTINGS[name]!).scoreRow,
      SETTINGS[name]!.threshold,
    );
    const solveStarted = performance.now();
    solveAssignment(problem);
    figures.solveSeconds = (performance.now() - solveStarted) / 1000;
  }
  console.log(JSON.stringify(figures));
  process.exit(0);
}

const solveAlone = (mentees: number, mentors: number, name: string): SolveFigures =>
  JSON.parse(
    execFileSync(process.execPath, [
      '--max-old-space-size=4096',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'matching.ts'),
      '--solve',
      String(mentees),
      String(mentors),
      name,
    ])
      .toString()
      .trim()
      .split('\n')
      .at(-1)!,
  );

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The dense yardstick: one column per mentor place plus one "unmatched" column per mentee. The objective's
 * first two levels are one weight, score × (mentees + 1) + 1, so munkres minimises (largest weight - weight).
 */
function yardstick(mentees: number, mentors: number, settings: MatchSettings) {
  const cohort = syntheticCohort(mentees, mentors);
  const scorer = compileScorer(cohort.mentees, cohort.mentors, settings);
  const scale = mentees + 1;
  const top = 100 * scale + 1;
  const slots = cohort.mentors.flatMap((m, j) => Array.from({ length: m.answers.capacity }, () => j));
  const row = new Int16Array(mentors);
  const matrix = cohort.mentees.map((_, i) => {
    scorer.scoreRow(i, row);
    const costs = new Array<number>(slots.length + mentees).fill(top);
    slots.forEach((j, s) => {
      if (row[j]! >= settings.threshold) costs[s] = top - (row[j]! * scale + 1);
    });
    return costs;
  });
  const started = performance.now();
  const assignment = munkres(matrix);
  const seconds = (performance.now() - started) / 1000;
  const weight = assignment.reduce((sum, [i, s]) => sum + top - matrix[i]![s]!, 0);
  const greedy = solveGreedy(
    buildProblem(
      mentees,
      mentors,
      cohort.mentors.map((m) => m.answers.capacity),
      scorer.scoreRow,
      settings.threshold,
    ),
  );
  return { seconds, totalScore: Math.floor(weight / scale), matched: weight % scale, greedy, slots: slots.length };
}

const results: Record<string, unknown>[] = [];
const sizes: [number, number][] = [
  [1000, 400],
  [5000, 2000],
];
for (const [mentees, mentors] of sizes) {
  let benchSeconds = 0;
  for (const name of Object.keys(SETTINGS)) {
    const ours = solveAlone(mentees, mentors, name);
    if (name === 'bench settings') benchSeconds = ours.seconds;
    const figures: Record<string, unknown> = {
      cohort: name,
      mentees,
      mentors,
      seconds: round(ours.seconds),
      peakRssMb: ours.peakRssMb,
      totalScore: ours.totalScore,
      matched: ours.matched,
      worstPair: ours.worstPair,
      timesBenchSettings: round(ours.seconds / benchSeconds, 2),
    };
    let line = `${mentees} × ${mentors}, ${name}: ${ours.seconds.toFixed(2)} s, peak ${ours.peakRssMb} MB, total ${ours.totalScore}, matched ${ours.matched}, worst pair ${ours.worstPair}`;
    if (mentees <= YARDSTICK_MENTEES) {
      const dense = yardstick(mentees, mentors, SETTINGS[name]!);
      const same = dense.totalScore === ours.totalScore && dense.matched === ours.matched;
      const solveSeconds = ours.solveSeconds!;
      Object.assign(figures, {
        solveSeconds: round(solveSeconds),
        munkresSeconds: round(dense.seconds),
        timesMunkres: round(solveSeconds / dense.seconds, 2),
        sameOptimumAsMunkres: same,
      });
      line += `; the solve ${solveSeconds.toFixed(3)} s, munkres ${dense.seconds.toFixed(3)} s on ${mentees}×${dense.slots + mentees} (${same ? 'same optimum' : `DIFFERENT optimum: ${dense.totalScore}, ${dense.matched} matched`})`;
      if (name === 'bench settings') {
        Object.assign(figures, { greedyTotalScore: dense.greedy.total, greedyMatched: dense.greedy.matched });
        line += `; greedy total ${dense.greedy.total} (Tandem +${(((ours.totalScore - dense.greedy.total) / dense.greedy.total) * 100).toFixed(2)} %)`;
      }
    }
    console.log(line);
    results.push(figures);
  }
}

// The national cohort under every setting, then with a waitlist: 7,600 mentors hold about 19,000 places for
// 20,000 mentees (capacities 1-4), so about 1,000 wait; its time is compared with the same size without one.
const nationals: [string, number, string][] = [
  ...Object.keys(SETTINGS).map((name): [string, number, string] => [`national, ${name}`, 8000, name]),
  ['national waitlist, bench settings', 7600, 'bench settings'],
];
let nationalBenchSeconds = 0;
for (const [cohort, mentors, name] of nationals) {
  const national = solveAlone(20000, mentors, name);
  if (cohort === 'national, bench settings') nationalBenchSeconds = national.seconds;
  const waitlist = cohort.startsWith('national waitlist');
  console.log(
    `20,000 × ${mentors.toLocaleString('en')} (${cohort}): ${national.seconds.toFixed(2)} s, peak ${national.peakRssMb} MB, matched ${national.matched}, worst pair ${national.worstPair}${waitlist ? `, ${(national.seconds / nationalBenchSeconds).toFixed(2)}x the national cohort without a waitlist` : ''}`,
  );
  results.push({
    cohort,
    mentees: 20000,
    mentors,
    seconds: round(national.seconds),
    peakRssMb: national.peakRssMb,
    totalScore: national.totalScore,
    matched: national.matched,
    worstPair: national.worstPair,
    ...(waitlist ? { timesWithoutWaitlist: round(national.seconds / nationalBenchSeconds, 2) } : {}),
  });
}

console.log(
  JSON.stringify({
    bench: 'matching',
    cohorts: results,
    targets: { timesBenchSettings: 2, timesMunkresBenchSettings: 1, nationalSeconds: 30, nationalMb: 2048, waitlistTimesWithout: 1.5 },
  }),
);
