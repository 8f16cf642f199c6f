import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { RETRY } from '../retry.js';

/** The cohort's activities: emailing a whole cohort and matching it take a while, and they heartbeat. */
export const activities = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '1 minute', retry: RETRY });
