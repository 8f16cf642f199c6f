import { BUILT_IN, attributeCriterion, encode, type Criterion, type Encoded } from './criteria.js';
import type { Mentee, Mentor } from './profiles.js';
import type { PairWarning } from './explanations.js';
import { CRITERIA, type MatchSettings } from './settings.js';

export interface CriterionScore {
  key: string;
  label: string;
  weight: number;
  mustMatch: boolean;
  /** How well they fit on this criterion, 0 to 1; "met" from one half up. */
  value: number;
  met: boolean;
  reason: string;
}

export interface PairScore {
  score: number;
  /** False when a must-match criterion is not met or the two must not be paired. */
  feasible: boolean;
  criteria: CriterionScore[];
  /** The rules the pair breaks (it is then not feasible). */
  problems: PairWarning[];
}

/** A pair that must never be formed again, e.g. a previous partner. */
export interface Exclusion {
  menteeId: string;
  mentorId: string;
}

/**
 * Compiles the cohort's settings into a scorer over indices: `score(i, j)` is 0..100, or -1 when the pair is
 * not allowed; `scoreRow(i, out)` scores mentee i with every mentor at once, fast enough for a national
 * cohort. `explain(i, j)` gives the same result criterion by criterion, in words.
 */
export function compileScorer(
  mentees: readonly Mentee[],
  mentors: readonly Mentor[],
  settings: MatchSettings,
  exclusions: readonly Exclusion[] = [],
) {
  const columns = settings.attributes.map((a) => a.column);
  const rules: { criterion: Criterion; weight: number; mustMatch: boolean }[] = [
    ...CRITERIA.map((key) => ({ criterion: BUILT_IN[key], ...settings.criteria[key] })),
    ...settings.attributes.map((a, i) => ({ criterion: attributeCriterion(a.column, i), weight: a.weight, mustMatch: a.mustMatch })),
  ].filter((r) => r.weight > 0 || r.mustMatch);
  const totalWeight = rules.reduce((sum, r) => sum + r.weight, 0);
  const encodedMentees: Encoded[] = mentees.map((m) => encode(m, columns));
  const encodedMentors: Encoded[] = mentors.map((m) => encode(m, columns));
  const excludedOf = excludedByIndex(mentees, mentors, exclusions);
  const isExcluded = (i: number, j: number) => excludedOf.get(i)?.includes(j) ?? false;
  // Per rule, each mentor's key and one mentor per key: a row costs one value() per distinct key.
  const keyed = rules.map(({ criterion }) => {
    const index = new Map<number | string, number>();
    const keyOf = new Int32Array(mentors.length);
    const representatives: Encoded[] = [];
    encodedMentors.forEach((b, j) => {
      const key = criterion.mentorKey(b);
      let k = index.get(key);
      if (k === undefined) index.set(key, (k = representatives.push(b) - 1));
      keyOf[j] = k;
    });
    return { keyOf, representatives };
  });
  const sums = new Float64Array(mentors.length);

  // One factor for every pair, so that a row and a single pair round alike.
  const factor = totalWeight ? 100 / totalWeight : 0;
  const toScore = (sum: number) => Math.round(sum * factor);

  function score(i: number, j: number): number {
    if (isExcluded(i, j)) return -1;
    const a = encodedMentees[i]!;
    const b = encodedMentors[j]!;
    let sum = 0;
    for (const rule of rules) {
      const value = rule.criterion.value(a, b);
      if (rule.mustMatch && value < 0.5) return -1;
      sum += rule.weight * value;
    }
    return toScore(sum);
  }

  /** The same scores as `score`, for every mentor: rule by rule over typed arrays, summed in the same order. */
  const contributions = keyed.map(({ representatives }) => new Float64Array(representatives.length));
  function scoreRow(i: number, out: Int16Array) {
    const a = encodedMentees[i]!;
    sums.fill(0);
    for (let r = 0; r < rules.length; r++) {
      const { criterion, weight, mustMatch } = rules[r]!;
      const { keyOf, representatives } = keyed[r]!;
      const contribution = contributions[r]!;
      for (let k = 0; k < representatives.length; k++) {
        const value = criterion.value(a, representatives[k]!);
        contribution[k] = mustMatch && value < 0.5 ? -Infinity : weight * value;
      }
      addByKey(sums, contribution, keyOf);
    }
    toScores(sums, factor, out);
    for (const j of excludedOf.get(i) ?? []) out[j] = -1;
  }

  function explain(i: number, j: number): PairScore {
    const a = encodedMentees[i]!;
    const b = encodedMentors[j]!;
    let sum = 0;
    const problems: PairWarning[] = [];
    const criteria = rules.map(({ criterion, weight, mustMatch }) => {
      const value = criterion.value(a, b);
      sum += weight * value;
      const reason = criterion.describe(mentees[i]!, mentors[j]!, value);
      if (mustMatch && value < 0.5) problems.push({ kind: 'must-match', criterion: criterion.key, label: criterion.label });
      return { key: criterion.key, label: criterion.label, weight, mustMatch, value, met: value >= 0.5, reason };
    });
    if (isExcluded(i, j)) problems.push({ kind: 'excluded' });
    return { score: toScore(sum), feasible: problems.length === 0, criteria, problems };
  }

  /** Whether the pair meets a must-match rule (by its index in `rules`), without words. */
  const meets = (i: number, j: number, rule: number) => rules[rule]!.criterion.value(encodedMentees[i]!, encodedMentors[j]!) >= 0.5;

  return { score, scoreRow, explain, meets, isExcluded, rules };
}

/** A row's sums as scores; a failed must-match rule made its sum -Infinity. */
function toScores(sums: Float64Array, factor: number, out: Int16Array) {
  for (let j = 0; j < sums.length; j++) out[j] = sums[j] === -Infinity ? -1 : Math.round(sums[j]! * factor);
}

/** sums[j] += contribution[keyOf[j]]: the one loop a row spends its time in. */
function addByKey(sums: Float64Array, contribution: Float64Array, keyOf: Int32Array) {
  for (let j = 0; j < sums.length; j++) sums[j] = sums[j]! + contribution[keyOf[j]!]!;
}

/** Exclusions as mentor indices per mentee index: looked up without building a key per pair. */
function excludedByIndex(mentees: readonly Mentee[], mentors: readonly Mentor[], exclusions: readonly Exclusion[]): Map<number, number[]> {
  const byMentee = new Map<number, number[]>();
  if (exclusions.length === 0) return byMentee;
  const menteeIndex = new Map(mentees.map((m, i) => [m.id, i]));
  const mentorIndex = new Map(mentors.map((m, j) => [m.id, j]));
  for (const { menteeId, mentorId } of exclusions) {
    const i = menteeIndex.get(menteeId);
    const j = mentorIndex.get(mentorId);
    if (i === undefined || j === undefined) continue;
    const list = byMentee.get(i) ?? [];
    list.push(j);
    byMentee.set(i, list);
  }
  return byMentee;
}

export type Scorer = ReturnType<typeof compileScorer>;
