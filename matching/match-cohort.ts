import type { Role } from '../domain/types.js';
import type { Mentee, Mentor } from './profiles.js';
import { compileScorer, type CriterionScore } from './score.js';
import { ALGORITHM_VERSION, type MatchSettings } from './settings.js';
import { buildProblem, solveAssignment } from './solve.js';

export interface MatchInput {
  mentees: Mentee[];
  mentors: Mentor[];
  settings: MatchSettings;
  /** Pairs that must not be formed (previous partners). */
  exclusions: { menteeId: string; mentorId: string }[];
  /** Places already taken in each mentor's capacity by pairs that go on (a rematch solves around them). */
  placesTaken?: Record<string, number>;
  /** Participants who never answered the survey: reported, never silently dropped. */
  unanswered: { id: string; name: string; role: Role }[];
  /** Why each mentee, and each mentor with a free place, is in this round (shown on a rematch proposal). */
  inRoundBecause?: Record<string, string>;
}

export interface ProposedPair {
  menteeId: string;
  menteeName: string;
  mentorId: string;
  mentorName: string;
  score: number;
  criteria: CriterionScore[];
  /** Broken constraints or capacity, when an admin paired them by hand. */
  warnings: string[];
}

export interface Unmatched {
  participantId: string;
  name: string;
  role: Role;
  reason: string;
}

export interface MatchSummary {
  mentees: number;
  matched: number;
  matchedPercent: number;
  meanScore: number | null;
  lowestScore: number | null;
  totalScore: number;
}

export interface MatchResult {
  algorithm: string;
  pairs: ProposedPair[];
  unmatched: Unmatched[];
  freeMentors: { mentorId: string; name: string; freePlaces: number }[];
  summary: MatchSummary;
  /** What the admin should know before approving: no mentors, nothing above the threshold, ... */
  notices: string[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Matches a cohort (or, for a rematch, whoever is waiting) for quality: the optimal assignment over the
 * whole group, then every pair explained and every unmatched person given a reason the admin can act on.
 */
export function matchCohort(input: MatchInput, onProgress?: (done: number) => void): MatchResult {
  const mentees = [...input.mentees].sort(byId);
  const mentors = [...input.mentors].sort(byId);
  const { settings } = input;
  const scorer = compileScorer(mentees, mentors, settings, input.exclusions);
  const capacity = mentors.map((m) => Math.max(0, m.answers.capacity - (input.placesTaken?.[m.id] ?? 0)));
  const problem = buildProblem(mentees.length, mentors.length, capacity, scorer.scoreRow, settings.threshold);
  const { mentorOf } = solveAssignment(problem, { onProgress });

  const pairs: ProposedPair[] = [];
  const unmatched: Unmatched[] = [];
  const open = mentors.map((_, j) => j).filter((j) => capacity[j]! > 0);
  const row = new Int16Array(mentors.length);
  mentees.forEach((mentee, i) => {
    const j = mentorOf[i]!;
    if (j >= 0) {
      const mentor = mentors[j]!;
      const { score, criteria } = scorer.explain(i, j);
      pairs.push({ menteeId: mentee.id, menteeName: mentee.name, mentorId: mentor.id, mentorName: mentor.name, score, criteria, warnings: [] });
    } else {
      unmatched.push({ participantId: mentee.id, name: mentee.name, role: 'mentee', reason: whyUnmatched(i) });
    }
  });

  for (const p of input.unanswered) unmatched.push({ participantId: p.id, name: p.name, role: p.role, reason: 'did not answer the intake survey' });
  return { algorithm: ALGORITHM_VERSION, pairs, unmatched, freeMentors: freePlaces(input, pairs), summary: summarise(mentees.length, pairs), notices: notices() };

  /** The first reason that holds, from the most basic to the most subtle; one row of scores at most. */
  function whyUnmatched(i: number): string {
    if (mentors.length === 0) return 'no mentor answered the survey';
    if (open.length === 0) return 'no mentor has a free place';
    const fitting = problem.rowStart[i + 1]! - problem.rowStart[i]!;
    if (fitting > 0) return `waitlist: the ${fitting} mentor${fitting > 1 ? 's' : ''} above the minimum score ${fitting > 1 ? 'are' : 'is'} taken by pairs that fit better overall`;
    scorer.scoreRow(i, row);
    const allowed = open.filter((j) => row[j]! >= 0);
    if (allowed.length === 0) {
      if (open.every((j) => scorer.isExcluded(i, j))) return 'every mentor with a free place is excluded (a previous partner)';
      const failing = scorer.rules.flatMap((r, k) => (r.mustMatch ? [`${r.criterion.label.toLowerCase()} (${open.filter((j) => scorer.meets(i, j, k)).length} of ${open.length} mentors)`] : []));
      return `no mentor meets every must-match criterion together: ${failing.join(', ')}`;
    }
    const best = Math.max(...allowed.map((j) => row[j]!));
    return `no mentor reaches the minimum score (best possible ${best}, minimum ${settings.threshold})`;
  }

  function notices(): string[] {
    const list: string[] = [];
    if (mentees.length === 0) list.push('No mentee to match: nobody in this group answered the survey as a mentee.');
    if (mentors.length === 0) list.push('No mentor answered the survey: no pair can be formed.');
    else if (capacity.every((c) => c === 0)) list.push('No mentor has a free place.');
    if (mentees.length > 0 && mentors.length > 0 && pairs.length === 0) {
      list.push(`No pair reaches the minimum score of ${settings.threshold} under the must-match criteria: lower the minimum, relax a must-match criterion, or change the weights.`);
    }
    if (input.unanswered.length > 0) list.push(`${input.unanswered.length} participant${input.unanswered.length > 1 ? 's' : ''} did not answer the survey and ${input.unanswered.length > 1 ? 'are' : 'is'} not matched.`);
    return list;
  }
}

/** Mentors with places left once the proposed pairs are formed. */
export function freePlaces(input: Pick<MatchInput, 'mentors' | 'placesTaken'>, pairs: readonly ProposedPair[]): MatchResult['freeMentors'] {
  const proposed = menteesPerMentor(pairs);
  return [...input.mentors]
    .sort(byId)
    .map((m) => ({ mentorId: m.id, name: m.name, freePlaces: m.answers.capacity - (input.placesTaken?.[m.id] ?? 0) - (proposed.get(m.id) ?? 0) }))
    .filter((m) => m.freePlaces > 0);
}

/** How many proposed pairs each mentor has. */
export function menteesPerMentor(pairs: readonly ProposedPair[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const p of pairs) count.set(p.mentorId, (count.get(p.mentorId) ?? 0) + 1);
  return count;
}

export function summarise(mentees: number, pairs: readonly ProposedPair[]): MatchSummary {
  const scores = pairs.map((p) => p.score);
  const total = scores.reduce((a, b) => a + b, 0);
  return {
    mentees,
    matched: pairs.length,
    matchedPercent: mentees ? Math.round((1000 * pairs.length) / mentees) / 10 : 0,
    meanScore: scores.length ? Math.round((10 * total) / scores.length) / 10 : null,
    lowestScore: scores.length ? Math.min(...scores) : null,
    totalScore: total,
  };
}
