/**
 * How far a match is, as its activity heartbeats it: reading the cohort from PostgreSQL, scoring every
 * mentee with every mentor, placing mentees (the long part of a national cohort), storing the proposal.
 */
export type MatchPhase = 'reading' | 'scoring' | 'placing' | 'storing';

export interface MatchProgress {
  phase: MatchPhase;
  /** When the phase began (ms since the epoch). */
  since: number;
  /** Mentees placed so far, and of how many: while placing. */
  done?: number;
  total?: number;
}

/** When the match should be done, from the pace of its placing so far; nothing before there is a pace. */
export function matchDoneBy(progress: MatchProgress, now: number): Date | undefined {
  const { phase, since, done, total } = progress;
  if (phase !== 'placing' || !done || !total || now <= since) return undefined;
  return new Date(now + ((now - since) / done) * (total - done));
}
