import type { Client } from '@temporalio/client';
import { HEALTH } from '../domain/pair-health.js';
import { COHORT_STAGES, PAIR_STAGES } from '../domain/types.js';
import type { OpenWorkflows } from '../observability/metrics.js';
import { HEALTH_KEY, STAGE_KEY } from '../workflows/search-attributes.js';

/**
 * Counted by Temporal's visibility store, one count per value (it groups by execution status only): the
 * workflows' own record of where they are, as an operator filters them in the UI.
 */
export async function countOpenWorkflows(client: Client): Promise<OpenWorkflows> {
  const count = async (query: string) => (await client.workflow.count(`ExecutionStatus = "Running" AND ${query}`)).count;
  const ofType = (workflow: 'cohort' | 'pair') => `WorkflowType = "${workflow}Workflow"`;
  const byStage = (workflow: 'cohort' | 'pair', stages: readonly string[]) =>
    Promise.all(
      stages.map(async (stage) => ({ workflow, stage, count: await count(`${ofType(workflow)} AND ${STAGE_KEY.name} = "${stage}"`) })),
    );
  const [cohorts, pairs, pairHealth] = await Promise.all([
    byStage('cohort', COHORT_STAGES),
    byStage('pair', PAIR_STAGES),
    Promise.all(HEALTH.map(async (health) => ({ health, count: await count(`${ofType('pair')} AND ${HEALTH_KEY.name} = "${health}"`) }))),
  ]);
  return { stages: [...cohorts, ...pairs], pairHealth };
}
