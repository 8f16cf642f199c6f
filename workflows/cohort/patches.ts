/**
 * The cohort workflow's versions, oldest first: each `patched(...)` keeps runs started before a change on
 * the path they took. Histories of each version replay in the tests (test/histories/).
 */
export const PATCHES = {
  /** Cohorts whose survey closed before matching was part of Tandem ended there. */
  matching: 'matching',
  /** Cohorts whose programme ended before the report existed closed at once. */
  cohortReport: 'cohort-report',
  /**
   * Closing cohorts count the pairs completed before asking how many are open: read after, a pair that
   * completed during the count was already counted as seen, and the cohort waited a day for the next one.
   */
  countCompletedFirst: 'count-completed-first',
  /** Closed cohorts with a retention period wait for its end, then erase their participants' personal data. */
  retention: 'retention',
  /**
   * Nothing waits past the programme's end: no rematch is proposed once too little of it remains, and a
   * rematch proposal still in review when it ends is withdrawn, so the cohort closes with its report. Runs from
   * before waited for the admin's word, however late. May go once no cohort started before 2026-12-06 is open
   * (their programmes and retention end by 2028-06-01).
   */
  rematchDeadline: 'rematch-deadline',
} as const;
