import { FIELDS, LANGUAGES, TOPICS } from '../domain/survey.js';
import { translator, type MessageKey, type Translator } from '../i18n/translator.js';
import {
  AVAILABILITY_RANK,
  MODE_BITS,
  languageBits,
  normaliseLocation,
  popcount,
  topicBits,
  type MatchParticipant,
  type Mentee,
  type Mentor,
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
  /** The judgement in words: English for the admin's pages, the reader's language in their email. */
  describe(mentee: Mentee, mentor: Mentor, value: number, text?: Translator): string;
}

const ENGLISH = translator();

/** A survey option as shown in the reader's language, lower-cased inside a sentence. */
const optionWords = ({ t, locale }: Translator, option: 'availability' | 'meetingMode', value: string) =>
  t(`${option}.${value}` as MessageKey).toLocaleLowerCase(locale);
/** Names of the set bits in the reader's language, in list order: "Networking, Leadership". */
const namesIn = ({ t }: Translator, prefix: 'topic' | 'language', bits: number, list: readonly string[]) =>
  list
    .filter((_, i) => bits & (1 << i))
    .map((name) => t(`${prefix}.${name}` as MessageKey))
    .join(', ');

export const BUILT_IN: Record<CriterionKey, Criterion> = {
  field: {
    key: 'field',
    label: CRITERION_LABELS.field,
    value: (a, b) => (a.field === b.field && a.field !== FIELDS.indexOf('Other') ? 1 : 0),
    mentorKey: (b) => b.field,
    describe: (a, b, v, text = ENGLISH) => {
      const field = (p: MatchParticipant) => text.t(`field.${p.answers.field}` as MessageKey);
      return v
        ? text.t('reason.field.same', { field: field(a) })
        : text.t('reason.field.different', { mentee: field(a), mentor: field(b) });
    },
  },
  topics: {
    key: 'topics',
    label: CRITERION_LABELS.topics,
    value: (a, b) => (a.topics ? popcount(a.topics & b.topics) / popcount(a.topics) : 0),
    mentorKey: (b) => b.topics,
    describe: (a, b, v, text = ENGLISH) => {
      const wanted = topicBits(a.answers.helpWith);
      const shared = wanted & topicBits(b.answers.offers);
      const count = popcount(shared);
      return v
        ? text.t('reason.topics.some', {
            shared: count === popcount(wanted) ? 'all' : 'some',
            count,
            wanted: popcount(wanted),
            names: namesIn(text, 'topic', shared, TOPICS),
          })
        : text.t('reason.topics.none');
    },
  },
  language: {
    key: 'language',
    label: CRITERION_LABELS.language,
    value: (a, b) => (a.languages & b.languages ? 1 : 0),
    mentorKey: (b) => b.languages,
    describe: (a, b, _, text = ENGLISH) => {
      const shared = languageBits(a.answers.languages) & languageBits(b.answers.languages);
      return shared
        ? text.t('reason.language.shared', { names: namesIn(text, 'language', shared, LANGUAGES) })
        : text.t('reason.language.none');
    },
  },
  availability: {
    key: 'availability',
    label: CRITERION_LABELS.availability,
    value: (a, b) => [1, 0.5, 0][Math.abs(a.availability - b.availability)]!,
    mentorKey: (b) => b.availability,
    describe: (a, b, v, text = ENGLISH) => {
      const mentee = optionWords(text, 'availability', a.answers.availability);
      const mentor = optionWords(text, 'availability', b.answers.availability);
      if (v === 1) return text.t('reason.availability.same', { availability: mentee });
      return text.t(v > 0 ? 'reason.availability.close' : 'reason.availability.differs', { mentee, mentor });
    },
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
    describe: (a, b, v, text = ENGLISH) => {
      const common = MODE_BITS[a.answers.meetingMode] & MODE_BITS[b.answers.meetingMode];
      if (common & MODE_BITS.remote) return text.t('reason.meeting.remote');
      if (!common)
        return text.t('reason.meeting.modes', {
          mentee: optionWords(text, 'meetingMode', a.answers.meetingMode),
          mentor: optionWords(text, 'meetingMode', b.answers.meetingMode),
        });
      if (v === 1) return text.t('reason.meeting.samePlace', { place: a.answers.location.trim() });
      return v > 0
        ? text.t('reason.meeting.placeMissing')
        : text.t('reason.meeting.differentPlaces', { mentee: a.answers.location.trim(), mentor: b.answers.location.trim() });
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
    describe: (a, b, v, text = ENGLISH) => {
      const value = (p: MatchParticipant) => p.attributes[column] || text.t('reason.unknown');
      return v
        ? text.t('reason.attribute.same', { column, value: value(a) })
        : text.t('reason.attribute.different', { column, mentee: value(a), mentor: value(b) });
    },
  };
}

/** A judgement stored with a pair, said again in the reader's words (the criteria's own English stays the admin's). */
export function describeAgain(criterion: { key: string; value: number }, mentee: Mentee, mentor: Mentor, text: Translator): string {
  const judged = BUILT_IN[criterion.key as CriterionKey] ?? attributeCriterion(criterion.key.replace(/^attribute:/, ''), 0);
  return judged.describe(mentee, mentor, criterion.value, text);
}
