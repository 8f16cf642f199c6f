import { BUILT_IN, attributeCriterion, encode, type Criterion, type Encoded } from './criteria.js';
import type { Mentee, Mentor } from './profiles.js';
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
  problems: string[];
}

/** A pair that must never be formed again, e.g. a previous partner. */
export const exclusionKey = (menteeId: string, mentorId: string) => `${menteeId}|${mentorId}`;

/**
 * Compiles the cohort's settings into a scorer over indices: `score(i, j)` is 0..100, or -1 when the pair is
 * not allowed. `explain(i, j)` gives the same result criterion by criterion, in words.
 */
export function compileScorer(mentees: readonly Mentee[], mentors: readonly Mentor[], settings: MatchSettings, exclusions: ReadonlySet<string> = new Set()) {
  const columns = settings.attributes.map((a) => a.column);
  const rules: { criterion: Criterion; weight: number; mustMatch: boolean }[] = [
    ...CRITERIA.map((key) => ({ criterion: BUILT_IN[key], ...settings.criteria[key] })),
    ...settings.attributes.map((a, i) => ({ criterion: attributeCriterion(a.column, i), weight: a.weight, mustMatch: a.mustMatch })),
  ].filter((r) => r.weight > 0 || r.mustMatch);
  const totalWeight = rules.reduce((sum, r) => sum + r.weight, 0);
  const encodedMentees: Encoded[] = mentees.map((m) => encode(m, columns));
  const encodedMentors: Encoded[] = mentors.map((m) => encode(m, columns));

  function score(i: number, j: number): number {
    if (exclusions.size && exclusions.has(exclusionKey(mentees[i]!.id, mentors[j]!.id))) return -1;
    const a = encodedMentees[i]!;
    const b = encodedMentors[j]!;
    let sum = 0;
    for (const rule of rules) {
      const value = rule.criterion.value(a, b);
      if (rule.mustMatch && value < 0.5) return -1;
      sum += rule.weight * value;
    }
    return totalWeight ? Math.round((100 * sum) / totalWeight) : 0;
  }

  function explain(i: number, j: number): PairScore {
    const a = encodedMentees[i]!;
    const b = encodedMentors[j]!;
    let sum = 0;
    const problems: string[] = [];
    const criteria = rules.map(({ criterion, weight, mustMatch }) => {
      const value = criterion.value(a, b);
      sum += weight * value;
      const reason = criterion.describe(mentees[i]!, mentors[j]!, value);
      if (mustMatch && value < 0.5) problems.push(`must match ${criterion.label.toLowerCase()}: ${reason}`);
      return { key: criterion.key, label: criterion.label, weight, mustMatch, value, met: value >= 0.5, reason };
    });
    if (exclusions.has(exclusionKey(mentees[i]!.id, mentors[j]!.id))) problems.push('these two must not be paired again');
    return { score: totalWeight ? Math.round((100 * sum) / totalWeight) : 0, feasible: problems.length === 0, criteria, problems };
  }

  return { score, explain, rules };
}

export type Scorer = ReturnType<typeof compileScorer>;
