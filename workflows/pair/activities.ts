import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { RETRY } from '../retry.js';

/** The pair workflow's activities. Each sends an email or two or writes a row: if a worker dies mid-way, retry elsewhere soon. */
export const activities = proxyActivities<Activities>({ startToCloseTimeout: '20 seconds', retry: RETRY });
