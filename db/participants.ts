import type { IdRange } from '../domain/mailing.js';
import type { Role } from '../domain/types.js';
import type { Locale } from '../i18n/locales.js';
import type { Cohort } from './cohorts.js';
import { randomUUID } from 'node:crypto';
import { createDataKeys, emailIndexOf, nameTokensOf, emailIndexesOf, opened, sealFields } from './data-keys.js';
import { json, type Sql, type Tx } from './sql.js';

export interface Participant {
  id: string;
  cohortId: string;
  csvLine: number;
  name: string;
  email: string;
  role: Role;
  languages: string[];
  /** Their own language of communication and time zone; null: the cohort's. */
  language: Locale | null;
  timeZone: string | null;
  attributes: Record<string, string>;
  joinedLate: boolean;
  surveyDeadline: Date | null;
  /** When they left the programme (did not sign their charter, or were erased): no longer matched. */
  leftAt: Date | null;
  /** When their data was erased: their row stays as an id for the pairs and figures, with nothing personal. */
  erasedAt: Date | null;
}

export async function getParticipant(sql: Sql | Tx, id: string): Promise<Participant | undefined> {
  const [participant] = await sql<Participant[]>`select * from participants where id = ${id}`;
  return opened(sql, participant);
}

/** Whether the participant was erased (or never was one): nothing more is sent to them nor taken from them. */
export async function isErased(sql: Sql, id: string): Promise<boolean> {
  return !(await notErased(sql, [id])).has(id);
}

/** Which of these participants are still here, neither erased nor deleted: nothing more is sent to the others. */
export async function notErased(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  const rows = await sql<{ id: string }[]>`select id from participants where id = any(${ids as string[]}) and erased_at is null`;
  return new Set(rows.map((r) => r.id));
}

/** What a participant's survey pages show of their cohort; a flash cohort's survey is shorter. */
export type SurveyCohort = Pick<Cohort, 'id' | 'slug' | 'name' | 'privacyNotice' | 'translations' | 'language' | 'timeZone'> & {
  flash: boolean;
};

/** A participant of the given cohort, with what their survey shows of it: one query, as answers come in bursts. */
export async function getParticipantInCohort(
  sql: Sql,
  participantId: string,
  cohortId: string,
): Promise<{ participant: Participant; cohort: SurveyCohort } | undefined> {
  const [row] = await sql<
    (Participant & {
      cohortSlug: string;
      cohortName: string;
      cohortPrivacyNotice: string;
      cohortTranslations: Cohort['translations'];
      cohortLanguage: Locale;
      cohortTimeZone: string;
      cohortFlash: boolean;
    })[]
  >`
    select p.*, c.slug as cohort_slug, c.name as cohort_name, c.privacy_notice as cohort_privacy_notice, c.translations as cohort_translations, c.language as cohort_language, c.time_zone as cohort_time_zone,
      c.schedule ? 'flash' as cohort_flash
    from participants p join cohorts c on c.id = p.cohort_id
    where p.id = ${participantId} and c.id = ${cohortId}`;
  if (!row) return undefined;
  const { cohortSlug, cohortName, cohortPrivacyNotice, cohortTranslations, cohortLanguage, cohortTimeZone, cohortFlash, ...participant } =
    row;
  return {
    participant: await opened(sql, participant),
    cohort: {
      id: cohortId,
      slug: cohortSlug,
      name: cohortName,
      privacyNotice: cohortPrivacyNotice,
      translations: cohortTranslations,
      language: cohortLanguage,
      timeZone: cohortTimeZone,
      flash: cohortFlash,
    },
  };
}

/** A participant's choice of language (from the menu on their survey page). */
export async function setParticipantLanguage(sql: Sql, participantId: string, language: Locale): Promise<void> {
  await sql`update participants set language = ${language} where id = ${participantId}`;
}

/** The time zone their browser reported, kept unless they already have one (the admin's CSV wins). */
export async function detectParticipantTimeZone(sql: Sql, participantId: string, timeZone: string): Promise<void> {
  await sql`update participants set time_zone = ${timeZone} where id = ${participantId} and time_zone is null`;
}

/** Participants of a cohort in CSV order; with `unansweredOnly`, those still owing their survey. */
export async function listParticipants(
  sql: Sql,
  cohortId: string,
  options: { unansweredOnly?: boolean; within?: IdRange } = {},
): Promise<Participant[]> {
  return opened(
    sql,
    await sql<Participant[]>`
      select p.* from participants p
      where p.cohort_id = ${cohortId}
        ${options.unansweredOnly ? unanswered(sql) : sql``}
        ${options.within ? sql`and p.id between ${options.within.first} and ${options.within.last}` : sql``}
      order by p.csv_line`,
  );
}

const unanswered = (sql: Sql) => sql`and not exists (select 1 from survey_answers a where a.participant_id = p.id)`;

/** The ids of a cohort's participants (or of those who have not answered the survey), in order: what a mailing is cut from. */
export async function participantIds(sql: Sql, cohortId: string, options: { unansweredOnly?: boolean } = {}): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select p.id from participants p where p.cohort_id = ${cohortId} ${options.unansweredOnly ? unanswered(sql) : sql``} order by p.id`;
  return rows.map((r) => r.id);
}

/** How many of the cohort's participants read each language (their own, or the cohort's), erased people left out. */
export async function readersByLanguage(sql: Sql, cohortId: string): Promise<Partial<Record<Locale, number>>> {
  const rows = await sql<{ language: Locale; n: number }[]>`
    select coalesce(p.language, c.language) as language, count(*)::int as n
    from participants p join cohorts c on c.id = p.cohort_id
    where p.cohort_id = ${cohortId} and p.erased_at is null group by 1`;
  return Object.fromEntries(rows.map((r) => [r.language, r.n]));
}

export async function countParticipants(sql: Sql, cohortId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from participants where cohort_id = ${cohortId}`;
  return row?.n ?? 0;
}

export interface ParticipantProgress {
  id: string;
  name: string;
  email: string;
  role: Role;
  invitedAt: Date | null;
  reminders: number;
  answeredAt: Date | null;
  /** Why the mail service refused this address, if it did. */
  emailBounced: string | null;
}

/** The intake survey in figures, counted by PostgreSQL: nobody's data is opened for them. */
export interface SurveyFigures {
  participants: number;
  invited: number;
  answered: number;
  reminded: number;
}

export async function surveyFigures(sql: Sql, cohortId: string): Promise<SurveyFigures> {
  const [figures] = await sql<SurveyFigures[]>`
    select count(*)::int as participants, count(a.participant_id)::int as answered,
      count(*) filter (where exists (select 1 from sent_emails e where e.participant_id = p.id and e.kind = 'survey-invitation'))::int as invited,
      count(*) filter (where exists (select 1 from sent_emails e where e.participant_id = p.id and e.kind = 'survey-reminder'))::int as reminded
    from participants p left join survey_answers a on a.participant_id = p.id
    where p.cohort_id = ${cohortId} and p.erased_at is null`;
  return figures!;
}

/**
 * One row per participant with where they are in the intake survey (erased people are gone); with `missing`,
 * the first of those who have not answered only.
 */
export async function surveyProgress(sql: Sql, cohortId: string, missing?: { first: number }): Promise<ParticipantProgress[]> {
  return opened(
    sql,
    await sql<ParticipantProgress[]>`
    select p.id, p.name, p.email, p.role,
      (select min(e.sent_at) from sent_emails e where e.participant_id = p.id and e.kind = 'survey-invitation') as invited_at,
      (select count(*)::int from sent_emails e where e.participant_id = p.id and e.kind = 'survey-reminder') as reminders,
      a.updated_at as answered_at,
      (select e.error from sent_emails e where e.participant_id = p.id and e.status = 'bounced' order by e.sent_at desc limit 1) as email_bounced
    from participants p left join survey_answers a on a.participant_id = p.id
    where p.cohort_id = ${cohortId} and p.erased_at is null ${missing ? sql`and a.participant_id is null` : sql``}
    order by p.csv_line ${missing ? sql`limit ${missing.first}` : sql``}`,
  );
}

/** A late joiner's own survey window; returns the participants it applies to (of this cohort). */
export async function openLateSurvey(sql: Sql, cohortId: string, participantIds: string[], deadline: Date): Promise<Participant[]> {
  return opened(
    sql,
    await sql<Participant[]>`
      update participants set survey_deadline = ${deadline}, joined_late = true
      where cohort_id = ${cohortId} and id = any(${participantIds}::uuid[])
      returning *`,
  );
}

export async function findParticipantByEmail(sql: Sql | Tx, cohortId: string, email: string): Promise<Participant | undefined> {
  const [row] = await sql<Participant[]>`
    select * from participants where cohort_id = ${cohortId} and email_index = any(${emailIndexesOf(email)}::text[])`;
  return opened(sql, row);
}

export async function insertLateJoiner(
  sql: Sql,
  cohortId: string,
  p: { name: string; email: string; role: Role; languages: string[]; language?: Locale | null; timeZone?: string | null },
): Promise<Participant> {
  return sql.begin(async (tx) => {
    const [id] = await insertParticipants(tx, [
      {
        cohortId,
        csvLine: 0,
        ...p,
        language: p.language ?? null,
        timeZone: p.timeZone ?? null,
        attributes: {},
        joinedLate: true,
      },
    ]);
    return (await getParticipant(tx, id!))!;
  });
}

export type NewParticipant = Omit<Participant, 'id' | 'surveyDeadline' | 'leftAt' | 'erasedAt'>;

/** Stores participants, each with a new data key sealing their name, address and CSV values; returns their ids. */
export async function insertParticipants(tx: Tx, people: NewParticipant[]): Promise<string[]> {
  const ids = people.map(() => randomUUID());
  const keys = await createDataKeys(tx, ids);
  const rows = people.map((person, i) => {
    const id = ids[i]!;
    const key = keys.get(id)!;
    return {
      ...sealFields(id, key, person, ['name', 'email']),
      id,
      emailIndex: emailIndexOf(person.email),
      nameTokens: nameTokensOf(person.name),
      attributes: json(tx, sealFields(id, key, person.attributes, Object.keys(person.attributes))),
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await tx`insert into participants ${tx(rows.slice(i, i + 1000) as never)}`;
  return ids;
}

/** The free columns of the cohort's CSV, which the admin may choose as matching criteria. */
export async function attributeColumns(sql: Sql, cohortId: string): Promise<string[]> {
  const rows = await sql<
    { column: string }[]
  >`select distinct jsonb_object_keys(attributes) as column from participants where cohort_id = ${cohortId} order by 1`;
  return rows.map((r) => r.column);
}
