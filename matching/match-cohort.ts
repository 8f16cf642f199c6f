import type { Role } from '../domain/types.js';
import { type Notice, type PairWarning, type UnmatchedWhy } from './explanations.js';
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
  warnings: PairWarning[];
}

export interface Unmatched {
  participantId: string;
  name: string;
  role: Role;
  /** Why, as data, worded in each reader's language when shown. */
  why: UnmatchedWhy;
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
  /** What the admin should know before approving (no mentors, nothing above the threshold...), as data. */
  notices: Notice[];
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
      pairs.push({
        menteeId: mentee.id,
        menteeName: mentee.name,
        mentorId: mentor.id,
        mentorName: mentor.name,
        score,
        criteria,
        warnings: [],
      });
    } else {
      unmatched.push({ participantId: mentee.id, name: mentee.name, role: 'mentee', why: whyUnmatched(i) });
    }
  });

  for (const p of input.unanswered) unmatched.push({ participantId: p.id, name: p.name, role: p.role, why: { kind: 'unanswered' } });
  return {
    algorithm: ALGORITHM_VERSION,
    pairs,
    unmatched,
    freeMentors: freePlaces(input, pairs),
    summary: summarise(mentees.length, pairs),
    notices: notices(),
  };

  /** The first reason that holds, from the most basic to the most subtle; one row of scores at most. */
  function whyUnmatched(i: number): UnmatchedWhy {
    if (mentors.length === 0) return { kind: 'no-mentor' };
    if (open.length === 0) return { kind: 'no-place' };
    const fitting = problem.rowStart[i + 1]! - problem.rowStart[i]!;
    if (fitting > 0) return { kind: 'waitlist', fitting };
    scorer.scoreRow(i, row);
    const allowed = open.filter((j) => row[j]! >= 0);
    if (allowed.length === 0) {
      if (open.every((j) => scorer.isExcluded(i, j))) return { kind: 'excluded' };
      const failing = scorer.rules.flatMap((r, k) =>
        r.mustMatch
          ? [
              {
                criterion: r.criterion.key,
                label: r.criterion.label,
                meeting: open.filter((j) => scorer.meets(i, j, k)).length,
                of: open.length,
              },
            ]
          : [],
      );
      return { kind: 'must-match', failing };
    }
    return { kind: 'below-minimum', best: Math.max(...allowed.map((j) => row[j]!)), minimum: settings.threshold };
  }

  function notices(): Notice[] {
    const list: Notice[] = [];
    if (mentees.length === 0) list.push({ kind: 'no-mentee' });
    if (mentors.length === 0) list.push({ kind: 'no-mentor' });
    else if (capacity.every((c) => c === 0)) list.push({ kind: 'no-place' });
    if (mentees.length > 0 && mentors.length > 0 && pairs.length === 0) list.push({ kind: 'no-pair', minimum: settings.threshold });
    if (input.unanswered.length > 0) list.push({ kind: 'unanswered', count: input.unanswered.length });
    return list;
  }
}

/** Mentors with places left once the proposed pairs are formed. */
export function freePlaces(input: Pick<MatchInput, 'mentors' | 'placesTaken'>, pairs: readonly ProposedPair[]): MatchResult['freeMentors'] {
  const proposed = menteesPerMentor(pairs);
  return [...input.mentors]
    .sort(byId)
    .map((m) => ({
      mentorId: m.id,
      name: m.name,
      freePlaces: m.answers.capacity - (input.placesTaken?.[m.id] ?? 0) - (proposed.get(m.id) ?? 0),
    }))
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
