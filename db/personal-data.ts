import type { Sql, Tx } from './sql.js';

/**
 * One participant's personal data: what Tandem holds about them (GDPR article 15), and its erasure (article 17).
 * Erasure does not chase the copies one table at a time: it looks for the person's name, email and free text in
 * every text and JSON column of every table, so a table added later is covered too; the same search is how a
 * test proves nothing is left.
 */

/** Free-text answers: what a person wrote in their own words, which may be copied into alerts, reports and runs. */
const FREE_TEXT = ['goals', 'experience', 'preferences', 'blocking', 'improve'];
/** Shorter free text is too likely to be someone else's words too ("Paris"): it goes with its own row only. */
const MIN_FREE_TEXT = 12;
const ERASED = '[erased]';

export interface PersonalData {
  participant: { id: string; cohortId: string; cohort: string; name: string; email: string; role: string; languages: string[]; attributes: Record<string, string>; joinedLate: boolean; leftAt: Date | null; erasedAt: Date | null };
  surveyAnswers: { answers: Record<string, unknown>; firstSubmittedAt: Date; updatedAt: Date } | null;
  pairs: { pairId: string; partner: string; role: string; status: string; stage: string; startedAt: Date; endedReason: string | null }[];
  charterSignatures: { pairId: string; typedName: string; signedAt: Date }[];
  checkIns: { pairId: string; round: number; answers: Record<string, unknown>; submittedAt: Date }[];
  finalSurveys: { pairId: string; answers: Record<string, unknown>; submittedAt: Date }[];
  emails: { kind: string; subject: string; toAddress: string; status: string; sentAt: Date }[];
  alerts: { message: string; createdAt: Date }[];
}

/** Everything Tandem keeps about one participant, readable as it is. Undefined when there is no such participant. */
export async function personalDataOf(sql: Sql, participantId: string): Promise<PersonalData | undefined> {
  const [participant] = await sql<PersonalData['participant'][]>`
    select p.id, p.cohort_id, c.name as cohort, p.name, p.email, p.role, p.languages, p.attributes, p.joined_late, p.left_at, p.erased_at
    from participants p join cohorts c on c.id = p.cohort_id where p.id = ${participantId}`;
  if (!participant) return undefined;
  const [survey] = await sql<NonNullable<PersonalData['surveyAnswers']>[]>`select answers, first_submitted_at, updated_at from survey_answers where participant_id = ${participantId}`;
  return {
    participant,
    surveyAnswers: survey ?? null,
    pairs: await sql<PersonalData['pairs']>`
      select x.id as pair_id, o.name as partner, case when x.mentee_id = ${participantId} then 'mentee' else 'mentor' end as role,
        x.status, x.stage, x.created_at as started_at, x.ended_reason
      from pairs x join participants o on o.id = case when x.mentee_id = ${participantId} then x.mentor_id else x.mentee_id end
      where ${participantId} in (x.mentee_id, x.mentor_id) order by x.created_at`,
    charterSignatures: await sql<PersonalData['charterSignatures']>`select pair_id, typed_name, signed_at from charter_signatures where participant_id = ${participantId} order by signed_at`,
    checkIns: await sql<PersonalData['checkIns']>`select pair_id, round, answers, submitted_at from check_in_answers where participant_id = ${participantId} order by submitted_at`,
    finalSurveys: await sql<PersonalData['finalSurveys']>`select pair_id, answers, submitted_at from final_survey_answers where participant_id = ${participantId}`,
    emails: await sql<PersonalData['emails']>`select kind, subject, to_address, status, sent_at from sent_emails where participant_id = ${participantId} order by sent_at`,
    alerts: await sql<PersonalData['alerts']>`
      select a.message, a.created_at from alerts a join pairs x on x.id = a.pair_id
      where ${participantId} in (x.mentee_id, x.mentor_id) order by a.created_at`,
  };
}

/** What identifies a person in text: their name, their email and what they wrote in their own words. */
export function needlesOf(data: PersonalData): string[] {
  const written = [data.surveyAnswers?.answers ?? {}, ...data.checkIns.map((c) => c.answers), ...data.finalSurveys.map((f) => f.answers)]
    .flatMap((answers) => FREE_TEXT.map((key) => answers[key]))
    .filter((text): text is string => typeof text === 'string' && text.trim().length >= MIN_FREE_TEXT)
    .map((text) => text.trim());
  // The first name too: emails greet people by it ("your pair with Ava"); matched as a whole word only.
  const firstName = data.participant.name.split(/\s+/)[0] ?? '';
  return [...new Set([data.participant.name, firstName, data.participant.email, ...written])].filter((needle) => needle.length >= 3);
}

interface Found {
  table: string;
  column: string;
  type: string;
  ctid: string;
  value: unknown;
}

/**
 * Every text or JSON value, in every table, that contains one of the needles (case-insensitively). With a
 * cohort, only the rows that belong to it (by their cohort, pair, match run or participant; the dev outbox by
 * its recipients and subjects): a name is not only one person's across every cohort.
 */
export async function findPersonalData(sql: Sql | Tx, needles: string[], cohortId?: string): Promise<Found[]> {
  if (needles.length === 0) return [];
  const patterns = needles.flatMap((n) => [n, JSON.stringify(n).slice(1, -1)]).map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
  const columns = await sql<{ table: string; column: string; type: string; links: string[] }[]>`
    select c.table_name as table, c.column_name as column, c.data_type as type,
      array(select k.column_name::text from information_schema.columns k where k.table_schema = 'public' and k.table_name = c.table_name
        and k.column_name in ('cohort_id', 'pair_id', 'match_run_id', 'participant_id')) as links
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type in ('text', 'jsonb', 'ARRAY') order by 1, 2`;
  const found: Found[] = [];
  for (const { table, column, type, links } of columns) {
    if (cohortId && links.length === 0 && table !== 'outbox_messages') continue; // nothing of a cohort's people lives there
    const rows = await sql<{ ctid: string; value: unknown }[]>`
      select ctid::text, ${sql(column)} as value from ${sql(table)}
      where ${sql(column)}::text ilike any(${patterns}) ${cohortId ? sql`and ${inCohort(sql, table, links, cohortId)}` : sql``}`;
    found.push(...rows.map((row) => ({ table, column, type, ...row })));
  }
  return found;
}

/** The condition that keeps a table's rows to one cohort's. */
function inCohort(sql: Sql | Tx, table: string, links: string[], cohortId: string) {
  if (links.includes('cohort_id')) return sql`cohort_id = ${cohortId}`;
  if (links.includes('pair_id')) return sql`pair_id in (select id from pairs where cohort_id = ${cohortId})`;
  if (links.includes('match_run_id')) return sql`match_run_id in (select id from match_runs where cohort_id = ${cohortId})`;
  if (links.includes('participant_id')) return sql`participant_id in (select id from participants where cohort_id = ${cohortId})`;
  if (table === 'outbox_messages') {
    return sql`(to_address ilike any(select '%' || email || '%' from participants where cohort_id = ${cohortId})
      or subject ilike (select '%' || name || '%' from cohorts where id = ${cohortId}))`;
  }
  return sql`false`;
}

/** The value with every needle replaced, wherever it sits in text or JSON (object keys are ours, not people's). */
function redact(value: unknown, needles: RegExp): unknown {
  if (typeof value === 'string') return value.replace(needles, ERASED);
  if (Array.isArray(value)) return value.map((v) => redact(v, needles));
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, needles)]));
  return value;
}

/** Any needle as a whole word (not "Ava" in "Java"), longest first, whatever the case. */
const asPattern = (needles: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...needles].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

export interface Erasure {
  /** False when the person had been erased before (the rest is still done: it is safe to ask twice). */
  erased: boolean;
  /** Their pairs still running: each must end, its other party offered a new partner. */
  activePairs: { pairId: string; workflowId: string; partnerId: string }[];
}

/**
 * Erases one participant in one transaction. Their row stays (ids keep the pairs and the report's figures whole)
 * but says "Erased participant"; their survey answers go; their name, email and free text are replaced by
 * "[erased]" wherever they were copied (signatures, check-in and final-survey comments, alerts, email records and
 * the outbox, match runs, pair summaries, the cohort's report, the audit log); ratings and counts stay, so the
 * report's aggregates do too.
 */
export async function eraseParticipant(sql: Sql, participantId: string): Promise<Erasure | undefined> {
  const data = await personalDataOf(sql, participantId);
  if (!data) return undefined;
  const needles = needlesOf(data);
  return sql.begin(async (tx) => {
    const [person] = await tx<{ erasedAt: Date | null }[]>`select erased_at from participants where id = ${participantId} for update`;
    if (!person!.erasedAt) {
      await tx`delete from survey_answers where participant_id = ${participantId}`;
      await tx`
        update participants set name = 'Erased participant', email = ${`erased-${participantId}@erased.invalid`}, languages = '{}', attributes = '{}',
          left_at = coalesce(left_at, now()), erased_at = now()
        where id = ${participantId}`;
      const pattern = asPattern(needles);
      // One update per row, every column at once: an update moves the row, so its old address would miss the next.
      const rows = new Map<string, { table: string; ctid: string; set: Record<string, unknown> }>();
      for (const found of await findPersonalData(tx, needles, data.participant.cohortId)) {
        const row = rows.get(`${found.table} ${found.ctid}`) ?? { table: found.table, ctid: found.ctid, set: {} };
        const value = redact(found.value, pattern);
        row.set[found.column] = found.type === 'jsonb' ? tx.json(value as never) : value;
        rows.set(`${found.table} ${found.ctid}`, row);
      }
      for (const { table, ctid, set } of rows.values()) await tx`update ${tx(table)} set ${tx(set as never)} where ctid = ${ctid}::tid`;
    }
    const activePairs = await tx<Erasure['activePairs']>`
      select id as pair_id, workflow_id, case when mentee_id = ${participantId} then mentor_id else mentee_id end as partner_id
      from pairs where status = 'active' and ${participantId} in (mentee_id, mentor_id)`;
    return { erased: !person!.erasedAt, activePairs };
  });
}
