import type { Progress } from '../domain/objectives.js';
import type { CommentText, ReportComment } from '../domain/report.js';
import { opened } from './data-keys.js';
import type { Sql } from './sql.js';

/** One row per pair, everything the cohort report and its CSV need. */
export interface PairReportRow {
  pairId: string;
  menteeId: string;
  mentorId: string;
  menteeName: string;
  mentorName: string;
  score: number;
  stage: string;
  endedReason: string | null;
  health: string | null;
  checkIns: number;
  checkInAnswers: number;
  /** The round of each check-in answer given (two a round when both answer). */
  answeredRounds: number[];
  menteeFinal: { questionsAnswered?: string; satisfaction: number; recommend: number; improve: string } | null;
  mentorFinal: { satisfaction: number; recommend: number; improve: string } | null;
  /** Each party's answers to check-in round 0 (in a flash cohort, the feedback after the meetings), if any. */
  menteeFeedback: Feedback | null;
  mentorFeedback: Feedback | null;
  /** The two together, as the report counts them. */
  feedback: Feedback[] | null;
  /** Each party's objectives, with the progress given at the mid-programme review (null before it). */
  menteeObjectives: Objective[];
  mentorObjectives: Objective[];
  /** When it was made: the report's order, then the mentee's name. */
  createdAt: Date;
}

export interface Feedback {
  met: string;
  rating: number;
  continue: string;
  longPair?: string;
}

export interface Objective {
  text: string;
  progress: Progress | null;
}

export async function pairReportRows(sql: Sql, cohortId: string): Promise<PairReportRow[]> {
  const rows = await sql<Omit<PairReportRow, 'feedback'>[]>`
    select p.id as pair_id, p.created_at, p.mentee_id, p.mentor_id, e.name as mentee_name, o.name as mentor_name, p.score, p.stage, p.ended_reason, p.health,
      coalesce((p.summary ->> 'checkIns')::int, 0) as check_ins,
      (select count(*)::int from check_in_answers c where c.pair_id = p.id) as check_in_answers,
      (select coalesce(jsonb_agg(c.round), '[]'::jsonb) from check_in_answers c where c.pair_id = p.id) as answered_rounds,
      (select f.answers from final_survey_answers f where f.pair_id = p.id and f.participant_id = p.mentee_id) as mentee_final,
      (select f.answers from final_survey_answers f where f.pair_id = p.id and f.participant_id = p.mentor_id) as mentor_final,
      (select a.answers from check_in_answers a where a.pair_id = p.id and a.round = 0 and a.participant_id = p.mentee_id) as mentee_feedback,
      (select a.answers from check_in_answers a where a.pair_id = p.id and a.round = 0 and a.participant_id = p.mentor_id) as mentor_feedback,
      ${objectives(sql, 'p.mentee_id')} as mentee_objectives,
      ${objectives(sql, 'p.mentor_id')} as mentor_objectives
    from pairs p join participants e on e.id = p.mentee_id join participants o on o.id = p.mentor_id
    join cohorts c on c.id = p.cohort_id
    where p.cohort_id = ${cohortId}
    order by p.created_at`;
  // Names are sealed in the database: pairs made at once are sorted by name here.
  return (await opened(sql, rows))
    .map((row) => {
      const feedback = [row.menteeFeedback, row.mentorFeedback].filter((f) => f !== null);
      return { ...row, feedback: feedback.length ? feedback : null };
    })
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.menteeName.localeCompare(b.menteeName));
}

/**
 * One party's objectives with the progress of the review round (domain/objectives.ts's reviewRound, here in
 * SQL so that the whole report is one query).
 */
const objectives = (sql: Sql, party: 'p.mentee_id' | 'p.mentor_id') => sql`
  coalesce((
    select jsonb_agg(jsonb_build_object('text', t.text, 'progress', a.answers->'progress'->>(t.n - 1)::int) order by t.n)
    from charter_signatures s
    cross join lateral jsonb_array_elements_text(s.objectives) with ordinality as t(text, n)
    left join check_in_answers a on a.pair_id = s.pair_id and a.participant_id = s.participant_id
      and a.round = greatest(0, ceil((c.schedule->>'checkInCount')::numeric / 2)::int - 1)
    where s.pair_id = p.id and s.participant_id = ${sql.unsafe(party)}
  ), '[]'::jsonb)`;

/** The report's comments in the words their authors' final surveys hold now (an erased author's are gone). */
export async function commentTexts(sql: Sql, comments: ReportComment[]): Promise<CommentText[]> {
  if (comments.length === 0) return [];
  const rows = await sql<{ pairId: string; participantId: string; text: string }[]>`
    select f.pair_id, f.participant_id, f.answers ->> 'improve' as text from final_survey_answers f
    join unnest(${comments.map((c) => c.pairId)}::uuid[], ${comments.map((c) => c.participantId)}::uuid[]) as w(pair_id, participant_id)
      on w.pair_id = f.pair_id and w.participant_id = f.participant_id`.then((found) => opened(sql, found));
  const words = new Map(rows.map((r) => [`${r.pairId} ${r.participantId}`, r.text]));
  return comments.flatMap((c) => {
    const text = words.get(`${c.pairId} ${c.participantId}`);
    return text ? [{ role: c.role, text }] : [];
  });
}

export async function countOpenPairs(sql: Sql, cohortId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pairs where cohort_id = ${cohortId} and status = 'active'`;
  return row?.n ?? 0;
}

export async function saveCohortReport(sql: Sql, cohortId: string, report: object): Promise<void> {
  await sql`update cohorts set report = ${sql.json(report as never)}, stage = 'closed' where id = ${cohortId}`;
}
