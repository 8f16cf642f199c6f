import { ApplicationFailure, patched, setHandler } from '@temporalio/workflow';
import { activities } from './activities.js';
import * as contract from './contract.js';
import { PATCHES } from './patches.js';
import { remind } from './survey.js';
import type { CohortProgramme } from './programme.js';
import { endPairSignal } from '../pair/contract.js';
import { tell } from '../tell.js';
import type { RefusalCode } from '../../i18n/admin/refusals.en.js';

/** A refusal by its code: the admin's page words it in the admin's language. */
const refuse = (type: string, code: RefusalCode) => ApplicationFailure.create({ type, message: code, nonRetryable: true });

/**
 * What the cohort hears while it runs: answers stored by the web app, pairs that end, and the admin's word
 * (close the survey, review the proposal, rematch, add late joiners), each update refused when out of turn.
 */
export function handleCohortMessages(cohort: CohortProgramme): void {
  const { state, cohortId } = cohort;

  setHandler(contract.surveyAnsweredSignal, (answers) => {
    for (const { participantId } of answers) {
      state.answered++;
      // A late joiner's first answer after matching has begun: they wait for the next round.
      if (participantId in state.lateJoiners) {
        if (state.stage !== 'survey') state.rematchQueue.push(participantId);
        delete state.lateJoiners[participantId];
      }
    }
    cohort.describe();
  });

  setHandler(contract.enrolmentRequestedSignal, async (requests) => {
    await activities.sendEnrolmentConfirmations.executeWithOptions({ summary: 'confirm sign-ups' }, [
      { requestIds: requests.map((r) => r.requestId) },
    ]);
  });

  // The admin hears of an address refused after sending as of one refused at sending (one alert per person).
  setHandler(contract.emailBouncedSignal, async (bounces) => {
    await activities.alertBounces.executeWithOptions({ summary: 'alert the admin: addresses refused' }, [
      { cohortId, participantIds: bounces.map((b) => b.participantId) },
    ]);
  });

  setHandler(contract.forgetParticipantSignal, ({ participantId }) => {
    state.rematchQueue = state.rematchQueue.filter((id) => id !== participantId);
    delete state.lateJoiners[participantId];
    state.forget = true;
  });

  setHandler(contract.pairClosedSignal, () => {
    state.pairsClosed = (state.pairsClosed ?? 0) + 1;
  });

  setHandler(contract.pairEndedSignal, ({ participantIds }) => {
    if (state.stage === 'closed') return;
    // Heard twice only when a release changed hands as the pair dissolved; queued once.
    state.rematchQueue.push(...participantIds.filter((id) => !state.rematchQueue.includes(id)));
  });

  setHandler(
    contract.closeSurveyUpdate,
    () => {
      state.closedEarly = true;
      return { closed: true as const };
    },
    {
      validator: () => {
        if (!cohort.surveyOpen()) throw refuse(contract.SURVEY_CLOSED, 'survey-closed');
      },
      description: 'The admin closes the intake survey before its deadline',
    },
  );

  setHandler(
    contract.remindSurveyUpdate,
    async ({ requestId }) => {
      state.remindedByHandAt = Date.now();
      const reminded = await remind(cohortId, { round: state.remindersSent, requestId }, 'email a reminder the admin asked for');
      state.reminded += reminded;
      cohort.describe();
      return { reminded };
    },
    {
      validator: (_request) => {
        if (!cohort.surveyOpen()) throw refuse(contract.SURVEY_CLOSED, 'survey-closed');
        if (Date.now() - (state.remindedByHandAt ?? 0) < contract.MANUAL_REMINDER_GAP_MS)
          throw refuse(contract.REMINDER_TOO_SOON, 'reminder-too-soon');
      },
      description: 'The admin reminds whoever has not answered the survey',
    },
  );

  setHandler(
    contract.approveMatchUpdate,
    () => {
      cohort.decision = { kind: 'approve' };
      return { approved: true as const };
    },
    {
      validator: ({ runId }) => {
        if (!cohort.inReview(runId)) throw refuse(contract.MATCH_CLOSED, 'proposal-closed');
      },
      description: 'The admin approves the proposed pairs',
    },
  );

  setHandler(
    contract.rerunMatchUpdate,
    ({ settings }) => {
      cohort.decision = { kind: 'rerun', settings };
      return { rerun: true as const };
    },
    {
      validator: (_rerun) => {
        if (!cohort.inReview()) throw refuse(contract.MATCH_CLOSED, 'no-proposal');
      },
      description: 'The admin re-runs matching with other settings',
    },
  );

  setHandler(
    contract.adjustMatchUpdate,
    (change) => activities.adjustMatchProposal.executeWithOptions({ summary: `admin ${change.adjustment.action}` }, [change]),
    {
      validator: ({ runId }) => {
        if (!cohort.inReview(runId)) throw refuse(contract.MATCH_CLOSED, 'proposal-closed');
      },
      description: 'The admin swaps, unpairs or pairs by hand, with a reason',
    },
  );

  setHandler(
    contract.requestRematchUpdate,
    async (request) => {
      const { participantId } = request;
      const released = await activities.releaseForRematch.executeWithOptions({ summary: 'end the current pair' }, [request]);
      // Asked after the activity: one the release before scheduled, run by this one, told nobody.
      if (released.pairWorkflowId && patched(PATCHES.pairToldByWorkflow.id))
        await tell(released.pairWorkflowId, endPairSignal, { reason: request.reason });
      const queued = [participantId, ...(released.formerPartnerId ? [released.formerPartnerId] : [])];
      state.rematchQueue.push(...queued);
      return { queued };
    },
    {
      validator: (_request) => {
        if (state.stage === 'survey' || state.stage === 'closed') throw refuse(contract.MATCH_CLOSED, 'rematch-window');
      },
      description: 'Someone needs a new partner (admin request)',
    },
  );

  setHandler(
    contract.addLateJoinersUpdate,
    async ({ participantIds }) => {
      const { schedule } = cohort.input;
      const until = cohort.surveyOpen() ? cohort.deadline() : Date.now() + (cohort.deadline() - Date.parse(schedule.surveyOpensAt));
      const { invited } = await activities.inviteLateJoiners.executeWithOptions({ summary: 'invite late joiners' }, [
        { cohortId, participantIds, deadline: new Date(until).toISOString() },
      ]);
      for (const id of participantIds) state.lateJoiners[id] = until;
      state.total += invited;
      state.invited += invited;
      cohort.describe();
      return { invited };
    },
    {
      validator: (_joiners) => {
        if (state.stage === 'closed') throw refuse(contract.MATCH_CLOSED, 'programme-ended');
      },
      description: 'The admin adds participants after the survey opened',
    },
  );
}
