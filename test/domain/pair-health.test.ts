import { describe, expect, it } from 'vitest';
import type { CheckInAnswers } from '../../domain/check-in.js';
import { assessHealth, toDecision } from '../../domain/pair-health.js';
import { checkInTimes } from '../../domain/schedule.js';

const answers: CheckInAnswers = { met: 'yes', meetings: 2, rating: 4, blocking: '', continue: 'yes' };
const fine = toDecision(answers);
const nobodySilent = { mentee: false, mentor: false };

describe('assessHealth', () => {
  it('is on track when both met and are happy to go on', () => {
    expect(assessHealth({ mentee: fine, mentor: { ...fine, rating: 5 } }, nobodySilent)).toEqual({ health: 'on-track', reasons: [] });
  });
  it('needs attention: no contact, a low rating, a blocker, disagreeing answers, a silent party', () => {
    expect(assessHealth({ mentee: { ...fine, met: 'no' }, mentor: { ...fine, met: 'no' } }, nobodySilent)).toEqual({ health: 'needs-attention', reasons: ['no contact since the last check-in'] });
    expect(assessHealth({ mentee: { ...fine, rating: 2 }, mentor: { ...fine, rating: 5 } }, nobodySilent)).toEqual({
      health: 'needs-attention', reasons: ['the mentee rates it 2/5', 'their ratings disagree (2/5 and 5/5)'],
    });
    expect(assessHealth({ mentee: fine, mentor: toDecision({ ...answers, met: 'no', blocking: 'No time this month' }) }, nobodySilent)).toEqual({
      health: 'needs-attention', reasons: ['the mentor says something is in the way', 'their answers disagree on whether they met'],
    });
    expect(assessHealth({ mentee: fine }, nobodySilent)).toEqual({ health: 'needs-attention', reasons: ['the mentor did not answer the check-in'] });
  });
  it('is at risk when a party wants to stop or stays silent twice', () => {
    expect(assessHealth({ mentee: { ...fine, continue: 'no' }, mentor: fine }, nobodySilent)).toEqual({ health: 'at-risk', reasons: ['the mentee wants to stop'] });
    expect(assessHealth({ mentee: fine }, { mentee: false, mentor: true })).toEqual({ health: 'at-risk', reasons: ['the mentor has been silent at two check-ins in a row'] });
  });
});

describe('checkInTimes', () => {
  it('puts the first check-in early, then one per interval, within the programme', () => {
    expect(checkInTimes(0, { checkInCount: 4, checkInIntervalMs: 100 }, 300)).toEqual([50, 150, 250]);
  });
});
