import type { AlertDetails } from '../domain/alerts.js';
import { OWN_WORDS } from '../domain/own-words.js';
import { opened } from './data-keys.js';
import type { Sql, Tx } from './sql.js';

/**
 * One participant's personal data: what Tandem holds about them (GDPR article 15), and its erasure (article 17).
 *
 * Each person's data has one home: their participant row and the rows they own (survey answers, signatures,
 * check-in and final-survey answers, email records, their sign-up). Everything else names them by id and reads
 * their words when it is shown (alerts, the report's comments). So erasure goes by reference, never by searching
 * text: it empties the rows that are theirs and the parts of shared records that name them by id, and touches no
 * one else's words. `PERSONAL_COLUMNS` says where each text or JSON column stands; a test holds it against the
 * schema, so a table added later cannot be left out of the export and the erasure.
 */

/** How a text or JSON column holds people's data. */
export type ColumnRole =
  /** Belongs to the participant the row names (by `participant_id`, or the row is theirs): exported and erased with them. */
  | 'own'
  /** Shared, naming people by id: the parts that name the erased person lose their words, by that id. */
  | 'by-reference'
  /** The admins' own notes about a pair or a proposal, which may name its people: erased with either party. */
  | 'admin-note'
  /** Holds no participant's data: ids, settings, states, what admins or operators configured. */
  | 'none';

export const PERSONAL_COLUMNS: Record<string, ColumnRole> = {
  'participants.name': 'own',
  'participants.email': 'own',
  'participants.languages': 'own',
  'participants.attributes': 'own',
  'participants.role': 'none',
  'participants.language': 'own',
  'participants.time_zone': 'own',
  'participants.email_index': 'own',
  'participants.name_tokens': 'own',
  'participant_keys.master_key_id': 'none',
  'survey_answers.answers': 'own',
  'charter_signatures.typed_name': 'own',
  'charter_signatures.objectives': 'own',
  'check_in_answers.answers': 'own',
  'final_survey_answers.answers': 'own',
  'sent_emails.to_address': 'own',
  'sent_emails.error': 'own',
  'sent_emails.kind': 'none',
  'sent_emails.idempotency_key': 'none',
  'sent_emails.provider_message_id': 'none',
  'sent_emails.status': 'none',
  'enrolment_requests.name': 'own',
  'enrolment_requests.email': 'own',
  'enrolment_requests.role': 'none',
  'enrolment_requests.language': 'own',
  'outbox_messages.to_address': 'own',
  'outbox_messages.subject': 'own',
  'outbox_messages.html': 'own',
  'outbox_messages.text': 'own',
  'outbox_messages.from_address': 'none',
  'outbox_messages.idempotency_key': 'none',
  'alerts.details': 'by-reference',
  'alerts.message': 'by-reference',
  'alerts.alert_key': 'none',
  'cohorts.report': 'by-reference',
  'match_runs.inputs': 'by-reference',
  'match_runs.result': 'by-reference',
  'match_adjustments.details': 'by-reference',
  'match_adjustments.warnings': 'by-reference',
  'match_adjustments.reason': 'admin-note',
  'match_exclusions.reason': 'admin-note',
  'pairs.criteria': 'by-reference',
  'pairs.health_reasons': 'none',
  'pairs.summary': 'admin-note',
  'pairs.ended_reason': 'admin-note',
  'pairs.pause_reason': 'admin-note',
  'pairs.rematch_ids': 'none',
  'pairs.workflow_id': 'none',
  'pairs.status': 'none',
  'pairs.stage': 'none',
  'pairs.health': 'none',
  'audit_log.actor': 'none',
  'audit_log.action': 'none',
  'audit_log.subject_id': 'none',
  'audit_log.details': 'none',
  'workflow_signals.payload': 'none',
  'workflow_signals.workflow_id': 'none',
  'workflow_signals.signal': 'none',
  'workflow_signals.last_error': 'none',
  'workflow_signals.trace_context': 'none',
  'email_events.id': 'none',
  'email_events.type': 'none',
  'email_events.provider_message_id': 'none',
  'answer_windows.form': 'none',
  'answer_windows.subject_id': 'none',
  'match_runs.kind': 'none',
  'match_runs.algorithm': 'none',
  'match_runs.settings': 'none',
  'match_runs.status': 'none',
  'match_adjustments.request_id': 'none',
  'match_adjustments.action': 'none',
  'cohorts.slug': 'none',
  'cohorts.name': 'none',
  'cohorts.description': 'none',
  'cohorts.charter': 'none',
  'cohorts.translations': 'none',
  'cohorts.schedule': 'none',
  'cohorts.stage': 'none',
  'cohorts.match_settings': 'none',
  'cohorts.privacy_notice': 'none',
  'cohorts.language': 'none',
  'cohorts.time_zone': 'none',
  'cohorts.enrolment_key': 'none',
  'system_alerts.alert_key': 'none',
  'system_alerts.message': 'none',
  // Admins' own accounts and sessions: the staff of the organisation, no participant's data.
  'admin_accounts.login': 'none',
  'admin_accounts.name': 'none',
  'admin_accounts.email': 'none',
  'admin_accounts.role': 'none',
  'admin_accounts.language': 'none',
  'admin_accounts.password_hash': 'none',
  'admin_accounts.totp_secret': 'none',
  'admin_accounts.status': 'none',
  'admin_tickets.kind': 'none',
  'admin_sessions.id': 'none',
  'admin_sessions.time_zone': 'none',
  'admin_sessions.address': 'none',
  'admin_sessions.user_agent': 'none',
  'login_successes.address': 'none',
  'login_failures.scope': 'none',
  'login_failures.key': 'none',
  'enrolment_attempts.address': 'none',
  'schema_migrations.name': 'none',
  // The organisation and whom participants contact: the association's own details, no participant's.
  'organisation.name': 'none',
  'organisation.colour': 'none',
  'organisation.sender_name': 'none',
  'organisation.sender_address': 'none',
  'organisation.reply_to': 'none',
  'organisation.contact_name': 'none',
  'organisation.contact_email': 'none',
  'organisation.logo_type': 'none',
  'organisation.logo_version': 'none',
  'outbox_messages.reply_to': 'none',
};

/** The columns that name a participant by id, each exported and erased below (the schema's references, and two without one). */
export const PARTICIPANT_REFERENCES = [
  'survey_answers.participant_id',
  'sent_emails.participant_id',
  'pairs.mentee_id',
  'pairs.mentor_id',
  'match_exclusions.mentee_id',
  'match_exclusions.mentor_id',
  'charter_signatures.participant_id',
  'check_in_answers.participant_id',
  'final_survey_answers.participant_id',
  'enrolment_requests.participant_id',
  'participant_keys.participant_id',
] as const;

/** What a person typed in their check-in and final-survey answers; the rest (choices, ratings) are figures and stay. */
const WRITTEN_ANSWERS = [...OWN_WORDS.checkIn, ...OWN_WORDS.finalSurvey];

export interface PersonalData {
  participant: {
    id: string;
    cohortId: string;
    cohort: string;
    name: string;
    email: string;
    role: string;
    languages: string[];
    attributes: Record<string, string>;
    language: string | null;
    timeZone: string | null;
    joinedLate: boolean;
    leftAt: Date | null;
    erasedAt: Date | null;
  };
  enrolment: { name: string; email: string; role: string; language: string | null; requestedAt: Date; confirmedAt: Date | null } | null;
  surveyAnswers: { answers: Record<string, unknown>; firstSubmittedAt: Date; updatedAt: Date } | null;
  pairs: {
    pairId: string;
    role: string;
    partnerId: string;
    status: string;
    stage: string;
    health: string | null;
    startedAt: Date;
    endedReason: string | null;
  }[];
  charterSignatures: { pairId: string; typedName: string; objectives: string[]; signedAt: Date }[];
  /** Each objective with the progress they gave it at each check-in that asked. */
  objectives: { pairId: string; objective: string; ratings: { checkIn: number; progress: string }[] }[];
  /** Every check-in answer; round 0 of a flash pair is the feedback on its meetings. */
  checkIns: { pairId: string; round: number; answers: Record<string, unknown>; submittedAt: Date }[];
  finalSurveys: { pairId: string; answers: Record<string, unknown>; submittedAt: Date }[];
  /** Alerts to the admin that name them (a pair's health, charter, a bounced address). */
  alerts: { pairId: string | null; details: AlertDetails | null; createdAt: Date; acknowledgedAt: Date | null }[];
  /** What admins did about them or their pairs: exports, erasure, actions on a pair. */
  auditEntries: { actor: string; action: string; subjectId: string; at: Date }[];
  emails: { kind: string; toAddress: string; status: string; error: string | null; sentAt: Date }[];
}

/** Everything Tandem keeps about one participant, readable as it is. Undefined when there is no such participant. */
export async function personalDataOf(sql: Sql | Tx, participantId: string): Promise<PersonalData | undefined> {
  const [participant] = await sql<PersonalData['participant'][]>`
    select p.id, p.cohort_id, c.name as cohort, p.name, p.email, p.role, p.languages, p.attributes, p.language, p.time_zone, p.joined_late, p.left_at, p.erased_at
    from participants p join cohorts c on c.id = p.cohort_id where p.id = ${participantId}`;
  if (!participant) return undefined;
  const [enrolment] = await sql<NonNullable<PersonalData['enrolment']>[]>`
    select name, email, role, language, requested_at, confirmed_at from enrolment_requests where participant_id = ${participantId} order by requested_at limit 1`;
  const [survey] = await sql<
    NonNullable<PersonalData['surveyAnswers']>[]
  >`select answers, first_submitted_at, updated_at from survey_answers where participant_id = ${participantId}`;
  const pairs = await sql<PersonalData['pairs']>`
    select id as pair_id, case when mentee_id = ${participantId} then 'mentee' else 'mentor' end as role,
      case when mentee_id = ${participantId} then mentor_id else mentee_id end as partner_id, status, stage, health, created_at as started_at, ended_reason
    from pairs where ${participantId} in (mentee_id, mentor_id) order by created_at, id`;
  const pairIds = pairs.map((p) => p.pairId);
  const checkIns = await sql<
    PersonalData['checkIns']
  >`select pair_id, round, answers, submitted_at from check_in_answers where participant_id = ${participantId} order by submitted_at, pair_id, round`;
  const charterSignatures = await sql<
    PersonalData['charterSignatures']
  >`select pair_id, typed_name, objectives, signed_at from charter_signatures where participant_id = ${participantId} order by signed_at, pair_id`;
  return opened(sql, {
    participant,
    enrolment: enrolment ?? null,
    surveyAnswers: survey ?? null,
    pairs,
    charterSignatures,
    objectives: charterSignatures.flatMap((s) =>
      s.objectives.map((objective, i) => ({
        pairId: s.pairId,
        objective,
        ratings: checkIns
          .filter((c) => c.pairId === s.pairId && Array.isArray(c.answers.progress))
          .map((c) => ({ checkIn: c.round + 1, progress: String((c.answers.progress as unknown[])[i] ?? '') })),
      })),
    ),
    checkIns,
    finalSurveys: await sql<
      PersonalData['finalSurveys']
    >`select pair_id, answers, submitted_at from final_survey_answers where participant_id = ${participantId} order by submitted_at, pair_id`,
    alerts: await sql<PersonalData['alerts']>`
      select pair_id, details, created_at, acknowledged_at from alerts
      where ${participantId} in (details ->> 'menteeId', details ->> 'mentorId', details ->> 'participantId') or (details is null and pair_id = any(${pairIds}::uuid[]))
      order by created_at, id`,
    auditEntries: await sql<PersonalData['auditEntries']>`
      select actor, action, subject_id, at from audit_log where subject_id = ${participantId} or subject_id = any(${pairIds}::text[]) order by at, id`,
    emails: await sql<
      PersonalData['emails']
    >`select kind, to_address, status, error, sent_at from sent_emails where participant_id = ${participantId} order by sent_at, idempotency_key`,
  });
}

/** The id fields by which our JSON documents name a participant. */
const ID_FIELDS = new Set(['id', 'participantId', 'menteeId', 'mentorId', 'otherMenteeId', 'blockedIds', 'missingIds']);
/** Words that are ours, not people's: kept wherever they stand. */
const OUR_WORDS = new Set([...ID_FIELDS, 'role', 'kind', 'criterion', 'label', 'algorithm', 'action']);

/** Every string gone, but ours; figures and ids stay. */
function wordless(value: unknown, key = ''): unknown {
  if (OUR_WORDS.has(key)) return value;
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return value.map((v) => wordless(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wordless(v, k)]));
  return value;
}

/**
 * A shared JSON document (a match run, an adjustment) without the erased person's words: every object that names
 * them by an id field keeps its ids and figures and loses its strings (their name, their answers, a reason about
 * them), except a partner's own name beside theirs; an object keyed by their id loses that key. Nothing is searched
 * for as text, so nobody else's words change.
 */
export function forgetIn(value: unknown, id: string): unknown {
  if (Array.isArray(value)) return value.map((v) => forgetIn(v, id));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const namesThem = [...ID_FIELDS].some((field) => object[field] === id);
  return Object.fromEntries(
    Object.entries(object)
      .filter(([key]) => key !== id)
      .map(([key, v]) => {
        const role = /^(mentee|mentor)Name$/.exec(key)?.[1];
        if (!namesThem || (role && object[`${role}Id`] !== id)) return [key, forgetIn(v, id)];
        return [key, wordless(v, key)];
      }),
  );
}

/** Every match run of a cohort without anyone's words (the end of its retention): ids and figures stay. */
export async function forgetMatchRuns(sql: Sql, cohortId: string): Promise<void> {
  for (const { id } of await sql<{ id: string }[]>`select id from match_runs where cohort_id = ${cohortId}`) {
    const [run] = await sql<{ inputs: unknown; result: unknown }[]>`select inputs, result from match_runs where id = ${id}`;
    await sql`update match_runs set inputs = ${sql.json(wordless(run!.inputs) as never)}, result = ${sql.json(wordless(run!.result) as never)} where id = ${id}`;
  }
  await sql`update match_adjustments set reason = '', warnings = '[]' where match_run_id in (select id from match_runs where cohort_id = ${cohortId})`;
}

export interface Erasure {
  /** False when the person had been erased before (the rest is still done: it is safe to ask twice). */
  erased: boolean;
  /** Their pairs still running: each must end, its other party offered a new partner. */
  activePairs: { pairId: string; workflowId: string; partnerId: string }[];
}

/**
 * Erases one participant in one transaction, by reference only. Their row stays as an id (pairs and the report's
 * figures keep their shape) and says "Erased participant"; their survey answers and dev-outbox messages go, their
 * sign-up keeps only its id; their signatures, objectives and written answers lose their words and keep their dates, choices and ratings;
 * their email records keep kind and date; alerts about their address go; shared records that name them by id
 * (match runs, adjustments, a pair's criteria) lose the words about them; the admins' notes on their pairs and
 * adjustments go. Nobody else's row or words change.
 */
export async function eraseParticipant(sql: Sql, participantId: string, { matchRuns = true } = {}): Promise<Erasure | undefined> {
  return sql.begin(async (tx) => {
    const [person] = await tx<
      { cohortId: string; erasedAt: Date | null }[]
    >`select cohort_id, erased_at from participants where id = ${participantId} for update`;
    if (!person) return undefined;
    if (!person.erasedAt) await eraseRows(tx, participantId, person.cohortId, matchRuns);
    const activePairs = await tx<Erasure['activePairs']>`
      select id as pair_id, workflow_id, case when mentee_id = ${participantId} then mentor_id else mentee_id end as partner_id
      from pairs where status = 'active' and ${participantId} in (mentee_id, mentor_id)`;
    return { erased: !person.erasedAt, activePairs };
  });
}

async function eraseRows(tx: Tx, id: string, cohortId: string, matchRuns: boolean): Promise<void> {
  const theirs = tx`participant_id = ${id}`;
  const theirPairs = tx`pair_id in (select x.id from pairs x where ${id} in (x.mentee_id, x.mentor_id))`;
  // Their key: whatever it sealed, wherever a copy lies (a backup, a dump, a replica), is unreadable from now.
  await tx`delete from participant_keys where ${theirs}`;
  // What they own.
  await tx`delete from survey_answers where ${theirs}`;
  // Their sign-up stays as a bare id, so that its link still knows whom it named: it then answers "erased".
  await tx`update enrolment_requests set name = '', email = '', language = null where ${theirs}`;
  await tx`delete from outbox_messages where idempotency_key in (select idempotency_key from sent_emails where ${theirs})`;
  await tx`update sent_emails set to_address = '', error = null where ${theirs}`;
  await tx`
    update charter_signatures set typed_name = '',
      objectives = (select coalesce(jsonb_agg(to_jsonb(''::text)), '[]') from jsonb_array_elements(objectives))
    where ${theirs}`;
  await tx`update check_in_answers set answers = answers - ${WRITTEN_ANSWERS}::text[] where ${theirs}`;
  await tx`update final_survey_answers set answers = answers - ${WRITTEN_ANSWERS}::text[] where ${theirs}`;
  await tx`
    update participants set name = 'Erased participant', email = ${`erased-${id}@erased.invalid`}, email_index = ${`erased:${id}`},
      languages = '{}', attributes = '{}', name_tokens = '{}',
      language = null, time_zone = null, left_at = coalesce(left_at, now()), erased_at = now()
    where id = ${id}`;
  // Alerts about their address are theirs; alerts about their pairs name them by id and stay whole, except the
  // English text of alerts from before details, which named both.
  await tx`delete from alerts where details ->> 'participantId' = ${id}`;
  await tx`update alerts set message = null where details is null and ${theirPairs}`;
  // The admins' notes on their pairs and adjustments, and what a pair's criteria said of both.
  await tx`
    update pairs set ended_reason = case when ended_reason is null then null else '' end, pause_reason = null, summary = summary - 'reason'
    where ${id} in (mentee_id, mentor_id)`;
  for (const pair of await tx<{ id: string; criteria: unknown }[]>`select id, criteria from pairs where ${id} in (mentee_id, mentor_id)`) {
    await tx`update pairs set criteria = ${tx.json(wordless(pair.criteria) as never)} where id = ${pair.id}`;
  }
  await tx`update match_exclusions set reason = '' where ${id} in (mentee_id, mentor_id)`;
  // The runs that name them (an id is what is looked for, never their words).
  const runs = matchRuns
    ? await tx<{ id: string; inputs: unknown; result: unknown }[]>`
        select id, inputs, result from match_runs where cohort_id = ${cohortId} and (inputs::text like ${`%"${id}"%`} or result::text like ${`%"${id}"%`})`
    : [];
  for (const run of runs) {
    await tx`update match_runs set inputs = ${tx.json(forgetIn(run.inputs, id) as never)}, result = ${tx.json(forgetIn(run.result, id) as never)} where id = ${run.id}`;
  }
  const adjustments = await tx<{ id: string; details: Record<string, unknown>; warnings: unknown }[]>`
    select a.id, a.details, a.warnings from match_adjustments a join match_runs r on r.id = a.match_run_id where r.cohort_id = ${cohortId}`;
  for (const adjustment of adjustments.filter((a) => Object.values(a.details).includes(id))) {
    await tx`update match_adjustments set reason = '', warnings = '[]' where id = ${adjustment.id}`;
  }
}
