import type { SurveyAnswers } from '../domain/survey.js';
import { LANGUAGES, TOPICS } from '../domain/survey.js';

/** A participant as matching sees them: their survey answers and the free columns of the CSV. */
export interface MatchParticipant {
  id: string;
  name: string;
  answers: SurveyAnswers;
  attributes: Record<string, string>;
}

export type Mentee = MatchParticipant & { answers: Extract<SurveyAnswers, { role: 'mentee' }> };
export type Mentor = MatchParticipant & { answers: Extract<SurveyAnswers, { role: 'mentor' }> };

export const bitsOf = (values: readonly string[], list: readonly string[]) =>
  values.reduce((bits, value) => (list.indexOf(value) >= 0 ? bits | (1 << list.indexOf(value)) : bits), 0);

export const topicBits = (topics: readonly string[]) => bitsOf(topics, TOPICS);
export const languageBits = (languages: readonly string[]) => bitsOf(languages, LANGUAGES);

export function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b; b &= b - 1) count++;
  return count;
}

export const MODE_BITS = { remote: 1, 'in-person': 2, either: 3 } as const;
export const AVAILABILITY_RANK = { monthly: 0, fortnightly: 1, weekly: 2 } as const;

export const normaliseLocation = (location: string) => location.trim().toLowerCase().replace(/\s+/g, ' ');
