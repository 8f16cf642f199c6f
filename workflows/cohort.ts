import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { formatInstant, surveyReminderTimes, type ProgrammeSchedule } from '../domain/schedule.js';
import type { CohortStage } from '../domain/types.js';
import type { MatchSettings } from '../matching/settings.js';
import * as messages from './messages.js';
import { STAGE_KEY } from './search-attributes.js';

export interface CohortWorkflowInput {
  version: 1;
  cohortId: string;
  slug: string;
  schedule: ProgrammeSchedule;
  /** Known at creation, so the figures are right before the invitations are out. */
  participantCount?: number;
  /** Set when the workflow continues as new, so the next run picks up where this one stopped. */
  state?: Partial<messages.CohortState>;
}

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * A cohort's programme: the intake survey (invitations, reminders, close at the deadline or on the admin's
 * word), then matching (proposal, review or automatic approval, one pair workflow per pair), then until the
 * programme ends, new rounds for whoever needs a (new) partner: rematches and late joiners.
 */
export async function cohortWorkflow(input: CohortWorkflowInput): Promise<messages.CohortState> {
  const { cohortId, schedule } = input;
  const deadline = Date.parse(schedule.surveyDeadline);
  const state: messages.CohortState = {
    stage: 'survey', total: input.participantCount ?? 0, invited: 0, answered: 0, remindersSent: 0, reminded: 0, closedEarly: false,
    rematchQueue: [], lateJoiners: {}, rounds: 0,
    ...input.state,
  };
  let decision: { kind: 'approve' } | { kind: 'rerun'; settings: MatchSettings } | undefined;
  const surveyOpen = () => state.stage === 'survey' && !state.closedEarly && Date.now() < deadline;
  const surveyOpenFor = (participantId: string) => surveyOpen() || (state.lateJoiners[participantId] ?? 0) > Date.now();
  const inReview = (runId?: string) => state.stage === 'review' && !decision && (runId === undefined || state.proposal?.runId === runId);
  const programmeEnd = () => (state.programmeEndsAt ? Date.parse(state.programmeEndsAt) : deadline + schedule.programmeDurationMs);

  setHandler(messages.cohortStateQuery, () => state);

  setHandler(messages.submitSurveyUpdate, async (submission) => {
    const saved = await activities.saveSurveySubmission.executeWithOptions({ summary: 'save survey answers' }, [{ cohortId, ...submission }]);
    state.answered = saved.answered;
    // A late joiner's first answer after matching has begun: they wait for the next round.
    if (state.stage !== 'survey' && saved.firstAnswer) state.rematchQueue.push(submission.participantId);
    describe();
    return { firstAnswer: saved.firstAnswer, answered: state.answered, total: state.total };
  }, {
    validator: ({ participantId }) => {
      if (!surveyOpenFor(participantId)) throw refuse(messages.SURVEY_CLOSED, 'This survey is closed.');
    },
    description: 'A participant submits (or updates) their intake survey',
  });

  setHandler(messages.pairClosedSignal, () => {
    state.pairsClosed = (state.pairsClosed ?? 0) + 1;
  });

  setHandler(messages.pairEndedSignal, ({ participantIds }) => {
    if (state.stage !== 'closed') state.rematchQueue.push(...participantIds);
  });

  setHandler(messages.closeSurveyUpdate, () => {
    state.closedEarly = true;
    return state;
  }, {
    validator: () => {
      if (!surveyOpen()) throw refuse(messages.SURVEY_CLOSED, 'The survey is already closed.');
    },
    description: 'The admin closes the intake survey before its deadline',
  });

  setHandler(messages.approveMatchUpdate, () => {
    decision = { kind: 'approve' };
    return state;
  }, {
    validator: ({ runId }) => {
      if (!inReview(runId)) throw refuse(messages.MATCH_CLOSED, 'This proposal is no longer open for review.');
    },
    description: 'The admin approves the proposed pairs',
  });

  setHandler(messages.rerunMatchUpdate, ({ settings }) => {
    decision = { kind: 'rerun', settings };
    return state;
  }, {
    validator: (_rerun) => {
      if (!inReview()) throw refuse(messages.MATCH_CLOSED, 'There is no proposal under review.');
    },
    description: 'The admin re-runs matching with other settings',
  });

  setHandler(messages.adjustMatchUpdate, (change) => activities.adjustMatchProposal.executeWithOptions({ summary: `admin ${change.adjustment.action}` }, [change]), {
    validator: ({ runId }) => {
      if (!inReview(runId)) throw refuse(messages.MATCH_CLOSED, 'This proposal is no longer open for review.');
    },
    description: 'The admin swaps, unpairs or pairs by hand, with a reason',
  });

  setHandler(messages.requestRematchUpdate, async ({ participantId, reason }) => {
    const released = await activities.releaseForRematch.executeWithOptions({ summary: 'end the current pair' }, [{ participantId, reason }]);
    state.rematchQueue.push(participantId, ...(released.formerPartnerId ? [released.formerPartnerId] : []));
    return state;
  }, {
    validator: (_request) => {
      if (state.stage === 'survey' || state.stage === 'closed') throw refuse(messages.MATCH_CLOSED, 'Rematching is possible from matching until the programme ends.');
    },
    description: 'Someone needs a new partner (admin request or dissolved pair)',
  });

  setHandler(messages.addLateJoinersUpdate, async ({ participantIds }) => {
    const until = surveyOpen() ? deadline : Date.now() + (deadline - Date.parse(schedule.surveyOpensAt));
    const { invited } = await activities.inviteLateJoiners.executeWithOptions({ summary: 'invite late joiners' }, [{ cohortId, participantIds, deadline: new Date(until).toISOString() }]);
    for (const id of participantIds) state.lateJoiners[id] = until;
    state.total += invited;
    state.invited += invited;
    describe();
    return state;
  }, {
    validator: (_joiners) => {
      if (state.stage === 'closed') throw refuse(messages.MATCH_CLOSED, 'The programme has ended.');
    },
    description: 'The admin adds participants after the survey opened',
  });

  if (state.stage === 'survey') await runSurvey();
  // Cohorts whose survey closed before matching was part of Tandem ended here; their histories must replay.
  if (!patched('matching')) return state;
  if (state.stage === 'matching' || state.stage === 'review') await matchRound(state.rounds === 0 ? 'initial' : 'rematch');
  while (Date.now() < programmeEnd()) {
    await condition(() => state.rematchQueue.length > 0 || workflowInfo().continueAsNewSuggested, Math.max(programmeEnd() - Date.now(), 0), { summary: 'programme end' });
    if (state.rematchQueue.length > 0) {
      state.rematchQueue = [];
      await matchRound('rematch');
    } else if (workflowInfo().continueAsNewSuggested) {
      await continueAsNewWhenQuiet();
    }
  }
  // Cohorts whose programme ended before the report existed closed at once; their histories must replay.
  if (patched('cohort-report')) await closeWhenPairsComplete();
  setStage('closed');
  setCurrentDetails('The programme has ended.');
  return state;

  /** The programme's end: pairs finish their final surveys; when none is open, the report goes to the admin. */
  async function closeWhenPairsComplete() {
    for (;;) {
      const { open } = await activities.countOpenPairs.executeWithOptions({ summary: 'count open pairs' }, [{ cohortId }]);
      if (open === 0) break;
      setCurrentDetails(`Programme ended; waiting for ${open} pairs to complete their final survey.`);
      const seen = state.pairsClosed ?? 0;
      // Woken by each pair that completes; a daily look catches a pair that could not signal.
      await condition(() => (state.pairsClosed ?? 0) > seen || workflowInfo().continueAsNewSuggested, '1 day', { summary: 'pairs completing' });
      if (workflowInfo().continueAsNewSuggested) {
        await continueAsNewWhenQuiet();
      }
    }
    await activities.closeCohort.executeWithOptions({ summary: 'report to the admin' }, [{ cohortId }]);
  }

  async function runSurvey() {
    if (state.invited === 0) Object.assign(state, await activities.sendSurveyInvitations.executeWithOptions({ summary: 'email survey invitations' }, [{ cohortId }]));
    describe();
    const reminders = surveyReminderTimes(schedule);
    while (state.remindersSent < reminders.length && !state.closedEarly) {
      if (!(await waitUntil(reminders[state.remindersSent]!, `reminder ${state.remindersSent + 1}`))) break;
      const round = state.remindersSent + 1;
      const { reminded } = await activities.sendSurveyReminders.executeWithOptions({ summary: `email reminder ${round}` }, [{ cohortId, round }]);
      state.reminded += reminded;
      state.remindersSent = round;
      describe();
    }
    await waitUntil(deadline, 'survey deadline');
    state.answered = (await activities.closeSurvey.executeWithOptions({ summary: 'record who answered' }, [{ cohortId }])).answered;
    setStage('matching');
  }

  /** Propose; then the admin reviews (adjusts, re-runs, approves) unless the cohort approves automatically; then start the pairs. */
  async function matchRound(kind: 'initial' | 'rematch') {
    state.rounds++;
    setStage('matching');
    describe();
    let proposal = await activities.proposeMatching.executeWithOptions({ summary: `propose ${kind} matching` }, [{ cohortId, runId: uuid4(), kind }]);
    for (;;) {
      state.proposal = { runId: proposal.runId, pairs: proposal.pairs, mentees: proposal.mentees, approved: false };
      if (proposal.autoApprove || proposal.mentees === 0) break; // nobody waiting: nothing to review
      decision = undefined;
      setStage('review');
      describe();
      await condition(() => decision !== undefined);
      await condition(allHandlersFinished); // an adjustment in flight lands before the decision is acted on
      const decided = decision!;
      if (decided.kind === 'approve') break;
      setStage('matching');
      proposal = await activities.proposeMatching.executeWithOptions({ summary: 're-run matching' }, [{ cohortId, runId: uuid4(), kind, settings: decided.settings }]);
    }
    const approved = await activities.approveMatching.executeWithOptions({ summary: 'approve the pairs' }, [{ cohortId, runId: proposal.runId }]);
    state.programmeEndsAt = approved.programmeEndsAt;
    state.proposal = { ...state.proposal, approved: true };
    await activities.startPairWorkflows.executeWithOptions({ summary: 'start pair workflows' }, [{ cohortId, runId: proposal.runId }]);
    setStage('running');
    describe();
  }

  /** Continues as new once the submissions in flight are recorded; the state goes along. */
  async function continueAsNewWhenQuiet(): Promise<never> {
    await condition(allHandlersFinished);
    return continueAsNew<typeof cohortWorkflow>({ ...input, state });
  }

  /** Sleeps until `instant` unless the admin closes the survey first; continues as new if history grows long. */
  async function waitUntil(instant: number, summary: string): Promise<boolean> {
    for (;;) {
      const woken = await condition(() => state.closedEarly || workflowInfo().continueAsNewSuggested, Math.max(instant - Date.now(), 0), { summary });
      if (!woken) return true;
      if (state.closedEarly) return false;
      await continueAsNewWhenQuiet();
    }
  }

  /** The Temporal UI's current-details line: what this cohort waits for, and until when. */
  function describe() {
    const details: Record<CohortStage, () => string> = {
      survey: () => `Intake survey: waiting for ${state.total - state.answered} of ${state.total} surveys, deadline ${formatInstant(deadline)}. Reminders sent: ${state.remindersSent}.`,
      matching: () => `Matching: computing a proposal (round ${state.rounds}).`,
      review: () => `Waiting for the admin to review ${state.proposal?.pairs} proposed pairs for ${state.proposal?.mentees} mentees (round ${state.rounds}).`,
      running: () => `Programme running until ${formatInstant(programmeEnd())}; ${state.answered} of ${state.total} answered the survey. Waiting for rematch requests.`,
      closed: () => 'The programme has ended.',
    };
    setCurrentDetails(details[state.stage]());
  }

  function setStage(stage: CohortStage) {
    state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
  }
}
