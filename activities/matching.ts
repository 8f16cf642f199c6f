import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { getCohort } from '../db/cohorts.js';
import { getMatchRun, insertMatchRun, listExclusions, loadMatchPool } from '../db/matching.js';
import type { Sql } from '../db/sql.js';
import type { MatchInput } from '../matching/match-cohort.js';
import type { Mentee, Mentor } from '../matching/profiles.js';
import { DEFAULT_MATCH_SETTINGS, matchSettingsSchema, type MatchSettings } from '../matching/settings.js';
import { adjustProposal, type Adjustment } from '../matching/adjust.js';
import type { PairWarning } from '../matching/explanations.js';
import { applyAdjustment } from '../db/match-adjustments.js';
import { plural } from '../domain/format.js';
import type { MatchPhase, MatchProgress } from '../domain/match-progress.js';
import { matchInThread } from './matching-thread.js';
import { notFound } from './not-found.js';
import { INVALID_ADJUSTMENT } from '../workflows/cohort/contract.js';
import type { RefusalCode } from '../i18n/admin/refusals.en.js';
import type { Metrics } from '../observability/metrics.js';

export interface ProposalSummary {
  runId: string;
  pairs: number;
  mentees: number;
  autoApprove: boolean;
}

/** Builds the solver's input from the database: who waits for a partner, who has a free place, who never answered. */
export async function matchInputFor(sql: Sql, cohortId: string, settings: MatchSettings): Promise<MatchInput> {
  const pool = await loadMatchPool(sql, cohortId);
  const mentees = pool.filter(
    (p): p is typeof p & { answers: Mentee['answers'] } => p.role === 'mentee' && p.answers !== null && p.placesHeld === 0,
  );
  const mentors = pool.filter((p): p is typeof p & { answers: Mentor['answers'] } => p.role === 'mentor' && p.answers !== null);
  const placesTaken = Object.fromEntries(mentors.filter((m) => m.placesHeld > 0).map((m) => [m.id, m.placesHeld]));
  const freePlaces = (m: (typeof mentors)[number]) => Math.max(m.answers.capacity - (placesTaken[m.id] ?? 0), 0);
  return {
    mentees: mentees.map(({ id, name, attributes, answers }) => ({ id, name, attributes, answers })),
    mentors: mentors.map(({ id, name, attributes, answers }) => ({ id, name, attributes, answers })),
    placesTaken,
    exclusions: await listExclusions(sql, cohortId),
    unanswered: pool.filter((p) => p.answers === null).map(({ id, name, role }) => ({ id, name, role })),
    settings,
    inRoundBecause: Object.fromEntries([
      ...mentees.map((m) => [
        m.id,
        m.freedBy
          ? `their pair ended (${m.freedBy}) and they are offered a new partner`
          : 'not matched yet (waiting since an earlier round, or joined late)',
      ]),
      ...mentors
        .filter((m) => freePlaces(m) > 0)
        .map((m) => [
          m.id,
          `${plural(freePlaces(m), 'free place')}${m.freedBy ? `, one given back when a pair ended (${m.freedBy})` : ''}`,
        ]),
    ]),
  };
}

/** Matching is CPU work: it runs here, never in workflow code, in a thread of its own, heartbeating. */
export function createMatchingActivities({ sql, metrics }: { sql: Sql; metrics: Metrics }) {
  return {
    async proposeMatching(input: {
      cohortId: string;
      runId: string;
      kind: 'initial' | 'rematch';
      settings?: MatchSettings;
    }): Promise<ProposalSummary> {
      const cohort = await getCohort(sql, input.cohortId);
      if (!cohort) throw notFound(`Cohort ${input.cohortId}`);
      const existing = await getMatchRun(sql, input.runId);
      const run = existing ?? (await propose());
      return {
        runId: run.id,
        pairs: run.result.pairs.length,
        mentees: run.result.summary.mentees,
        autoApprove: run.settings.autoApprove,
      };

      async function propose() {
        const context = Context.current();
        // What the cohort page shows while the match runs: each phase, and the mentees placed.
        let progress: MatchProgress;
        const beat = () => context.heartbeat(progress);
        const enter = (phase: MatchPhase, more: Partial<MatchProgress> = {}) => {
          progress = { phase, since: Date.now(), ...more };
          beat();
        };
        enter('reading');
        const beating = setInterval(beat, 5_000); // scoring a large cohort reports no progress of its own
        try {
          // A re-run brings the settings the admin saved for it; the run keeps the ones it used.
          const settings = matchSettingsSchema.parse(input.settings ?? cohort!.matchSettings ?? DEFAULT_MATCH_SETTINGS);
          const matchInput = await matchInputFor(sql, input.cohortId, settings);
          const total = matchInput.mentees.length;
          const placed = (done: number) => {
            if (progress.phase !== 'placing') return enter('placing', { done, total });
            progress = { ...progress, done };
            beat();
          };
          enter('scoring');
          const timer = metrics.matchingRuns.startTimer({ kind: input.kind });
          const result = await matchInThread(matchInput, placed, context.cancellationSignal);
          timer();
          enter('storing');
          const run = {
            id: input.runId,
            cohortId: input.cohortId,
            kind: input.kind,
            algorithm: result.algorithm,
            settings,
            inputs: matchInput,
            result,
          };
          await insertMatchRun(sql, run);
          return run;
        } finally {
          clearInterval(beating);
        }
      }
    },

    /** An admin's change to a proposal, scored and checked; stored once per request id with its reason. */
    async adjustMatchProposal(input: {
      runId: string;
      requestId: string;
      adjustment: Adjustment;
      reason: string;
    }): Promise<{ warnings: PairWarning[] }> {
      const run = await getMatchRun(sql, input.runId);
      const refuse = (code: RefusalCode) => ApplicationFailure.create({ type: INVALID_ADJUSTMENT, message: code, nonRetryable: true });
      if (!run) throw refuse('proposal-closed');
      const outcome = adjustProposal(run.inputs, run.result, input.adjustment, input.reason);
      if (!outcome.ok) throw refuse(outcome.error);
      await applyAdjustment(sql, {
        runId: run.id,
        requestId: input.requestId,
        adjustment: input.adjustment,
        reason: input.reason,
        result: outcome.result,
        warnings: outcome.warnings,
      });
      return { warnings: outcome.warnings };
    },
  };
}
