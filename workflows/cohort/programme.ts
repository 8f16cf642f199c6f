import {
  allHandlersFinished,
  condition,
  makeContinueAsNewFunc,
  patched,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  log,
  workflowInfo,
} from '@temporalio/workflow';
import { plural } from '../../domain/format.js';
import { formatInstant } from '../../domain/schedule.js';
import type { CohortStage } from '../../domain/types.js';
import type { MatchSettings } from '../../matching/settings.js';
import { STAGE_KEY } from '../search-attributes.js';
import { cohortStateQuery, type CohortState, type CohortWorkflow, type CohortWorkflowInput } from './contract.js';
import { PATCHES } from './patches.js';

export type AdminDecision = { kind: 'approve' } | { kind: 'rerun'; settings: MatchSettings };

/**
 * One cohort's state and what every step needs of it: its deadlines, the admin's pending decision on a
 * proposal, waiting that the admin can cut short, continue-as-new, and what the Temporal UI shows.
 */
export class CohortProgramme {
  readonly state: CohortState;
  /** The admin's word on the proposal under review. */
  decision: AdminDecision | undefined;

  constructor(readonly input: CohortWorkflowInput) {
    this.state = {
      stage: 'survey',
      total: input.participantCount ?? 0,
      invited: 0,
      answered: 0,
      remindersSent: 0,
      reminded: 0,
      closedEarly: false,
      rematchQueue: [],
      lateJoiners: {},
      rounds: 0,
      ...input.state,
    };
    setHandler(cohortStateQuery, () => this.state);
  }

  get cohortId() {
    return this.input.cohortId;
  }

  deadline = () => Date.parse(this.input.schedule.surveyDeadline);
  surveyOpen = () => this.state.stage === 'survey' && !this.state.closedEarly && Date.now() < this.deadline();
  inReview = (runId?: string) =>
    this.state.stage === 'review' && !this.decision && (runId === undefined || this.state.proposal?.runId === runId);
  programmeEnd = () =>
    this.state.programmeEndsAt ? Date.parse(this.state.programmeEndsAt) : this.deadline() + this.input.schedule.programmeDurationMs;

  /**
   * A new run is due: the history has grown long, or a participant was erased and the history must not keep
   * what the admin once typed about them (the new run starts from the state alone, which holds ids only).
   */
  freshHistoryDue = () => workflowInfo().continueAsNewSuggested || this.state.forget === true;

  /** Continues as new once the messages in flight are handled; the state goes along. */
  async continueAsNewWhenQuiet(): Promise<never> {
    await condition(allHandlersFinished);
    const typedSearchAttributes = workflowInfo().typedSearchAttributes.updateCopy([{ key: STAGE_KEY, value: this.state.stage }]);
    return makeContinueAsNewFunc<CohortWorkflow>({ typedSearchAttributes })({
      ...this.input,
      state: { ...this.state, forget: false },
    });
  }

  /**
   * A stage is over: the next begins in a new run, on today's code, from the state alone (its stage set as it
   * starts, rather than by an upsert beside the continue-as-new). Runs from before went on in the same run.
   */
  async nextStage(stage: CohortStage): Promise<void> {
    if (!patched(PATCHES.freshRunEachStage.id)) return this.setStage(stage);
    this.state.stage = stage;
    await this.continueAsNewWhenQuiet();
  }

  /** Sleeps until `instant` unless the admin closes the survey first; continues as new if history grows long. */
  async waitUntil(instant: number, summary: string): Promise<boolean> {
    for (;;) {
      const woken = await condition(() => this.state.closedEarly || this.freshHistoryDue(), Math.max(instant - Date.now(), 0), { summary });
      if (!woken) return true;
      if (this.state.closedEarly) return false;
      await this.continueAsNewWhenQuiet();
    }
  }

  setStage(stage: CohortStage) {
    this.state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
    log.info('Cohort stage', { stage });
  }

  /** The Temporal UI's current-details line: what this cohort waits for, and until when. */
  describe() {
    const { state } = this;
    const details: Record<CohortStage, () => string> = {
      survey: () =>
        `Intake survey: about ${state.answered} of ${plural(state.total, 'survey')} answered, deadline ${formatInstant(this.deadline())}. Reminders sent: ${state.remindersSent}.${state.bounced ? ` ${plural(state.bounced, 'invitation')} bounced (see the cohort page).` : ''}`,
      matching: () => `Matching: computing a proposal (round ${state.rounds}).`,
      review: () =>
        `Waiting for the admin to review ${plural(state.proposal?.pairs ?? 0, 'proposed pair')} for ${plural(state.proposal?.mentees ?? 0, 'mentee')} (round ${state.rounds}).`,
      running: () =>
        `Programme running until ${formatInstant(this.programmeEnd())}; ${state.answered} of ${state.total} answered the survey. Waiting for rematch requests.`,
      closed: () => 'The programme has ended.',
    };
    setCurrentDetails(details[state.stage]());
  }
}
