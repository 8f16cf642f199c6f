import type { Translator } from '../i18n/translator.js';

/** The cohort report, computed from one row per pair: what the admin reads when the programme closes. */
export interface CohortReport {
  pairs: number;
  completed: number;
  dissolved: number;
  endedEarly: number;
  checkInResponseRate: number | null;
  finalSurveyResponseRate: number | null;
  menteeSatisfaction: number | null;
  mentorSatisfaction: number | null;
  /** Net promoter score over everyone's "would you recommend" (0-10): % promoters (9-10) − % detractors (0-6). */
  recommendNps: number | null;
  questionsAnswered: { yes: number; partly: number; no: number };
  /** What participants would improve: which final-survey answer holds it (the words stay in that row). */
  comments: ReportComment[];
  /**
   * A flash cohort's meetings, from each pair's feedback (its check-in round 0): the pairs that met (by either's
   * word), how useful it was (mean, 1-5), the % of answers that would meet again, the pairs that went on.
   */
  meetings?: { met: number; useful: number | null; meetAgain: number | null; wentOn: number };
  /** How many answers each figure rests on, so that "5/5" from 4 people reads as such (reports from before have none). */
  basis?: ReportBasis;
  /** What the report's charts draw (reports from before have none). */
  charts?: ReportCharts;
}

export interface ReportCharts {
  /** Final-survey satisfaction answers by score, from 1 to 5. */
  satisfaction: { mentee: number[]; mentor: number[] };
  /** "Would you recommend" answers, by the net promoter score's three groups. */
  recommend: { detractors: number; passives: number; promoters: number };
  /** Check-in answers by round: given, of those asked for (two for each pair that reached the round). */
  checkIns: { round: number; got: number; of: number }[];
}

export interface ReportBasis {
  /** Answers given, of those asked for. */
  checkIns: { got: number; of: number };
  finalSurvey: { got: number; of: number };
  menteeSatisfaction: number;
  mentorSatisfaction: number;
  recommend: number;
  /** A flash cohort's feedback answers, which its usefulness and "would meet again" rest on. */
  feedback?: number;
}

export interface ReportComment {
  pairId: string;
  participantId: string;
  role: 'mentee' | 'mentor';
}

/** A comment as its reader sees it: the words its author's final survey holds now. */
export interface CommentText {
  role: 'mentee' | 'mentor';
  text: string;
}

/** One party's feedback after a flash pair's meetings, as stored. */
interface Feedback {
  met: string;
  rating: number;
  continue: string;
  longPair?: string;
}

interface Row {
  pairId: string;
  menteeId: string;
  mentorId: string;
  stage: string;
  checkIns: number;
  checkInAnswers: number;
  answeredRounds?: number[];
  menteeFinal: { questionsAnswered?: string; satisfaction: number; recommend: number; improve: string } | null;
  mentorFinal: { satisfaction: number; recommend: number; improve: string } | null;
  /** The answers to the pair's check-in round 0: a flash pair's feedback. */
  feedback: Feedback[] | null;
}

const mean = (values: number[]) => (values.length ? Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10 : null);
const rate = (got: number, expected: number) => (expected ? Math.round((1000 * got) / expected) / 10 : null);

const wentOn = (r: Row) => r.feedback?.length === 2 && r.feedback.every((f) => f.longPair === 'yes');

function meetings(rows: Row[]): NonNullable<CohortReport['meetings']> {
  const answers = rows.flatMap((r) => r.feedback ?? []);
  return {
    met: rows.filter((r) => r.feedback?.some((f) => f.met === 'yes')).length,
    useful: mean(answers.map((f) => f.rating)),
    meetAgain: rate(answers.filter((f) => f.continue === 'yes').length, answers.length),
    wentOn: rows.filter(wentOn).length,
  };
}

function charts(rows: Row[], finals: { satisfaction: number }[][], recommends: number[]): ReportCharts {
  const byScore = (answers: { satisfaction: number }[]) =>
    [1, 2, 3, 4, 5].map((score) => answers.filter((a) => a.satisfaction === score).length);
  const rounds = Math.max(0, ...rows.map((r) => r.checkIns));
  const answered = rows.flatMap((r) => r.answeredRounds ?? []);
  return {
    satisfaction: { mentee: byScore(finals[0]!), mentor: byScore(finals[1]!) },
    recommend: {
      detractors: recommends.filter((r) => r <= 6).length,
      passives: recommends.filter((r) => r === 7 || r === 8).length,
      promoters: recommends.filter((r) => r >= 9).length,
    },
    checkIns: Array.from({ length: rounds }, (_, round) => ({
      round,
      got: answered.filter((r) => r === round).length,
      of: 2 * rows.filter((r) => r.checkIns > round).length,
    })),
  };
}

export function cohortReport(rows: Row[], { flash = false } = {}): CohortReport {
  const completed = rows.filter((r) => r.stage === 'completed');
  const checkIns = { got: rows.reduce((s, r) => s + r.checkInAnswers, 0), of: rows.reduce((s, r) => s + 2 * r.checkIns, 0) };
  const menteeFinals = rows.flatMap((r) => (r.menteeFinal ? [r.menteeFinal] : []));
  const mentorFinals = rows.flatMap((r) => (r.mentorFinal ? [r.mentorFinal] : []));
  const commented = (role: 'mentee' | 'mentor') =>
    rows
      .filter((r) => r[`${role}Final`]?.improve)
      .map((r): ReportComment => ({ pairId: r.pairId, participantId: role === 'mentee' ? r.menteeId : r.mentorId, role }));
  const recommends = [...menteeFinals, ...mentorFinals].map((f) => f.recommend);
  // A flash pair's feedback closes it: only those that went on (or ended before it) had the final survey.
  const finalSurvey = {
    got: menteeFinals.length + mentorFinals.length,
    of: 2 * (flash ? completed.filter((r) => !r.feedback || wentOn(r)) : completed).length,
  };
  const questionsAnswered = { yes: 0, partly: 0, no: 0 };
  for (const f of menteeFinals) if (f.questionsAnswered) questionsAnswered[f.questionsAnswered as keyof typeof questionsAnswered]++;
  return {
    pairs: rows.length,
    completed: completed.length,
    dissolved: rows.filter((r) => r.stage === 'dissolved').length,
    endedEarly: rows.filter((r) => r.stage !== 'completed' && r.stage !== 'dissolved').length,
    checkInResponseRate: rate(checkIns.got, checkIns.of),
    finalSurveyResponseRate: rate(finalSurvey.got, finalSurvey.of),
    menteeSatisfaction: mean(menteeFinals.map((f) => f.satisfaction)),
    mentorSatisfaction: mean(mentorFinals.map((f) => f.satisfaction)),
    recommendNps: recommends.length
      ? Math.round((100 * (recommends.filter((r) => r >= 9).length - recommends.filter((r) => r <= 6).length)) / recommends.length)
      : null,
    questionsAnswered,
    comments: [...commented('mentee'), ...commented('mentor')],
    ...(flash ? { meetings: meetings(rows) } : {}),
    basis: {
      checkIns,
      finalSurvey,
      menteeSatisfaction: menteeFinals.length,
      mentorSatisfaction: mentorFinals.length,
      recommend: recommends.length,
      ...(flash ? { feedback: rows.flatMap((r) => r.feedback ?? []).length } : {}),
    },
    charts: charts(rows, [menteeFinals, mentorFinals], recommends),
  };
}

/** What a figure rests on, in words: "45 of 52" for a rate, "17 answers" for a mean; nothing for a report from before. */
export function basisOf({ t }: Translator, basis: { got: number; of: number } | number | undefined): string {
  if (basis === undefined) return '';
  return ` (${typeof basis === 'number' ? t('report.basis.answers', { count: basis }) : t('report.basis.of', basis)})`;
}
