import type { SurveyAnswers } from '../domain/survey.js';
import { OWN_WORDS } from '../domain/own-words.js';
import { storeAnswer, type Stored } from './answers.js';
import { opened, sealedFor } from './data-keys.js';
import type { OwedSignal } from '../domain/types.js';
import type { Sql } from './sql.js';
import { json } from './sql.js';

export interface StoredSurveyAnswers {
  participantId: string;
  submissionId: string;
  answers: SurveyAnswers;
  firstSubmittedAt: Date;
  updatedAt: Date;
}

/**
 * A participant's intake survey, if their window is open (a late joiner's own, else the cohort's). Sending
 * again replaces the answers: the last form sent is the one kept. The workflow hears of first answers only.
 */
export async function submitSurveyAnswers(
  sql: Sql,
  input: { cohortId: string; participantId: string; submissionId: string; answers: SurveyAnswers; signal: OwedSignal },
): Promise<Stored> {
  const answers = await sealedFor(sql, input.participantId, input.answers, OWN_WORDS.survey);
  return storeAnswer(sql, {
    lock: { form: 'survey', subjectId: input.cohortId },
    subjectIds: [input.participantId, input.cohortId],
    signal: input.signal,
    write: (openWindow) => sql`
      insert into survey_answers (participant_id, cohort_id, submission_id, answers)
      select ${input.participantId}::uuid, ${input.cohortId}::uuid, ${input.submissionId}::uuid, ${json(sql, answers)} from ${openWindow}
      on conflict (participant_id) do update
        set answers = excluded.answers, submission_id = excluded.submission_id, updated_at = now()
      returning first_submitted_at = now() as first`,
  });
}

export async function getSurveyAnswers(sql: Sql, participantId: string): Promise<StoredSurveyAnswers | undefined> {
  const [row] = await sql<StoredSurveyAnswers[]>`select * from survey_answers where participant_id = ${participantId}`;
  return opened(sql, row);
}

export async function countSurveyAnswers(sql: Sql, cohortId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from survey_answers where cohort_id = ${cohortId}`;
  return row?.n ?? 0;
}
