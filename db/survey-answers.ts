import type { SurveyAnswers } from '../domain/survey.js';
import type { Sql } from './sql.js';

export interface StoredSurveyAnswers {
  participantId: string;
  submissionId: string;
  answers: SurveyAnswers;
  firstSubmittedAt: Date;
  updatedAt: Date;
}

/** Upsert keyed by participant: resubmitting replaces the answers; replaying a submission changes nothing. */
export async function saveSurveyAnswers(
  sql: Sql,
  input: { cohortId: string; participantId: string; submissionId: string; answers: SurveyAnswers },
): Promise<void> {
  await sql`
    insert into survey_answers (participant_id, cohort_id, submission_id, answers)
    values (${input.participantId}, ${input.cohortId}, ${input.submissionId}, ${sql.json(input.answers as never)})
    on conflict (participant_id) do update
      set answers = excluded.answers, submission_id = excluded.submission_id, updated_at = now()
      where survey_answers.submission_id <> excluded.submission_id`;
}

export async function getSurveyAnswers(sql: Sql, participantId: string): Promise<StoredSurveyAnswers | undefined> {
  const [row] = await sql<StoredSurveyAnswers[]>`select * from survey_answers where participant_id = ${participantId}`;
  return row;
}

export async function countSurveyAnswers(sql: Sql, cohortId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from survey_answers where cohort_id = ${cohortId}`;
  return row?.n ?? 0;
}
