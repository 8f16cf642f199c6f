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
}

export interface Needs {
  /** Answers so far: mentees, mentors and the places mentors offer in all. */
  mentees: number;
  mentors: number;
  places: number;
  /** Every option someone asks for or offers, in the survey's order. */
  rows: NeedRow[];
}

/** What the database counts: people and places per option and role (mentee rows carry no places). */
export interface NeedTally {
  dimension: NeedDimension;
  value: string;
  role: 'mentor' | 'mentee';
  people: number;
  places: number;
}

export function needsFrom(tallies: NeedTally[], totals: Pick<Needs, 'mentees' | 'mentors' | 'places'>): Needs {
  const rows: NeedRow[] = [];
  for (const [dimension, options] of Object.entries(NEED_DIMENSIONS) as [NeedDimension, readonly string[]][]) {
    for (const value of options) {
      const of = (role: NeedTally['role']) => tallies.find((t) => t.dimension === dimension && t.value === value && t.role === role);
      const mentees = of('mentee')?.people ?? 0;
      const mentors = of('mentor');
      if (mentees === 0 && !mentors) continue;
      rows.push({ dimension, value, mentees, mentors: mentors?.people ?? 0, places: mentors?.places ?? 0 });
    }
  }
  return { ...totals, rows };
}

/** Options where more mentees ask than mentors have places, the widest gap first. */
export function shortages(needs: Needs): NeedRow[] {
  return needs.rows.filter((r) => r.mentees > r.places).sort((a, b) => b.mentees - b.places - (a.mentees - a.places));
}
