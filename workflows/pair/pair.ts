import { deprecatePatch, patched, setCurrentDetails } from '@temporalio/workflow';
import { formatInstant } from '../../domain/schedule.js';
import type { PairStage } from '../../domain/types.js';
import { activities } from './activities.js';
import { handleAdminActions } from './admin.js';
import { awaitSignatures, openCharter } from './charter.js';
import { runCheckIns } from './check-ins.js';
import type { PairState, PairWorkflowInput } from './contract.js';
import { runFinalSurvey } from './final-survey.js';
import { goOnAsLongPair, goesOn, meetingsOver, runMeetings } from './flash.js';
import { PATCHES } from './patches.js';
import { endQuietlyIfGone } from '../retry.js';
import { tell } from '../tell.js';
import { cohortWorkflowId, pairClosedSignal, pairEndedSignal } from '../cohort/contract.js';
import { PairProgramme } from './programme.js';

/**
 * A mentoring pair: introduced, then both sign the charter of commitment (reminded, then the admin alerted);
 * signed by both, the pair starts with a kick-off email; not signed in time, it is dissolved and whoever
 * signed goes back to the cohort for a new partner. The pair then has its check-ins until the programme ends
 * or it is ended early, and closes with the satisfaction survey; a flash pair has its meetings and their
 * feedback instead, and goes on as a long pair if both wish. The admin may act on it at any time.
 */
export async function pairWorkflow(input: PairWorkflowInput): Promise<PairState> {
  const pair = new PairProgramme(input);
  handleAdminActions(pair);
  return endQuietlyIfGone(
    () => runPair(pair),
    () => pair.state,
  );
}

async function runPair(pair: PairProgramme): Promise<PairState> {
  if (pair.state.stage === 'introduction') {
    setCurrentDetails('Introducing mentor and mentee by email, with the charter to sign.');
    if (patched(PATCHES.introductionWithCharter.id)) await openCharter(pair, { introduce: true });
    else {
      await activities.sendMatchIntroduction.executeWithOptions({ summary: 'email the match introduction' }, [{ pairId: pair.pairId }]);
      deprecatePatch(PATCHES.charter.id);
      await openCharter(pair);
    }
  }
  if (pair.state.stage === 'charter') {
    const charter = await awaitSignatures(pair);
    if (charter === 'ended') return finish(pair, 'ended');
    if (charter === 'unsigned') return dissolve(pair);
    pair.state.kickedOffAt = new Date().toISOString();
    await activities.kickOffPair.executeWithOptions({ summary: 'email the kick-off' }, [
      { pairId: pair.pairId, checkIns: pair.schedule().map((t) => new Date(t).toISOString()) },
    ]);
    pair.setStage('active');
  }
  if (pair.state.stage === 'active') {
    if (pair.input.flash) await runMeetings(pair, pair.input.flash);
    else {
      deprecatePatch(PATCHES.checkIns.id);
      await runCheckIns(pair);
    }
    if (goesOn(pair)) return goOnAsLongPair(pair);
  }
  return finish(pair, pair.state.stage);
}

/** The charter was not signed in time: the pair ends, and whoever the rule (or the admin) says goes back to matching. */
async function dissolve(pair: PairProgramme): Promise<PairState> {
  const { state, parties } = pair;
  const signedIds = parties.filter((p) => state.signed[p]);
  const rematchIds = state.keepBoth ? parties : signedIds;
  await activities.dissolvePair.executeWithOptions({ summary: 'dissolve: charter not signed' }, [
    { pairId: pair.pairId, signedIds, rematchIds },
  ]);
  state.ended = { reason: 'charter not signed in time' };
  // Asked after the activity: one the release before scheduled, run by this one, told nobody.
  if (rematchIds.length && patched(PATCHES.cohortToldByWorkflow.id))
    await tell(cohortWorkflowId(pair.input.cohortSlug), pairEndedSignal, { participantIds: rematchIds, reason: state.ended.reason });
  pair.setStage('dissolved');
  setCurrentDetails(
    `Dissolved: the charter was not signed by ${pair.unsigned().length === 2 ? 'either party' : 'one party'} by ${formatInstant(state.charterDeadline!)}.`,
  );
  return state;
}

/** Runs until the pair's end (or an early end), then closes: with the final survey when it completed. */
async function finish(pair: PairProgramme, stage: PairStage): Promise<PairState> {
  const { state } = pair;
  if (stage !== 'ended' && stage !== 'final-survey' && !meetingsOver(pair)) {
    pair.setStage(stage);
    setCurrentDetails(`Running; the programme ends ${formatInstant(pair.end())}.`);
    await pair.until(pair.end, pair.ended, 'programme end');
  }
  state.ended ??= { reason: 'programme ended' };
  deprecatePatch(PATCHES.finalSurvey.id);
  // The programme's end, or an early end because the objectives are met, closes with the satisfaction survey.
  const completed =
    (stage === 'active' || stage === 'final-survey') && ['programme ended', 'objectives achieved'].includes(state.ended.reason);
  // A flash pair's feedback is its closing survey; one that ended early before it (objectives achieved) gets the final survey.
  if (completed && !meetingsOver(pair)) await runFinalSurvey(pair);
  const final: PairStage = completed ? 'completed' : 'ended';
  const summary = {
    reason: state.ended.reason,
    checkIns: state.checkIns.done,
    health: state.health ?? null,
    finalSurveyAnswers: state.finalSurvey?.answered.length ?? 0,
  };
  await activities.completePair.executeWithOptions({ summary: 'store the summary' }, [
    { pairId: pair.pairId, reason: state.ended.reason, summary, stage: final },
  ]);
  if (patched(PATCHES.cohortToldByWorkflow.id))
    await tell(cohortWorkflowId(pair.input.cohortSlug), pairClosedSignal, { pairId: pair.pairId });
  pair.setStage(final);
  setCurrentDetails(`${completed ? 'Completed' : 'Ended'}: ${state.ended.reason}.`);
  return state;
}
