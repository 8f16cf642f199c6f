import { describe, expect, it } from 'vitest';
import { basisOf, cohortReport } from '../../domain/report.js';
import { translator } from '../../i18n/translator.js';

const final = { questionsAnswered: 'yes', satisfaction: 5, recommend: 9, improve: '' };
const pair = (
  stage: string,
  feedback: { met: string; rating: number; continue: string; longPair?: string }[] | null,
  menteeFinal: typeof final | null = null,
) => ({
  pairId: crypto.randomUUID(),
  menteeId: crypto.randomUUID(),
  mentorId: crypto.randomUUID(),
  stage,
  checkIns: 1,
  checkInAnswers: feedback?.length ?? 0,
  menteeFinal,
  mentorFinal: null,
  feedback,
});
const said = (met: string, rating: number, again: string, longPair = 'no') => ({ met, rating, continue: again, longPair });

describe('the cohort report of a flash cohort', () => {
  it('counts the pairs that met, how useful it was, who would meet again and the pairs that went on', () => {
    const report = cohortReport(
      [
        pair('completed', [said('yes', 5, 'yes', 'yes'), said('yes', 4, 'yes', 'yes')], final),
        pair('completed', [said('yes', 3, 'no'), said('no', 2, 'no')]), // met by one party's word
        pair('completed', [said('no', 1, 'yes', 'yes')]), // one silent: did not go on
        pair('dissolved', null),
      ],
      { flash: true },
    );
    expect(report.meetings).toEqual({ met: 2, useful: 3, meetAgain: 60, wentOn: 1 });
    // Only the pair that went on had the final survey: its mentee answered, its mentor did not.
    expect(report).toMatchObject({ pairs: 4, completed: 3, dissolved: 1, finalSurveyResponseRate: 50 });
    // Each figure says what it rests on: a 5/5 from one mentee reads as one answer, not as the cohort's.
    expect(report.basis).toEqual({
      checkIns: { got: 5, of: 8 },
      finalSurvey: { got: 1, of: 2 },
      menteeSatisfaction: 1,
      mentorSatisfaction: 0,
      recommend: 1,
      feedback: 5,
    });
    expect(basisOf(translator('en'), report.basis!.finalSurvey)).toBe(' (1 of 2)');
    expect(basisOf(translator('fr'), report.basis!.menteeSatisfaction)).toBe(' (1 réponse)');
  });

  it("draws what its charts need: satisfaction by score, the recommendation's groups, each round's answers of those asked", () => {
    const rows = [
      { ...pair('completed', null, final), checkIns: 2, answeredRounds: [0, 0, 1] },
      { ...pair('completed', null, { ...final, satisfaction: 2, recommend: 6 }), checkIns: 2, answeredRounds: [0, 1, 1] },
      { ...pair('completed', null, { ...final, satisfaction: 5, recommend: 7 }), checkIns: 1, answeredRounds: [0] },
    ];
    expect(cohortReport(rows).charts).toEqual({
      satisfaction: { mentee: [0, 1, 0, 0, 2], mentor: [0, 0, 0, 0, 0] },
      recommend: { detractors: 1, passives: 1, promoters: 1 },
      checkIns: [
        { round: 0, got: 4, of: 6 },
        { round: 1, got: 3, of: 4 },
      ],
    });
  });

  it('has no meetings figures for a long programme, and says "no answers" rather than 0 when nobody gave feedback', () => {
    expect(cohortReport([pair('completed', [said('yes', 4, 'yes')])]).meetings).toBeUndefined();
    expect(cohortReport([pair('dissolved', null)], { flash: true }).meetings).toEqual({ met: 0, useful: null, meetAgain: null, wentOn: 0 });
  });
});
