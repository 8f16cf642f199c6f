import type { WorkflowCalls } from '../client-calls.js';
import type { accountEmailWorkflow } from './account-email.js';
import { accountEmailWorkflowId, type AccountEmailInput } from './contract.js';

/** The app's one call to the account email workflow. */
export function accountEmailClient({ client, taskQueue, waitMs, within, startOnce }: WorkflowCalls) {
  return {
    /** An admin's invitation or reset email, sent by a workflow of its own; starting it twice sends one email. */
    sendAccountEmail: (input: AccountEmailInput) =>
      startOnce(() =>
        within(waitMs, () =>
          client.workflow.start<typeof accountEmailWorkflow>('accountEmailWorkflow', {
            workflowId: accountEmailWorkflowId(input.ticketId),
            taskQueue,
            args: [input],
            staticSummary: `Admin ${input.kind === 'invitation' ? 'invitation' : 'password reset'} email`,
          }),
        ),
      ),
  };
}
