import { allHandlersFinished, condition, continueAsNew, deprecatePatch, patched, workflowInfo } from '@temporalio/workflow';
import { decideRound } from '../../domain/pair-health.js';
import { isMeetingFeedback } from '../../domain/programme-format.js';
import { activities } from './activities.js';
import type { OpenCheckIn, PairWorkflow, RoundAnswers } from './contract.js';
import { PATCHES } from './patches.js';
import type { PairProgramme } from './programme.js';

/**
 * Each scheduled check-in: the form to both, a reminder to whoever is silent halfway through, then the
 * pair's health from the answers (alerting the admin unless on track). Each round closed, the pair continues
 * as new: a run never outlives one interval, so it always runs today's code and its history stays short.
 * `onAnswers` sees each round's answers as it closes.
 */
export async function runCheckIns(pair: PairProgramme, onAnswers?: (answers: RoundAnswers) => void): Promise<void> {
  const { state, input, parties, pairId } = pair;
  while (state.checkIns.done < pair.schedule().length && !pair.ended()) {
    const round = state.checkIns.done;
    // Read afresh at each step: a pause moves them.
    const opensAt = () => pair.schedule()[round]!;
    if (!state.checkIns.open) {
      pair.describe();
      if (await pair.until(opensAt, pair.ended, `check-in ${round + 1}`)) break;
      state.checkIns.open = {
        round,
        closesAt: new Date(pair.schedule()[round + 1] ?? pair.end()).toISOString(),
        answered: [],
        reminded: false,
      };
      await activities.requestCheckIn.executeWithOptions({ summary: `email check-in ${round + 1}` }, [
        { pairId, round, closesAt: state.checkIns.open.closesAt, participantIds: parties, reminder: false },
      ]);
    }
    const open = state.checkIns.open;
    const silent = () => parties.filter((p) => !pair.answeredCheckIn(open).includes(p));
    const answeredOrEnded = () => silent().length === 0 || pair.ended();
    const closesAt = () => Date.parse(open.closesAt);
    pair.describe();
    if (!open.reminded && !(await pair.until(() => opensAt() + (closesAt() - opensAt()) / 2, answeredOrEnded, 'check-in reminder'))) {
      await activities.requestCheckIn.executeWithOptions({ summary: 'remind the silent' }, [
        { pairId, round, closesAt: open.closesAt, participantIds: silent(), reminder: true },
      ]);
      open.reminded = true;
    }
    await pair.until(closesAt, answeredOrEnded, 'check-in closes');
    const answers = await closeRound(pair, open);
    onAnswers?.(answers);
    if (pair.ended()) break;
    const answered = Object.keys(answers);
    const roles = { mentee: input.menteeId, mentor: input.mentorId };
    const decision = decideRound(
      { mentee: answers[roles.mentee], mentor: answers[roles.mentor] },
      { mentee: state.checkIns.silentLastRound.includes(roles.mentee), mentor: state.checkIns.silentLastRound.includes(roles.mentor) },
      { feedback: isMeetingFeedback(input.flash, round) },
    );
    pair.setHealth(decision.health, decision.reasons);
    await activities.recordHealth.executeWithOptions({ summary: `health: ${decision.health}` }, [
      {
        pairId,
        round,
        health: decision.health,
        reasons: decision.reasons,
        blockedIds: parties.filter((p) => answers[p]?.blocked),
        offers: decision.offers.map(({ role, reason }) => ({ participantId: roles[role], reason })),
      },
    ]);
    state.checkIns = { done: round + 1, silentLastRound: parties.filter((p) => !answered.includes(p)) };
    // The next round runs on today's code, from the state alone.
    if (patched(PATCHES.freshRunEachRound.id) || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<PairWorkflow>({ ...input, state });
    }
  }
}

/** The round's answers, read from PostgreSQL as the round closes. */
async function closeRound(pair: PairProgramme, open: OpenCheckIn): Promise<RoundAnswers> {
  deprecatePatch(PATCHES.answersInPostgres.id);
  return (
    await activities.closeCheckIn.executeWithOptions({ summary: `close check-in ${open.round + 1}, read the answers` }, [
      { pairId: pair.pairId, round: open.round },
    ])
  ).answers;
}
