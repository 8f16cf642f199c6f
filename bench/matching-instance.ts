import { AVAILABILITY, FIELDS, LANGUAGES, MEETING_MODES, TOPICS } from '../domain/survey.js';
import type { Mentee, Mentor } from '../matching/profiles.js';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '../matching/settings.js';

/** A reproducible synthetic cohort: answers drawn from the survey's own options, capacities 1 to 4. */
export function syntheticCohort(menteeCount: number, mentorCount: number, seed = 42) {
  let state = seed;
  const r = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(list)))];
  // Most people speak English; fields and topics cluster a little, as in real cohorts.
  const languages = () => [...new Set(['English', ...(r() < 0.4 ? [pick(LANGUAGES)] : [])])] as (typeof LANGUAGES)[number][];
  const common = () => ({
    field: pick(FIELDS.slice(0, 8)),
    languages: r() < 0.1 ? [pick(LANGUAGES)] : languages(),
    availability: pick(Object.keys(AVAILABILITY) as (keyof typeof AVAILABILITY)[]),
    meetingMode: pick(Object.keys(MEETING_MODES) as (keyof typeof MEETING_MODES)[]),
    location: pick(['Paris', 'Lyon', 'Lille', 'Nantes', '']),
    preferences: '',
  });
  const region = () => ({ Region: pick(['North', 'South', 'East', 'West']) });
  const id = (prefix: string, i: number) => `${prefix}-${String(i).padStart(6, '0')}`;
  const mentees: Mentee[] = Array.from({ length: menteeCount }, (_, i) => ({
    id: id('mentee', i),
    name: `Mentee ${i}`,
    attributes: region(),
    answers: { role: 'mentee', goals: 'Grow in my career', helpWith: some(TOPICS, 3), ...common() },
  }));
  const mentors: Mentor[] = Array.from({ length: mentorCount }, (_, i) => ({
    id: id('mentor', i),
    name: `Mentor ${i}`,
    attributes: region(),
    answers: { role: 'mentor', offers: some(TOPICS, 5), capacity: 1 + Math.floor(r() * 4), experience: '', ...common() },
  }));
  return { mentees, mentors };
}

/** Six criteria: the five built in, plus the CSV's Region column. */
export const BENCH_SETTINGS: MatchSettings = { ...DEFAULT_MATCH_SETTINGS, attributes: [{ column: 'Region', weight: 1, mustMatch: false }] };

const off = { weight: 0, mustMatch: false };
const onlyMustMatch = { field: off, topics: off, language: off, availability: off, meeting: off };

/** Settings an admin may well choose that leave few distinct scores: the hard cases for an exact solver. */
export const TIE_HEAVY_SETTINGS: Record<string, MatchSettings> = {
  'field only': {
    ...DEFAULT_MATCH_SETTINGS,
    threshold: 0,
    criteria: { ...onlyMustMatch, field: { weight: 3, mustMatch: false }, language: { weight: 0, mustMatch: true } },
  },
  'all scores equal': { ...DEFAULT_MATCH_SETTINGS, threshold: 0, criteria: onlyMustMatch },
  'weights 0, must-match only': {
    ...DEFAULT_MATCH_SETTINGS,
    threshold: 0,
    criteria: { ...onlyMustMatch, language: { weight: 0, mustMatch: true }, meeting: { weight: 0, mustMatch: true } },
  },
};
