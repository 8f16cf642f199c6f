import type { Patch } from '../patch.js';

/**
 * The cohort workflow's versions, oldest first: each `patched(id)` keeps runs started before a change on
 * the path they took; `came` is the day it landed, before which a run may still take the old path (`npm run
 * versions` counts them). A `deprecated` patch's old path is gone: the worker refuses to start while a run from
 * before it is open. Histories of each version still supported replay in the tests (test/histories/).
 */
export const PATCHES = {
  /** Cohorts whose survey closed before matching was part of Tandem ended there. */
  matching: { id: 'matching', came: '2026-11-26', deprecated: '2026-12-07' },
  /** Cohorts whose programme ended before the report existed closed at once. */
  cohortReport: { id: 'cohort-report', came: '2026-11-26', deprecated: '2026-12-07' },
  /**
   * Closing cohorts count the pairs completed before asking how many are open: read after, a pair that
   * completed during the count was already counted as seen, and the cohort waited a day for the next one.
   */
  countCompletedFirst: { id: 'count-completed-first', came: '2026-11-27', deprecated: '2026-12-07' },
  /** Closed cohorts with a retention period wait for its end, then erase their participants' personal data. */
  retention: { id: 'retention', came: '2026-11-27', deprecated: '2026-12-07' },
  /**
   * Nothing waits past the programme's end: no rematch is proposed once too little of it remains, and a
   * rematch proposal still in review when it ends is withdrawn, so the cohort closes with its report. Runs from
   * before waited for the admin's word, however late. May go once no cohort started before 2026-12-06 is open
   * (each goes on to a new run, on today's code, at its next stage).
   */
  rematchDeadline: { id: 'rematch-deadline', came: '2026-12-06' },
  /**
   * Each stage (the survey, each match round, the programme once closed and waiting out its retention) ends
   * in a new run, so no run executes code older than a stage. Runs from before continued only when their
   * history grew long. May go once no cohort started before 2026-12-08 is open.
   */
  freshRunEachStage: { id: 'fresh-run-each-stage', came: '2026-12-07' },
  /**
   * A rematch ends the current pair by the cohort's own signal to it (in its history, sent once), rather than
   * by its activity through a client of its own. Asked after the activity, whose run of before signalled. May
   * go once no cohort started before 2026-12-08 is open.
   */
  pairToldByWorkflow: { id: 'pair-told-by-workflow', came: '2026-12-07' },
  /**
   * Invitations and reminders go out at the mail provider's pace, a batch per request on the email task queue,
   * rather than in one long activity sending each email alone. May go once no cohort started before 2026-12-08
   * is open.
   */
  pacedMailings: { id: 'paced-mailings', came: '2026-12-07' },
} as const satisfies Record<string, Patch>;
