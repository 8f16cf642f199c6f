import { describe, expect, it } from 'vitest';
import type { CheckInAnswers } from '../../domain/check-in.js';
import { describeHealthReason } from '../../domain/alerts.js';
import { assessHealth, decideRound, toDecision, type CheckInDecision } from '../../domain/pair-health.js';
import { translator } from '../../i18n/translator.js';
import { checkInTimes } from '../../domain/schedule.js';

const answers: CheckInAnswers = { met: 'yes', meetings: 2, rating: 4, blocking: '', continue: 'yes' };
const fine = toDecision(answers);
const nobodySilent = { mentee: false, mentor: false };

/** The assessment with its reasons in an admin's words. */
const assessed = (
  answers: { mentee?: CheckInDecision; mentor?: CheckInDecision },
  silent: { mentee: boolean; mentor: boolean },
  locale: 'en' | 'fr' = 'en',
) => {
  const { health, reasons } = assessHealth(answers, silent);
  return { health, reasons: reasons.map((reason) => describeHealthReason(reason, translator(locale))) };
};

describe('assessHealth', () => {
  it('is on track when both met and are happy to go on', () => {
    expect(assessed({ mentee: fine, mentor: { ...fine, rating: 5 } }, nobodySilent)).toEqual({ health: 'on-track', reasons: [] });
  });
  it('needs attention: no contact, a low rating, a blocker, disagreeing answers, a silent party', () => {
    expect(assessed({ mentee: { ...fine, met: 'no' }, mentor: { ...fine, met: 'no' } }, nobodySilent)).toEqual({
      health: 'needs-attention',
      reasons: ['no contact since the last check-in'],
    });
    expect(assessed({ mentee: { ...fine, rating: 2 }, mentor: { ...fine, rating: 5 } }, nobodySilent)).toEqual({
      health: 'needs-attention',
      reasons: ['the mentee rates it 2/5', 'their ratings disagree (2/5 and 5/5)'],
    });
    expect(assessed({ mentee: fine, mentor: toDecision({ ...answers, met: 'no', blocking: 'No time this month' }) }, nobodySilent)).toEqual(
      {
        health: 'needs-attention',
        reasons: ['the mentor says something is in the way', 'their answers disagree on whether they met'],
      },
    );
    expect(assessed({ mentee: fine }, nobodySilent)).toEqual({
      health: 'needs-attention',
      reasons: ['the mentor did not answer the check-in'],
    });
  });
  it('is at risk when a party wants to stop or stays silent twice', () => {
    expect(assessed({ mentee: { ...fine, continue: 'no' }, mentor: fine }, nobodySilent)).toEqual({
      health: 'at-risk',
      reasons: ['the mentee wants to stop'],
    });
    expect(assessed({ mentee: fine }, { mentee: false, mentor: true })).toEqual({
      health: 'at-risk',
      reasons: ['the mentor has been silent at two check-ins in a row'],
    });
  });
  it('gives its reasons as data, which each admin reads in their language', () => {
    expect(assessHealth({ mentee: { ...fine, rating: 2 }, mentor: { ...fine, rating: 5 } }, nobodySilent).reasons).toEqual([
      { kind: 'low-rating', role: 'mentee', rating: 2 },
      { kind: 'ratings-disagree', mentee: 2, mentor: 5 },
    ]);
    expect(assessed({ mentee: { ...fine, rating: 2 }, mentor: { ...fine, rating: 5 } }, nobodySilent, 'fr').reasons).toEqual([
      'le mentoré donne la note de 2/5',
      'leurs notes divergent (2/5 et 5/5)',
    ]);
  });
});

describe('decideRound', () => {
  const stops = { ...fine, continue: 'no' as const };
  const achieved = { ...fine, progress: ['achieved' as const, 'achieved' as const] };

  it('offers a new partner to whoever wants to go on while their partner would rather stop, with the health', () => {
    expect(decideRound({ mentee: fine, mentor: stops }, nobodySilent)).toEqual({
      health: 'at-risk',
      reasons: [{ kind: 'wants-to-stop', role: 'mentor' }],
      offers: [{ role: 'mentee', reason: 'partnerStops' }],
    });
    // Both would rather stop: nobody wants a new partner.
    expect(decideRound({ mentee: stops, mentor: stops }, nobodySilent).offers).toEqual([]);
  });

  it("offers a new partner to whoever has met all their objectives, and nobody in a flash pair's feedback", () => {
    expect(decideRound({ mentee: achieved, mentor: fine }, nobodySilent).offers).toEqual([{ role: 'mentee', reason: 'objectivesMet' }]);
    expect(decideRound({ mentee: { ...fine, progress: ['achieved', 'in-progress'] }, mentor: fine }, nobodySilent).offers).toEqual([]);
    expect(decideRound({ mentee: achieved, mentor: stops }, nobodySilent, { feedback: true }).offers).toEqual([]);
    // Silent: no answer, no offer.
    expect(decideRound({ mentor: achieved }, nobodySilent).offers).toEqual([{ role: 'mentor', reason: 'objectivesMet' }]);
  });
});

describe('checkInTimes', () => {
  it('puts the first check-in early, then one per interval, within the programme', () => {
    expect(checkInTimes(0, { checkInCount: 4, checkInIntervalMs: 100 }, 300)).toEqual([50, 150, 250]);
  });
});
