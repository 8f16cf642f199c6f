import type { CheckInAnswers } from './check-in.js';

/*
 * A pair's health from its check-ins. Workflow code runs it, so it imports no library: every module a
 * workflow imports is evaluated again for each workflow the worker loads (zod alone cost about 8 % of the
 * workflow thread's time when 500 pairs started at once).
 */

/** What the pair's workflow decides on: the answers without their free text, which stays in PostgreSQL. */
export type CheckInDecision = Omit<CheckInAnswers, 'blocking'> & { blocked: boolean };

export const toDecision = ({ blocking, ...answers }: CheckInAnswers): CheckInDecision => ({ ...answers, blocked: blocking !== '' });

export const HEALTH = ['on-track', 'needs-attention', 'at-risk'] as const;
export type Health = (typeof HEALTH)[number];

/**
 * Why a pair's health is what it is, as data: each reader gets it in their words (the admin pages in the
 * admin's language). Runs from before reasons were data passed them as English sentences, kept as they are.
 */
export type HealthReason =
  | { kind: 'silent' | 'silent-twice' | 'wants-to-stop' | 'blocked'; role: 'mentee' | 'mentor' }
  | { kind: 'low-rating'; role: 'mentee' | 'mentor'; rating: number }
  | { kind: 'no-contact' | 'met-disagree' }
  | { kind: 'ratings-disagree'; mentee: number; mentor: number };

export interface HealthAssessment {
  health: Health;
  reasons: HealthReason[];
}

/** Why someone who wants to go on is offered a new partner, one click away. */
export type NewPartnerReason = 'partnerStops' | 'objectivesMet';

/** What one closed round decides: the pair's health, and who is offered a new partner and why. */
export interface RoundDecision extends HealthAssessment {
  offers: { role: 'mentee' | 'mentor'; reason: NewPartnerReason }[];
}

/**
 * A closed round, decided from one read of its answers: the pair's health and, unless it is a flash pair's
 * feedback (which closes its programme), a new partner for whoever wants to go on while their partner would
 * rather stop, or who has met all their objectives.
 */
export function decideRound(
  answers: { mentee?: CheckInDecision; mentor?: CheckInDecision },
  previouslySilent: { mentee: boolean; mentor: boolean },
  { feedback = false } = {},
): RoundDecision {
  const offers: RoundDecision['offers'] = [];
  if (!feedback)
    for (const [role, partner] of [
      ['mentee', 'mentor'],
      ['mentor', 'mentee'],
    ] as const) {
      const own = answers[role];
      if (own?.continue !== 'yes') continue;
      if (answers[partner]?.continue === 'no') offers.push({ role, reason: 'partnerStops' });
      else if (own.progress?.length && own.progress.every((p) => p === 'achieved')) offers.push({ role, reason: 'objectivesMet' });
    }
  return { ...assessHealth(answers, previouslySilent, { feedback }), offers };
}

/**
 * A pair's health after a check-in, from both parties' answers (undefined: silent after the reminder).
 * At risk: a party wants to stop, or a party silent twice in a row. Needs attention: no contact yet, a low
 * rating, answers that disagree, or one party silent.
 */
export function assessHealth(
  answers: { mentee?: CheckInDecision; mentor?: CheckInDecision },
  previouslySilent: { mentee: boolean; mentor: boolean },
  { feedback = false } = {},
): HealthAssessment {
  const atRisk: HealthReason[] = [];
  const attention: HealthReason[] = [];
  for (const role of ['mentee', 'mentor'] as const) {
    const a = answers[role];
    if (!a) {
      if (previouslySilent[role]) atRisk.push({ kind: 'silent-twice', role });
      else attention.push({ kind: 'silent', role });
      continue;
    }
    // In a flash pair's feedback, "no" answers "would you meet again?" of a programme that ends there anyway.
    if (a.continue === 'no' && !feedback) atRisk.push({ kind: 'wants-to-stop', role });
    if (a.rating <= 2) attention.push({ kind: 'low-rating', role, rating: a.rating });
    if (a.blocked) attention.push({ kind: 'blocked', role });
  }
  const { mentee, mentor } = answers;
  if (mentee && mentor) {
    if (mentee.met === 'no' && mentor.met === 'no') attention.push({ kind: 'no-contact' });
    else if (mentee.met !== mentor.met) attention.push({ kind: 'met-disagree' });
    if (Math.abs(mentee.rating - mentor.rating) >= 3)
      attention.push({ kind: 'ratings-disagree', mentee: mentee.rating, mentor: mentor.rating });
  } else if ((mentee ?? mentor)?.met === 'no') {
    attention.push({ kind: 'no-contact' });
  }
  if (atRisk.length) return { health: 'at-risk', reasons: [...atRisk, ...attention] };
  if (attention.length) return { health: 'needs-attention', reasons: attention };
  return { health: 'on-track', reasons: [] };
}
