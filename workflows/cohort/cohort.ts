import { condition, deprecatePatch, patched, setCurrentDetails } from '@temporalio/workflow';
import { plural } from '../../domain/format.js';
import { formatInstant, rematchCutoffMs } from '../../domain/schedule.js';
import { activities } from './activities.js';
import type { CohortState, CohortWorkflowInput } from './contract.js';
import { handleCohortMessages } from './handlers.js';
import { matchRound } from './matching-round.js';
import { endQuietlyIfGone } from '../retry.js';
import { PATCHES } from './patches.js';
import { CohortProgramme } from './programme.js';
import { runSurvey } from './survey.js';

/**
 * A cohort's programme: the intake survey (invitations, reminders, close at the deadline or on the admin's
 * word), then matching (proposal, review or automatic approval, one pair workflow per pair), then until the
 * programme ends, new rounds for whoever needs a (new) partner: rematches and late joiners. It closes with
 * the report once its last pair has ended.
 */
export async function cohortWorkflow(input: CohortWorkflowInput): Promise<CohortState> {
  const cohort = new CohortProgramme(input);
  handleCohortMessages(cohort);
  return endQuietlyIfGone(
    () => runCohort(cohort),
    () => cohort.state,
  );
}

async function runCohort(cohort: CohortProgramme): Promise<CohortState> {
  const { state } = cohort;
  if (state.stage === 'closed' && state.eraseAt) return eraseWhenRetentionEnds(cohort); // a new run while it waits
  if (state.stage === 'survey') {
    await runSurvey(cohort);
    await cohort.nextStage('matching');
  }
  deprecatePatch(PATCHES.matching.id);
  if (state.stage === 'matching' || state.stage === 'review') {
    await matchRound(cohort, state.rounds === 0 ? 'initial' : 'rematch');
    await cohort.nextStage('running');
  }
  cohort.describe();
  while (Date.now() < cohort.programmeEnd()) {
    await condition(() => state.rematchQueue.length > 0 || cohort.freshHistoryDue(), Math.max(cohort.programmeEnd() - Date.now(), 0), {
      summary: 'programme end',
    });
    if (state.forget) await cohort.continueAsNewWhenQuiet(); // someone was erased: a fresh history first, the queue goes along
    if (
      state.rematchQueue.length > 0 &&
      cohort.programmeEnd() - Date.now() < rematchCutoffMs(cohort.input.schedule) &&
      patched(PATCHES.rematchDeadline.id)
    ) {
      // Too late for a new pair to be worth starting: the admin hears who waits, nobody is proposed.
      const participantIds = state.rematchQueue;
      state.rematchQueue = [];
      await activities.alertTooLateToRematch.executeWithOptions({ summary: 'too late to rematch' }, [
        { cohortId: cohort.cohortId, participantIds },
      ]);
    } else if (state.rematchQueue.length > 0) {
      state.rematchQueue = [];
      await matchRound(cohort, 'rematch');
      await cohort.nextStage('running');
    } else if (cohort.freshHistoryDue()) {
      await cohort.continueAsNewWhenQuiet();
    }
  }
  deprecatePatch(PATCHES.cohortReport.id);
  await closeWhenPairsComplete(cohort);
  const { retentionMs } = cohort.input.schedule;
  // Kept for its retention, the cohort waits for its end in a new run; runs from before closed in this one.
  if (retentionMs === undefined || !patched(PATCHES.freshRunEachStage.id)) cohort.setStage('closed');
  setCurrentDetails('The programme has ended.');
  if (retentionMs !== undefined) {
    deprecatePatch(PATCHES.retention.id);
    state.eraseAt = new Date(Date.now() + retentionMs).toISOString();
    if (state.stage !== 'closed') await cohort.nextStage('closed');
    return eraseWhenRetentionEnds(cohort);
  }
  return state;
}

/** Personal data is kept for the cohort's retention once it has closed, then erased; the report stays. */
async function eraseWhenRetentionEnds(cohort: CohortProgramme): Promise<CohortState> {
  const { state, cohortId } = cohort;
  const eraseAt = Date.parse(state.eraseAt!);
  setCurrentDetails(`The programme has ended. Personal data is kept until ${formatInstant(eraseAt)}, then erased; the report stays.`);
  while (await condition(() => cohort.freshHistoryDue(), Math.max(eraseAt - Date.now(), 0), { summary: 'end of retention' })) {
    await cohort.continueAsNewWhenQuiet();
  }
  await activities.eraseCohortPersonalData.executeWithOptions({ summary: 'erase personal data: retention ended' }, [{ cohortId }]);
  setCurrentDetails(
    `The programme has ended. Personal data was erased at the end of its retention (${formatInstant(eraseAt)}); the report stays.`,
  );
  return state;
}

/** The programme's end: pairs finish their final surveys; when none is open, the report goes to the admin. */
async function closeWhenPairsComplete(cohort: CohortProgramme) {
  const { state, cohortId } = cohort;
  for (;;) {
    deprecatePatch(PATCHES.countCompletedFirst.id);
    const seen = state.pairsClosed ?? 0;
    const { open } = await activities.countOpenPairs.executeWithOptions({ summary: 'count open pairs' }, [{ cohortId }]);
    if (open === 0) break;
    setCurrentDetails(`Programme ended; waiting for ${plural(open, 'pair')} to complete their final survey.`);
    // Woken by each pair that completes; a daily look catches a pair that could not signal.
    await condition(() => (state.pairsClosed ?? 0) > seen || cohort.freshHistoryDue(), '1 day', { summary: 'pairs completing' });
    if (cohort.freshHistoryDue()) await cohort.continueAsNewWhenQuiet();
  }
  await activities.closeCohort.executeWithOptions({ summary: 'report to the admin' }, [{ cohortId }]);
}
