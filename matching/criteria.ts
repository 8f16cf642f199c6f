import { AVAILABILITY, FIELDS, LANGUAGES, MEETING_MODES, TOPICS } from '../domain/survey.js';
import {
  AVAILABILITY_RANK, MODE_BITS, languageBits, namesOf, normaliseLocation, popcount, topicBits,
  type MatchParticipant, type Mentee, type Mentor,
} from './profiles.js';
import { CRITERION_LABELS, type CriterionKey } from './settings.js';

/** A participant's answers as small numbers, so that scoring a million pairs stays cheap. */
export interface Encoded {
  field: number;
  topics: number;
  languages: number;
  availability: number;
  modes: number;
  location: string;
  attributes: (string | undefined)[];
}

export function encode(p: MatchParticipant, attributeColumns: readonly string[]): Encoded {
  const a = p.answers;
  return {
    field: FIELDS.indexOf(a.field),
    topics: topicBits(a.role === 'mentee' ? a.helpWith : a.offers),
    languages: languageBits(a.languages),
    availability: AVAILABILITY_RANK[a.availability],
    modes: MODE_BITS[a.meetingMode],
    location: normaliseLocation(a.location),
    attributes: attributeColumns.map((c) => p.attributes[c]?.trim().toLowerCase() || undefined),
  };
}

/**
 * One criterion: how well a mentee and a mentor fit on it (0 to 1) and the same judgement in words, for the
 * admin and for the pair themselves.
 */
export interface Criterion {
  key: string;
  label: string;
  value(mentee: Encoded, mentor: Encoded): number;
  /** What of the mentor `value` reads: mentors with the same key score the same with every mentee. */
  mentorKey(mentor: Encoded): number | string;
  describe(mentee: Mentee, mentor: Mentor, value: number): string;
}

const availabilityWords = (p: MatchParticipant) => AVAILABILITY[p.answers.availability].toLowerCase();

export const BUILT_IN: Record<CriterionKey, Criterion> = {
  field: {
    key: 'field',
    label: CRITERION_LABELS.field,
    value: (a, b) => (a.field === b.field && a.field !== FIELDS.indexOf('Other') ? 1 : 0),
    mentorKey: (b) => b.field,
    describe: (a, b, v) => (v ? `both work in ${a.answers.field}` : `different fields: ${a.answers.field} / ${b.answers.field}`),
  },
  topics: {
    key: 'topics',
    label: CRITERION_LABELS.topics,
    value: (a, b) => (a.topics ? popcount(a.topics & b.topics) / popcount(a.topics) : 0),
    mentorKey: (b) => b.topics,
    describe: (a, b, v) => {
      const wanted = topicBits(a.answers.helpWith);
      const shared = wanted & topicBits(b.answers.offers);
      return v ? `can help with ${popcount(shared)} of ${popcount(wanted)} topics asked for: ${namesOf(shared, TOPICS)}` : 'offers none of the topics asked for';
    },
  },
  language: {
    key: 'language',
    label: CRITERION_LABELS.language,
    value: (a, b) => (a.languages & b.languages ? 1 : 0),
    mentorKey: (b) => b.languages,
    describe: (a, b) => {
      const shared = languageBits(a.answers.languages) & languageBits(b.answers.languages);
      return shared ? `both speak ${namesOf(shared, LANGUAGES)}` : 'no shared language';
    },
  },
  availability: {
    key: 'availability',
    label: CRITERION_LABELS.availability,
    value: (a, b) => [1, 0.5, 0][Math.abs(a.availability - b.availability)]!,
    mentorKey: (b) => b.availability,
    describe: (a, b, v) =>
      v === 1 ? `both can meet ${availabilityWords(a)}` : v > 0 ? `close availability: ${availabilityWords(a)} / ${availabilityWords(b)}` : `availability differs: ${availabilityWords(a)} / ${availabilityWords(b)}`,
  },
  meeting: {
    key: 'meeting',
    label: CRITERION_LABELS.meeting,
    value: (a, b) => {
      const common = a.modes & b.modes;
      if (common & MODE_BITS.remote) return 1;
      if (!common) return 0;
      if (!a.location || !b.location) return 0.5; // both want to meet in person; where is not known
      return a.location === b.location ? 1 : 0;
    },
    mentorKey: (b) => `${b.modes} ${b.location}`,
    describe: (a, b, v) => {
      const common = MODE_BITS[a.answers.meetingMode] & MODE_BITS[b.answers.meetingMode];
      if (common & MODE_BITS.remote) return 'both can meet remotely';
      if (!common) return `${MEETING_MODES[a.answers.meetingMode].toLowerCase()} / ${MEETING_MODES[b.answers.meetingMode].toLowerCase()}`;
      if (v === 1) return `both in ${a.answers.location.trim()}, in person`;
      return v > 0 ? 'both meet in person; a location is missing' : `in person, but in different places: ${a.answers.location.trim()} / ${b.answers.location.trim()}`;
    },
  },
};

/** A free CSV column chosen by the admin: equal values match ("same Class of: 2019"). */
export function attributeCriterion(column: string, index: number): Criterion {
  return {
    key: `attribute:${column}`,
    label: column,
    value: (a, b) => (a.attributes[index] !== undefined && a.attributes[index] === b.attributes[index] ? 1 : 0),
    mentorKey: (b) => b.attributes[index] ?? '',
    describe: (a, b, v) =>
      v ? `same ${column}: ${a.attributes[column]}` : `different ${column}: ${a.attributes[column] || 'unknown'} / ${b.attributes[column] || 'unknown'}`,
  };
}
