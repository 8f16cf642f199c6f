import { condition, proxyActivities, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { formatInstant } from '../domain/schedule.js';
import type { PairStage } from '../domain/types.js';
import { endPairSignal, pairStateQuery, type PairState } from './messages.js';
import { STAGE_KEY } from './search-attributes.js';

export interface PairWorkflowInput {
  version: 1;
  pairId: string;
  cohortId: string;
  cohortSlug: string;
  menteeId: string;
  mentorId: string;
  programmeEndsAt: string;
}

const { sendMatchIntroduction, closePair } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** A mentoring pair, from the introduction to the end of the programme (or an early end). */
export async function pairWorkflow(input: PairWorkflowInput): Promise<PairState> {
  const state: PairState = { stage: 'introduction' };
  const programmeEnd = Date.parse(input.programmeEndsAt);
  setHandler(pairStateQuery, () => state);
  setHandler(endPairSignal, ({ reason }) => {
    state.ended ??= { reason };
  });

  setCurrentDetails('Introducing mentor and mentee by email.');
  await sendMatchIntroduction.executeWithOptions({ summary: 'email the match introduction' }, [{ pairId: input.pairId }]);
  setStage('matched');
  setCurrentDetails(`Matched and introduced. The programme ends ${formatInstant(programmeEnd)}.`);

  await condition(() => state.ended !== undefined, Math.max(programmeEnd - Date.now(), 0), { summary: 'programme end' });
  state.ended ??= { reason: 'programme ended' };
  await closePair.executeWithOptions({ summary: 'record the end of the pair' }, [{ pairId: input.pairId, reason: state.ended.reason }]);
  setStage('ended');
  setCurrentDetails(`Ended: ${state.ended.reason}.`);
  return state;

  function setStage(stage: PairStage) {
    state.stage = stage;
    upsertSearchAttributes([{ key: STAGE_KEY, value: stage }]);
  }
}
