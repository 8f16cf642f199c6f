import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { RETRY } from '../retry.js';
import type { AccountEmailInput } from './contract.js';

const { sendAccountEmail } = proxyActivities<Activities>({ startToCloseTimeout: '20 seconds', retry: RETRY });

/**
 * Sends an admin's invitation or password-reset link, however long the mail service is down: the page that
 * asked for it has answered already. A ticket spent or expired meanwhile sends nothing.
 */
export async function accountEmailWorkflow(input: AccountEmailInput): Promise<void> {
  await sendAccountEmail(input);
}
