import { deprecatePatch } from '@temporalio/workflow';
import { DEFAULT_CHARTER_MS, charterMilestones } from '../../domain/schedule.js';
import { activities } from './activities.js';
import { PATCHES } from './patches.js';
import type { PairProgramme } from './programme.js';

/** Emails both parties the charter to sign by its deadline, within their introduction or alone (the window opens with it). */
export async function openCharter(pair: PairProgramme, { introduce = false } = {}): Promise<void> {
  const { state, input } = pair;
  state.charterDeadline = new Date(Date.now() + (input.schedule?.charterDurationMs ?? DEFAULT_CHARTER_MS)).toISOString();
  await activities.openCharter.executeWithOptions(
    { summary: introduce ? 'email the introduction and the charter' : 'email the charter to sign' },
    [{ pairId: pair.pairId, deadline: state.charterDeadline, ...(introduce ? { introduce } : {}) }],
  );
  pair.setStage('charter');
}

/**
 * The charter of commitment: whoever has not signed is reminded halfway, the admin alerted at three
 * quarters, and at the deadline the signatures PostgreSQL accepted decide: both signed, or not.
 */
export async function awaitSignatures(pair: PairProgramme): Promise<'signed' | 'unsigned' | 'ended'> {
  const { state, input, pairId } = pair;
  const charterMs = input.schedule?.charterDurationMs ?? DEFAULT_CHARTER_MS;
  const settled = () => pair.unsigned().length === 0 || pair.ended();
  // Counted back from the deadline, so an extension moves the reminder and the alert with it.
  const deadline = () => Date.parse(state.charterDeadline!);
  const milestones = () => charterMilestones(deadline() - charterMs, deadline());
  pair.describe();
  if (!state.charterReminded && !(await pair.until(() => milestones().reminder, settled, 'charter reminder'))) {
    await activities.remindCharter.executeWithOptions({ summary: 'remind whoever has not signed' }, [
      { pairId, participantIds: pair.unsigned(), deadline: state.charterDeadline! },
    ]);
    state.charterReminded = true;
  }
  if (!state.adminAlerted && !(await pair.until(() => milestones().adminAlert, settled, 'alert the admin if still unsigned'))) {
    await activities.alertCharterUnsigned.executeWithOptions({ summary: 'alert the admin' }, [
      { pairId, participantIds: pair.unsigned(), deadline: state.charterDeadline! },
    ]);
    state.adminAlerted = true;
  }
  await pair.until(deadline, settled, 'charter deadline');
  deprecatePatch(PATCHES.answersInPostgres.id);
  // What was signed before the window closed decides, even a signature whose signal is still on its way.
  state.signed = (
    await activities.closeCharter.executeWithOptions({ summary: 'close the charter, read the signatures' }, [{ pairId }])
  ).signed;
  if (pair.ended()) return 'ended';
  return pair.unsigned().length > 0 ? 'unsigned' : 'signed';
}
