import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { emailTaskQueue, type SurveyMailing } from '../../domain/mailing.js';
import { RETRY } from '../retry.js';
import { activities } from './activities.js';

/**
 * A mailing to the whole cohort at the mail provider's pace: planned in batches, then each batch one request,
 * on the email task queue whose rate is the provider's. All are scheduled at once; Temporal hands them out at
 * that rate to whichever worker is free, so the cohort is mailed as fast as the provider allows, and no faster.
 */
export async function sendMailing(cohortId: string, mailing: SurveyMailing, summary: string) {
  const emails = proxyActivities<Activities>({
    taskQueue: emailTaskQueue(workflowInfo().taskQueue),
    startToCloseTimeout: '1 minute',
    retry: RETRY,
  });
  const plan = await activities.planSurveyMailing.executeWithOptions({ summary: `plan: ${summary}` }, [{ cohortId, mailing }]);
  const outcomes = await Promise.all(
    plan.batches.map((batch, i) =>
      emails.sendSurveyMailingBatch.executeWithOptions({ summary: `${summary}: batch ${i + 1} of ${plan.batches.length}` }, [
        { cohortId, mailing, batch },
      ]),
    ),
  );
  const bounced = outcomes.reduce((sum, o) => sum + o.bounced, 0);
  return { total: plan.total, bounced };
}
