import { ApplicationFailure, getExternalWorkflowHandle, type SignalDefinition } from '@temporalio/workflow';

/**
 * Tells another workflow (a pair its cohort, a cohort a pair) from workflow code: the message is a command in
 * this workflow's history, sent once however often an activity is retried. A workflow that has finished has
 * nothing left to hear (a cohort that closed, a pair that ended on its own): that is not a failure.
 */
export async function tell<Args extends unknown[]>(workflowId: string, signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(signal, ...args);
  } catch (error) {
    if (!isFinished(error)) throw error;
  }
}

const isFinished = (error: unknown) => error instanceof ApplicationFailure && error.type === 'ExternalWorkflowExecutionNotFound';
