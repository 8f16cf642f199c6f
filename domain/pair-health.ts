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

export interface HealthAssessment {
  health: Health;
  reasons: string[];
}

/**
 * A pair's health after a check-in, from both parties' answers (undefined: silent after the reminder).
 * At risk: a party wants to stop, or a party silent twice in a row. Needs attention: no contact yet, a low
 * rating, answers that disagree, or one party silent.
 */
export function assessHealth(answers: { mentee?: CheckInDecision; mentor?: CheckInDecision }, previouslySilent: { mentee: boolean; mentor: boolean }): HealthAssessment {
  const atRisk: string[] = [];
  const attention: string[] = [];
  for (const role of ['mentee', 'mentor'] as const) {
    const a = answers[role];
    if (!a) {
      (previouslySilent[role] ? atRisk : attention).push(previouslySilent[role] ? `the ${role} has been silent at two check-ins in a row` : `the ${role} did not answer the check-in`);
      continue;
    }
    if (a.continue === 'no') atRisk.push(`the ${role} wants to stop`);
    if (a.rating <= 2) attention.push(`the ${role} rates it ${a.rating}/5`);
    if (a.blocked) attention.push(`the ${role} says something is in the way`);
  }
  const { mentee, mentor } = answers;
  if (mentee && mentor) {
    if (mentee.met === 'no' && mentor.met === 'no') attention.push('no contact since the last check-in');
    else if (mentee.met !== mentor.met) attention.push('their answers disagree on whether they met');
    if (Math.abs(mentee.rating - mentor.rating) >= 3) attention.push(`their ratings disagree (${mentee.rating}/5 and ${mentor.rating}/5)`);
  } else if ((mentee ?? mentor)?.met === 'no') {
    attention.push('no contact since the last check-in');
  }
  if (atRisk.length) return { health: 'at-risk', reasons: [...atRisk, ...attention] };
  if (attention.length) return { health: 'needs-attention', reasons: attention };
  return { health: 'on-track', reasons: [] };
}
