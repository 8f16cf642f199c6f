import { freePlaces, menteesPerMentor, summarise, type MatchInput, type MatchResult, type ProposedPair } from './match-cohort.js';
import { compileScorer } from './score.js';
import type { RefusalCode } from '../i18n/admin/refusals.en.js';
import type { PairWarning } from './explanations.js';

/** What an admin may change in a proposal before approving it. */
export type Adjustment =
  | { action: 'pair'; menteeId: string; mentorId: string }
  | { action: 'unpair'; menteeId: string }
  | { action: 'swap'; menteeId: string; otherMenteeId: string };

export type AdjustOutcome = { ok: true; result: MatchResult; warnings: PairWarning[] } | { ok: false; error: RefusalCode };

/**
 * Applies an admin's change to a proposal. The admin may override the solver (that is the point of a
 * review), but never blindly: each changed pair is scored and explained, and a pair that breaks a
 * must-match criterion, the minimum score, an exclusion or a mentor's capacity carries a warning.
 */
export function adjustProposal(inputs: MatchInput, result: MatchResult, adjustment: Adjustment, reason: string): AdjustOutcome {
  if (!reason.trim()) return { ok: false, error: 'adjust-reason' };
  const mentees = new Map(inputs.mentees.map((m) => [m.id, m]));
  const mentors = new Map(inputs.mentors.map((m) => [m.id, m]));
  const pairOf = (menteeId: string) => result.pairs.find((p) => p.menteeId === menteeId);
  let pairs = [...result.pairs];
  let unmatched = [...result.unmatched];

  const form = (menteeId: string, mentorId: string): ProposedPair => {
    const mentee = mentees.get(menteeId)!;
    const mentor = mentors.get(mentorId)!;
    const scorer = compileScorer(
      [mentee],
      [mentor],
      inputs.settings,
      inputs.exclusions.filter((e) => e.menteeId === menteeId && e.mentorId === mentorId),
    );
    const { score, criteria, problems } = scorer.explain(0, 0);
    const warnings = [...problems];
    if (score < inputs.settings.threshold) warnings.push({ kind: 'below-minimum', score, minimum: inputs.settings.threshold });
    return { menteeId, menteeName: mentee.name, mentorId, mentorName: mentor.name, score, criteria, warnings };
  };

  switch (adjustment.action) {
    case 'pair': {
      if (!mentees.has(adjustment.menteeId)) return { ok: false, error: 'mentee-not-in-run' };
      if (!mentors.has(adjustment.mentorId)) return { ok: false, error: 'mentor-not-in-run' };
      pairs = pairs.filter((p) => p.menteeId !== adjustment.menteeId);
      unmatched = unmatched.filter((u) => u.participantId !== adjustment.menteeId);
      pairs.push(form(adjustment.menteeId, adjustment.mentorId));
      break;
    }
    case 'unpair': {
      const pair = pairOf(adjustment.menteeId);
      if (!pair) return { ok: false, error: 'mentee-unpaired' };
      pairs = pairs.filter((p) => p !== pair);
      unmatched.push({
        participantId: pair.menteeId,
        name: pair.menteeName,
        role: 'mentee',
        why: { kind: 'unpaired', reason: reason.trim() },
      });
      break;
    }
    case 'swap': {
      const one = pairOf(adjustment.menteeId);
      const other = pairOf(adjustment.otherMenteeId);
      if (!one || !other || one === other) return { ok: false, error: 'swap-two-mentees' };
      pairs = pairs.filter((p) => p !== one && p !== other);
      pairs.push(form(one.menteeId, other.mentorId), form(other.menteeId, one.mentorId));
      break;
    }
  }

  // Capacity is a property of the whole proposal: re-check every mentor the change touched.
  const proposed = menteesPerMentor(pairs);
  const capacityWarning = (mentorId: string) => {
    const mentor = mentors.get(mentorId)!;
    const taken = (inputs.placesTaken?.[mentorId] ?? 0) + (proposed.get(mentorId) ?? 0);
    return taken > mentor.answers.capacity ? ({ kind: 'over-capacity', taken, capacity: mentor.answers.capacity } as const) : undefined;
  };
  pairs = pairs.map((p) => {
    const kept = p.warnings.filter((w) => w.kind !== 'over-capacity');
    const over = capacityWarning(p.mentorId);
    return { ...p, warnings: over ? [...kept, over] : kept };
  });
  pairs.sort((a, b) => (a.menteeId < b.menteeId ? -1 : 1));
  const changed = pairs.filter(
    (p) => p.menteeId === adjustment.menteeId || (adjustment.action === 'swap' && p.menteeId === adjustment.otherMenteeId),
  );
  return {
    ok: true,
    result: { ...result, pairs, unmatched, freeMentors: freePlaces(inputs, pairs), summary: summarise(result.summary.mentees, pairs) },
    warnings: uniqueWarnings(changed.flatMap((p) => p.warnings)),
  };
}

/** Each warning once: two pairs of a swap may break the same rule. */
const uniqueWarnings = (warnings: PairWarning[]): PairWarning[] => [...new Map(warnings.map((w) => [JSON.stringify(w), w])).values()];
