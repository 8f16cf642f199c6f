/**
 * The pair workflow's versions, oldest first: each `patched(...)` keeps runs started before a change on the
 * path they took. Histories of each version replay in the tests (test/histories/).
 */
export const PATCHES = {
  /** Pairs introduced before the charter existed went straight to "matched". */
  charter: 'charter',
  /** Pairs started before check-ins existed simply ran to the end. */
  checkIns: 'check-ins',
  /** Pairs that ended before the final survey existed just closed. */
  finalSurvey: 'final-survey',
  /** Answers stored by the web in PostgreSQL; the pair reads them when a window closes. */
  answersInPostgres: 'answers-in-postgres',
  /**
   * The introduction carries the charter to sign: one email, rather than two at the same moment. Pairs
   * introduced before got the introduction, then the charter alone. May go once no pair introduced before
   * 2026-12-07 is open (their programmes and retention end by 2028-06-01).
   */
  introductionWithCharter: 'introduction-with-charter',
} as const;
