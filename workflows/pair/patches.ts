import type { Patch } from '../patch.js';

/**
 * The pair workflow's versions, oldest first: each `patched(id)` keeps runs started before a change on
 * the path they took; `came` is the day it landed, before which a run may still take the old path (`npm run
 * versions` counts them). A `deprecated` patch's old path is gone: the worker refuses to start while a run from
 * before it is open. Histories of each version still supported replay in the tests (test/histories/).
 */
export const PATCHES = {
  /** Pairs introduced before the charter existed went straight to "matched". */
  charter: { id: 'charter', came: '2026-11-26', deprecated: '2026-12-07' },
  /** Pairs started before check-ins existed simply ran to the end. */
  checkIns: { id: 'check-ins', came: '2026-11-26', deprecated: '2026-12-07' },
  /** Pairs that ended before the final survey existed just closed. */
  finalSurvey: { id: 'final-survey', came: '2026-11-26', deprecated: '2026-12-07' },
  /**
   * Answers stored by the web in PostgreSQL; the pair reads them when a window closes. Before, each answer was
   * a Workflow Update stored by an activity: that pipeline is gone.
   */
  answersInPostgres: { id: 'answers-in-postgres', came: '2026-11-27', deprecated: '2026-12-07' },
  /**
   * The introduction carries the charter to sign: one email, rather than two at the same moment. Pairs
   * introduced before got the introduction, then the charter alone. May go once no pair introduced before
   * 2026-12-07 is open (each goes on to a new run, on today's code, after its next round).
   */
  introductionWithCharter: { id: 'introduction-with-charter', came: '2026-12-06' },
  /**
   * Each closed check-in round (and a flash pair's feedback) starts a new run, so no run executes code older
   * than one interval. Runs from before continued only when their history grew long. May go once no pair
   * started before 2026-12-08 is open.
   */
  freshRunEachRound: { id: 'fresh-run-each-round', came: '2026-12-07' },
  /**
   * The pair tells its cohort itself that it closed or was dissolved (a signal in its history, sent once),
   * rather than its activity through a client of its own. Asked after the activity, whose run of before
   * signalled. May go once no pair started before 2026-12-08 is open.
   */
  cohortToldByWorkflow: { id: 'cohort-told-by-workflow', came: '2026-12-07' },
} as const satisfies Record<string, Patch>;
