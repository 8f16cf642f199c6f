import { allHandlersFinished, condition, patched, uuid4 } from '@temporalio/workflow';
import { activities } from './activities.js';
import { PATCHES } from './patches.js';
import type { CohortProgramme } from './programme.js';

/** The admin's word on the proposal; a rematch's waits no longer than the programme (false: it ended first). */
async function reviewed(cohort: CohortProgramme, kind: 'initial' | 'rematch'): Promise<boolean> {
  if (kind === 'rematch' && patched(PATCHES.rematchDeadline.id)) {
    return condition(() => cohort.decision !== undefined, Math.max(cohort.programmeEnd() - Date.now(), 0));
  }
  await condition(() => cohort.decision !== undefined);
  return true;
}

/** Propose; then the admin reviews (adjusts, re-runs, approves) unless the cohort approves automatically; then start the pairs. The programme runs on. */
export async function matchRound(cohort: CohortProgramme, kind: 'initial' | 'rematch'): Promise<void> {
  const { state, cohortId } = cohort;
  state.rounds++;
  cohort.setStage('matching');
  cohort.describe();
  let proposal = await activities.proposeMatching.executeWithOptions({ summary: `propose ${kind} matching` }, [
    { cohortId, runId: uuid4(), kind },
  ]);
  for (;;) {
    state.proposal = { runId: proposal.runId, pairs: proposal.pairs, mentees: proposal.mentees, approved: false };
    if (proposal.autoApprove || proposal.mentees === 0) break; // nobody waiting: nothing to review
    cohort.decision = undefined;
    cohort.setStage('review');
    cohort.describe();
    if (!(await reviewed(cohort, kind))) {
      await activities.withdrawProposal.executeWithOptions({ summary: 'withdraw the proposal: the programme has ended' }, [
        { cohortId, runId: proposal.runId },
      ]);
      state.proposal = { ...state.proposal, withdrawn: true };
      return;
    }
    await condition(allHandlersFinished); // an adjustment in flight lands before the decision is acted on
    const decided = cohort.decision!;
    if (decided.kind === 'approve') break;
    cohort.setStage('matching');
    proposal = await activities.proposeMatching.executeWithOptions({ summary: 're-run matching' }, [
      { cohortId, runId: uuid4(), kind, settings: decided.settings },
    ]);
  }
  const approved = await activities.approveMatching.executeWithOptions({ summary: 'approve the pairs' }, [
    { cohortId, runId: proposal.runId },
  ]);
  state.programmeEndsAt = approved.programmeEndsAt;
  state.proposal = { ...state.proposal, approved: true };
  await activities.startPairWorkflows.executeWithOptions({ summary: 'start pair workflows' }, [{ cohortId, runId: proposal.runId }]);
}
