import { FIELDS, LANGUAGES, TOPICS } from './survey.js';

/**
 * The needs of a cohort from its survey answers so far: what mentees ask for against what mentors offer,
 * per field, topic and language, so that the admin recruits the missing mentors before matching.
 */
export const NEED_DIMENSIONS = { field: FIELDS, topic: TOPICS, language: LANGUAGES } as const;
export type NeedDimension = keyof typeof NEED_DIMENSIONS;

/** One option of a dimension: the mentees who ask for it, the mentors who offer it and their places. */
export interface NeedRow {
  dimension: NeedDimension;
  /** The stored option ("Finance"), which the catalogue words for each reader. */
  value: string;
  mentees: number;
  mentors: number;
  places: number;
  /**
   * Mentees the matching could not meet on it: for a field, those beyond its mentors' places; for a topic or a
   * language, those none of whose topics (languages) any mentor offers (speaks). A mentee who ticks Spanish
   * and shares English with a mentor lacks nothing.
   */
  unmet: number;
}

export interface Needs {
  /** Answers so far: mentees, mentors and the places mentors offer in all. */
  mentees: number;
  mentors: number;
  places: number;
  /** Every option someone asks for or offers, in the survey's order. */
  rows: NeedRow[];
}

/** What the database counts of mentees whose topics or languages no mentor shares, per option they ticked. */
export interface UnmetTally {
  dimension: 'topic' | 'language';
  value: string;
  mentees: number;
}

/** What the database counts: people and places per option and role (mentee rows carry no places). */
export interface NeedTally {
  dimension: NeedDimension;
  value: string;
  role: 'mentor' | 'mentee';
  people: number;
  places: number;
}

export function needsFrom(tallies: NeedTally[], unmet: UnmetTally[], totals: Pick<Needs, 'mentees' | 'mentors' | 'places'>): Needs {
  const rows: NeedRow[] = [];
  for (const [dimension, options] of Object.entries(NEED_DIMENSIONS) as [NeedDimension, readonly string[]][]) {
    for (const value of options) {
      const of = (role: NeedTally['role']) => tallies.find((t) => t.dimension === dimension && t.value === value && t.role === role);
      const mentees = of('mentee')?.people ?? 0;
      const mentors = of('mentor');
      if (mentees === 0 && !mentors) continue;
      const places = mentors?.places ?? 0;
      const unmetHere =
        dimension === 'field'
          ? Math.max(0, mentees - places)
          : (unmet.find((u) => u.dimension === dimension && u.value === value)?.mentees ?? 0);
      rows.push({ dimension, value, mentees, mentors: mentors?.people ?? 0, places, unmet: unmetHere });
    }
  }
  return { ...totals, rows };
}

/** Options that leave mentees unmet, the most first. */
export function shortages(needs: Needs): NeedRow[] {
  return needs.rows.filter((r) => r.unmet > 0).sort((a, b) => b.unmet - a.unmet);
}
