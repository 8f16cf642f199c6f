import type { TimelineEvent } from '../domain/pair-timeline.js';
import { opened } from './data-keys.js';
import type { Sql } from './sql.js';

/**
 * What happened to a pair, oldest first, from the rows where each fact lives: the emails sent to its two about
 * it (their idempotency keys name the pair; alerts to the admins are on the page already), signatures, answers (opened: they are their authors' words), the windows
 * its workflow closed, and the admins' actions from the audit log, with the name of the admin who acted.
 */
export async function pairTimeline(sql: Sql, pair: { id: string; cohortId: string; createdAt: Date }): Promise<TimelineEvent[]> {
  const rows = await sql<TimelineEvent[]>`
    select 'email' as kind, sent_at as at, participant_id, kind as detail, status, null::jsonb as answers, null as actor
      from sent_emails where cohort_id = ${pair.cohortId} and participant_id is not null and idempotency_key like ${`%:${pair.id}:%`}
    union all
    select 'signed', signed_at, participant_id, null, null, null, null from charter_signatures where pair_id = ${pair.id}
    union all
    select 'check-in', submitted_at, participant_id, round::text, null, answers, null from check_in_answers where pair_id = ${pair.id}
    union all
    select 'final-survey', submitted_at, participant_id, null, null, answers, null from final_survey_answers where pair_id = ${pair.id}
    union all
    select 'closed', closed_at, null, form || coalesce('#' || nullif(split_part(subject_id, '#', 2), ''), ''), null, null, null
      from answer_windows where pair_id = ${pair.id} and closed_at is not null
    union all
    select 'action', l.at, null, l.action, null, null, coalesce(a.name, l.actor)
      from audit_log l left join admin_accounts a on a.id = l.account_id
      where l.cohort_id = ${pair.cohortId} and l.subject_id = ${pair.id}
    order by at`;
  return [
    { kind: 'matched', at: pair.createdAt, participantId: null, detail: null, status: null, answers: null, actor: null },
    ...(await opened(sql, rows)),
  ];
}
