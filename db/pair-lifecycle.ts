import type { AlertDetails, AlertView } from '../domain/alerts.js';
import type { CheckInAnswers } from '../domain/check-in.js';
import type { FinalSurveyAnswers } from '../domain/final-survey.js';
import type { Progress } from '../domain/objectives.js';
import type { HealthReason } from '../domain/pair-health.js';
import { OWN_WORDS } from '../domain/own-words.js';
import { checkInSubject, storeAnswer, type Stored } from './answers.js';
import { opened, sealedFor } from './data-keys.js';
import type { OwedSignal } from '../domain/types.js';
import type { Fragment, Sql } from './sql.js';
import { json } from './sql.js';

/** What a signature holds in the signer's words: sealed under their key, as the forms' own words are. */
const SIGNATURE_TEXT = ['typedName', 'objectives'];

export interface Signature {
  participantId: string;
  typedName: string;
  signedAt: Date;
  /** Written on the charter page when the cohort asks for objectives; empty otherwise. */
  objectives?: string[];
}

export async function signaturesOf(sql: Sql, pairId: string): Promise<Signature[]> {
  return opened(
    sql,
    await sql<
      Signature[]
    >`select participant_id, typed_name, signed_at, objectives from charter_signatures where pair_id = ${pairId} order by signed_at`,
  );
}

/**
 * Each party's objectives, with the progress they gave each at the review (null before it), by participant.
 * Read by the check-in page, the pair's page and the report.
 */
export async function objectivesOf(
  sql: Sql,
  pairId: string,
  review: number,
): Promise<Record<string, { text: string; progress: Progress | null }[]>> {
  const rows = await sql<{ participantId: string; objectives: string[]; progress: Progress[] | null }[]>`
    select s.participant_id, s.objectives, a.answers->'progress' as progress
    from charter_signatures s
    left join check_in_answers a on a.pair_id = s.pair_id and a.participant_id = s.participant_id and a.round = ${review}
    where s.pair_id = ${pairId}`.then((found) => opened(sql, found));
  return Object.fromEntries(
    rows.map((r) => [r.participantId, r.objectives.map((text, i) => ({ text, progress: r.progress?.[i] ?? null }))]),
  );
}

export async function setPairStage(sql: Sql, pairId: string, stage: string): Promise<void> {
  await sql`update pairs set stage = ${stage} where id = ${pairId}`;
}

/** Paused with its reason, or resumed (null). */
export async function setPairPaused(sql: Sql, pairId: string, paused: { since: Date; reason: string } | null): Promise<void> {
  await sql`update pairs set paused_since = ${paused?.since ?? null}, pause_reason = ${paused?.reason ?? null} where id = ${pairId}`;
}

/** Participants who leave the programme (e.g. did not sign their charter): no longer matched. */
export async function markLeft(sql: Sql, participantIds: string[]): Promise<void> {
  if (participantIds.length)
    await sql`update participants set left_at = coalesce(left_at, now()) where id = any(${participantIds}::uuid[])`;
}

export interface Alert extends AlertView {
  id: string;
  cohortId: string;
  pairId: string | null;
  createdAt: Date;
}

/** Stores an alert once per key; returns whether it is new (so it is emailed once). */
export async function insertAlert(
  sql: Sql,
  alert: { key: string; cohortId: string; pairId?: string; details: AlertDetails },
): Promise<boolean> {
  const rows = await sql`
    insert into alerts (alert_key, cohort_id, pair_id, details)
    values (${alert.key}, ${alert.cohortId}, ${alert.pairId ?? null}, ${sql.json(alert.details)})
    on conflict (alert_key) do nothing returning id`;
  return rows.length > 0;
}

/**
 * Alerts with what their people say when they are read (domain/alerts.ts): the names of the participants
 * their details name, not erased, and the words of a health alert's check-in that someone found in the way.
 */
const alertsWithPeople = async (sql: Sql, where: Fragment) =>
  opened(
    sql,
    await sql<Alert[]>`
  select a.id, a.cohort_id, a.pair_id, a.message, a.details, a.created_at,
    coalesce((
      select jsonb_object_agg(p.id, jsonb_build_object('name', p.name, 'email', p.email)) from participants p
      where p.erased_at is null
        and p.id = any(array[a.details ->> 'menteeId', a.details ->> 'mentorId', a.details ->> 'participantId']::uuid[])
    ), '{}') as people,
    coalesce((
      select jsonb_object_agg(c.participant_id, c.answers ->> 'blocking') from check_in_answers c
      where a.details ->> 'kind' = 'health' and c.pair_id = a.pair_id and c.round = (a.details ->> 'checkIn')::int - 1
        and a.details -> 'blockedIds' ? c.participant_id::text and coalesce(c.answers ->> 'blocking', '') <> ''
    ), '{}') as words
  from alerts a ${where}`,
  );

/**
 * The cohort's alerts nobody has marked as dealt with yet, but those of a pair that has ended since: its end
 * settled them (the alert that it was dissolved stays until dealt with).
 */
export async function listAlerts(sql: Sql, cohortId: string): Promise<Alert[]> {
  return alertsWithPeople(
    sql,
    sql`where a.cohort_id = ${cohortId} and a.acknowledged_at is null
      and (a.pair_id is null or a.details ->> 'kind' = 'pair-dissolved' or exists (select 1 from pairs p where p.id = a.pair_id and p.status = 'active'))
      order by a.created_at desc limit 100`,
  );
}

/** One alert, by its key: what its email says. */
export async function getAlertByKey(sql: Sql, key: string): Promise<Alert | undefined> {
  const [alert] = await alertsWithPeople(sql, sql`where a.alert_key = ${key}`);
  return alert;
}

/** The admin has dealt with it; returns false when there is no such alert in the cohort. */
export async function acknowledgeAlert(sql: Sql, cohortId: string, alertId: string): Promise<boolean> {
  const rows =
    await sql`update alerts set acknowledged_at = coalesce(acknowledged_at, now()) where id = ${alertId} and cohort_id = ${cohortId} returning id`;
  return rows.length > 0;
}

export async function listPairAlerts(sql: Sql, pairId: string): Promise<Alert[]> {
  return alertsWithPeople(sql, sql`where a.pair_id = ${pairId} order by a.created_at desc limit 50`);
}

export async function setPairHealth(sql: Sql, pairId: string, health: string, reasons: HealthReason[]): Promise<void> {
  await sql`update pairs set health = ${health}, health_reasons = ${sql.json(reasons)} where id = ${pairId}`;
}

export async function checkInAnswered(sql: Sql, pairId: string, round: number, participantId: string): Promise<boolean> {
  const rows =
    await sql`select 1 from check_in_answers where pair_id = ${pairId} and round = ${round} and participant_id = ${participantId}`;
  return rows.length > 0;
}

export async function finalSurveyAnswered(sql: Sql, pairId: string, participantId: string): Promise<boolean> {
  return (await sql`select 1 from final_survey_answers where pair_id = ${pairId} and participant_id = ${participantId}`).length > 0;
}

export async function savePairSummary(sql: Sql, pairId: string, summary: object): Promise<void> {
  await sql`update pairs set summary = ${sql.json(summary as never)} where id = ${pairId}`;
}

/** What the web stores for a party of a pair, and the signal its workflow is owed for a first answer. */
interface PartyAnswer {
  pairId: string;
  participantId: string;
  /** The form's id: sent again (after an error page), the same form replaces what it stored. */
  requestId: string;
  signal: OwedSignal;
}

/**
 * One answer per party and form: `write` inserts it `from` the open window, replacing only a row of the same
 * form (same request id), so a second form is refused.
 */
function storePartyAnswer(
  sql: Sql,
  answer: PartyAnswer,
  form: 'charter' | 'check-in' | 'final-survey',
  subjectId: string,
  write: (openWindow: Fragment) => Fragment,
): Promise<Stored> {
  return storeAnswer(sql, { lock: { form, subjectId }, subjectIds: [subjectId], signal: answer.signal, write });
}

export async function signCharter(sql: Sql, party: PartyAnswer & { typedName: string; objectives?: string[] }): Promise<Stored> {
  const answer = await sealedFor(sql, party.participantId, party, SIGNATURE_TEXT);
  return storePartyAnswer(
    sql,
    answer,
    'charter',
    answer.pairId,
    (openWindow) => sql`
    insert into charter_signatures (pair_id, participant_id, typed_name, objectives, request_id)
    select ${answer.pairId}::uuid, ${answer.participantId}::uuid, ${answer.typedName}, ${json(sql, answer.objectives ?? [])}, ${answer.requestId}::uuid from ${openWindow}
    on conflict (pair_id, participant_id) do update set typed_name = excluded.typed_name, objectives = excluded.objectives
      where charter_signatures.request_id = excluded.request_id
    returning signed_at = now() as first`,
  );
}

export async function submitCheckIn(sql: Sql, party: PartyAnswer & { round: number; answers: CheckInAnswers }): Promise<Stored> {
  const answer = { ...party, answers: await sealedFor(sql, party.participantId, party.answers, OWN_WORDS.checkIn) };
  return storePartyAnswer(
    sql,
    answer,
    'check-in',
    checkInSubject(answer.pairId, answer.round),
    (openWindow) => sql`
    insert into check_in_answers (pair_id, round, participant_id, answers, request_id)
    select ${answer.pairId}::uuid, ${answer.round}::int, ${answer.participantId}::uuid, ${json(sql, answer.answers)}, ${answer.requestId}::uuid from ${openWindow}
    on conflict (pair_id, round, participant_id) do update set answers = excluded.answers
      where check_in_answers.request_id = excluded.request_id
    returning submitted_at = now() as first`,
  );
}

export async function submitFinalSurvey(sql: Sql, party: PartyAnswer & { answers: FinalSurveyAnswers }): Promise<Stored> {
  const answer = { ...party, answers: await sealedFor(sql, party.participantId, party.answers, OWN_WORDS.finalSurvey) };
  return storePartyAnswer(
    sql,
    answer,
    'final-survey',
    answer.pairId,
    (openWindow) => sql`
    insert into final_survey_answers (pair_id, participant_id, answers, request_id)
    select ${answer.pairId}::uuid, ${answer.participantId}::uuid, ${json(sql, answer.answers)}, ${answer.requestId}::uuid from ${openWindow}
    on conflict (pair_id, participant_id) do update set answers = excluded.answers
      where final_survey_answers.request_id = excluded.request_id
    returning submitted_at = now() as first`,
  );
}

/** Both parties' answers to one check-in round, by participant. */
export async function checkInAnswersOf(sql: Sql, pairId: string, round: number): Promise<Record<string, CheckInAnswers>> {
  const rows = await sql<
    { participantId: string; answers: CheckInAnswers }[]
  >`select participant_id, answers from check_in_answers where pair_id = ${pairId} and round = ${round}`.then((found) =>
    opened(sql, found),
  );
  return Object.fromEntries(rows.map((r) => [r.participantId, r.answers]));
}

export async function finalSurveyRespondents(sql: Sql, pairId: string): Promise<string[]> {
  return (
    await sql<{ participantId: string }[]>`select participant_id from final_survey_answers where pair_id = ${pairId} order by submitted_at`
  ).map((r) => r.participantId);
}
