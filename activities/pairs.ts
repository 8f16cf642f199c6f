import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { getCohort, type Cohort } from '../db/cohorts.js';
import { activePairOf, approveMatchRun, endPair, getPair, listPairsOfRun, returnPlace, type Pair } from '../db/matching.js';
import type { Sql } from '../db/sql.js';
import { DEFAULT_CHARTER_MS } from '../domain/schedule.js';
import { pairWorkflowId, type PairWorkflow, type PairWorkflowInput } from '../workflows/pair/contract.js';
import { COHORT_KEY, STAGE_KEY } from '../workflows/search-attributes.js';
import { forEachConcurrently } from './concurrency.js';
import { notFound } from './not-found.js';

export interface PairsActivityDeps {
  sql: Sql;
  /** Pair workflows are started by an activity, not as children: they must outlive the cohort's continue-as-new. */
  temporal: { client: Client; taskQueue: string };
}

/** Starts one pair's workflow; "already started" counts as done, so a retry is harmless. */
export async function startPairWorkflow(
  temporal: { client: Client; taskQueue: string },
  cohort: Cohort,
  pair: Pair,
  runId: string,
): Promise<void> {
  const input: PairWorkflowInput = {
    version: 1,
    pairId: pair.id,
    cohortId: cohort.id,
    cohortSlug: cohort.slug,
    menteeId: pair.menteeId,
    mentorId: pair.mentorId,
    programmeEndsAt: cohort.programmeEndsAt!.toISOString(),
    schedule: {
      charterDurationMs: cohort.schedule.charterDurationMs ?? DEFAULT_CHARTER_MS,
      checkInCount: cohort.schedule.checkInCount,
      checkInIntervalMs: cohort.schedule.checkInIntervalMs,
      // The closing survey is open as long as the intake survey was.
      finalSurveyMs: Date.parse(cohort.schedule.surveyDeadline) - Date.parse(cohort.schedule.surveyOpensAt),
    },
    ...(cohort.schedule.flash ? { flash: cohort.schedule.flash } : {}),
  };
  try {
    await temporal.client.workflow.start<PairWorkflow>('pairWorkflow', {
      workflowId: pair.workflowId,
      taskQueue: temporal.taskQueue,
      args: [input],
      typedSearchAttributes: [
        { key: COHORT_KEY, value: cohort.slug },
        { key: STAGE_KEY, value: 'introduction' },
      ],
      staticSummary: `Pair in cohort **${cohort.slug}**, score ${pair.score}`,
      staticDetails: `Pair id: ${pair.id}\nMentee id: ${pair.menteeId}\nMentor id: ${pair.mentorId}\nMatch run: ${runId}`,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** Approved proposals become pairs and their workflows; a rematch ends a pair. */
export function createPairActivities({ sql, temporal }: PairsActivityDeps) {
  async function mustGetCohort(cohortId: string): Promise<Cohort> {
    return (await getCohort(sql, cohortId)) ?? Promise.reject(notFound(`Cohort ${cohortId}`));
  }

  return {
    async approveMatching({ cohortId, runId }: { cohortId: string; runId: string }): Promise<{ pairs: number; programmeEndsAt: string }> {
      const cohort = await mustGetCohort(cohortId);
      const approved = await approveMatchRun(
        sql,
        runId,
        (mentee, mentor) => pairWorkflowId(cohort.slug, mentee, mentor),
        cohort.schedule.programmeDurationMs,
      );
      if (!approved) throw notFound(`Match run ${runId}`);
      return { pairs: approved.pairs, programmeEndsAt: approved.programmeEndsAt.toISOString() };
    },

    /** Starts one workflow per approved pair. */
    async startPairWorkflows({ cohortId, runId }: { cohortId: string; runId: string }): Promise<{ started: number }> {
      const cohort = await mustGetCohort(cohortId);
      const pairs = (await listPairsOfRun(sql, runId)).filter((p) => p.status === 'active');
      let done = 0;
      await forEachConcurrently(pairs, 8, async (pair) => {
        await startPairWorkflow(temporal, cohort, pair, runId);
        if (++done % 50 === 0) Context.current().heartbeat({ done });
      });
      return { started: pairs.length };
    },

    /**
     * Someone needs a new partner. Their pair (the one given, or their only active one) ends if it runs, both
     * get their place back, and the two are kept apart from now on. A pair that has ended already (early, which
     * gave nobody their place) gives this person theirs back, and the partner stays as they were. Returns the
     * pair's workflow (the cohort tells it), and the partner who is now free too, if any.
     */
    async releaseForRematch({
      participantId,
      reason,
      pairId,
      alone,
    }: {
      participantId: string;
      reason: string;
      pairId?: string;
      alone?: boolean;
    }): Promise<{ endedPairId?: string; pairWorkflowId?: string; formerPartnerId?: string }> {
      const pair = pairId ? await getPair(sql, pairId) : await activePairOf(sql, participantId);
      if (!pair) return {};
      const formerPartnerId = pair.menteeId === participantId ? pair.mentorId : pair.menteeId;
      const placesBack =
        pair.status === 'active'
          ? ((await endPair(sql, pair.id, reason, alone ? [participantId] : [participantId, formerPartnerId]))?.rematchIds ?? [])
          : await returnPlace(sql, pair.id, participantId);
      return {
        endedPairId: pair.id,
        pairWorkflowId: pair.workflowId,
        ...(placesBack.includes(formerPartnerId) ? { formerPartnerId } : {}),
      };
    },
  };
}
