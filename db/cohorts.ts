import type { TextTranslations } from '../domain/cohort-texts.js';
import type { ParticipantRow } from '../domain/participants-csv.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import { DEFAULT_TIME_ZONE } from '../i18n/time-zones.js';
import type { ProgrammeSchedule } from '../domain/schedule.js';
import type { CohortStage } from '../domain/types.js';
import type { MatchSettings } from '../matching/settings.js';
import type { CohortReport } from '../domain/report.js';
import { addCohortManager } from './admin-accounts.js';
import { openWindow } from './answers.js';
import { insertParticipants } from './participants.js';
import type { Sql } from './sql.js';

export interface Cohort {
  id: string;
  slug: string;
  formId: string;
  name: string;
  description: string;
  /** The charter in the cohort's language; blank: Tandem's default, in each participant's (domain/charter.ts). */
  charter: string;
  /** The description's, charter's and privacy notice's versions in other languages (domain/cohort-texts.ts). */
  translations: TextTranslations;
  /** What the survey tells participants about their data; blank: the default (domain/privacy.ts). */
  privacyNotice: string;
  /** The language its participants are written to in, and the time zone of their dates, unless they have their own. */
  language: Locale;
  timeZone: string;
  /** Whether each pair writes objectives on the charter page and reviews them at mid-programme. */
  objectives: boolean;
  schedule: ProgrammeSchedule;
  stage: CohortStage;
  surveyClosedAt: Date | null;
  matchSettings: MatchSettings | null;
  programmeEndsAt: Date | null;
  /** Set when the last pair has ended. */
  report: CohortReport | null;
  /** Set when its personal data was erased at the end of its retention. */
  personalDataErasedAt: Date | null;
  createdAt: Date;
}

export interface NewCohort {
  formId: string;
  /** The account creating it, who becomes its manager. */
  managerId?: string;
  slug: string;
  name: string;
  description: string;
  charter: string;
  translations?: TextTranslations;
  privacyNotice?: string;
  language?: Locale;
  timeZone?: string;
  objectives?: boolean;
  /** Settled at creation (a flash cohort approves automatically); otherwise the defaults until the admin changes them. */
  matchSettings?: MatchSettings;
  schedule: ProgrammeSchedule;
  participants: ParticipantRow[];
}

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`A cohort with the address "${slug}" already exists; choose another name.`);
  }
}

/**
 * Stores a cohort and its participants in one transaction. The form id makes a second submission of the
 * same form return the cohort it created the first time instead of creating another.
 */
export async function insertCohort(sql: Sql, cohort: NewCohort): Promise<{ cohort: Cohort; created: boolean }> {
  return sql.begin(async (tx) => {
    const [existing] = await tx<Cohort[]>`select * from cohorts where form_id = ${cohort.formId}`;
    if (existing) return { cohort: existing, created: false };
    const [inserted] = await tx<Cohort[]>`
      insert into cohorts (slug, form_id, name, description, charter, translations, privacy_notice, language, time_zone, objectives, schedule, match_settings)
      values (${cohort.slug}, ${cohort.formId}, ${cohort.name}, ${cohort.description}, ${cohort.charter}, ${tx.json(cohort.translations ?? {})}, ${cohort.privacyNotice ?? ''}, ${cohort.language ?? DEFAULT_LOCALE}, ${cohort.timeZone ?? DEFAULT_TIME_ZONE}, ${cohort.objectives ?? false}, ${tx.json(cohort.schedule as never)}, ${cohort.matchSettings ? tx.json(cohort.matchSettings as never) : null})
      on conflict (slug) do nothing
      returning *`;
    if (!inserted) throw new SlugTakenError(cohort.slug);
    // Whoever creates a cohort manages it: its alerts and report go to them.
    if (cohort.managerId) await addCohortManager(tx, inserted.id, cohort.managerId);
    // The survey is open from now: the first invitation may be answered before its workflow has started.
    await openWindow(tx, {
      form: 'survey',
      subjectId: inserted.id,
      cohortId: inserted.id,
      closesAt: new Date(cohort.schedule.surveyDeadline),
    });
    await insertParticipants(
      tx,
      cohort.participants.map((p) => ({
        cohortId: inserted.id,
        csvLine: p.line,
        name: p.name,
        email: p.email,
        role: p.role,
        languages: p.languages,
        language: p.language ?? null,
        timeZone: p.timeZone ?? null,
        attributes: p.attributes,
        joinedLate: false,
      })),
    );
    return { cohort: inserted, created: true };
  });
}

export async function getCohortBySlug(sql: Sql, slug: string): Promise<Cohort | undefined> {
  const [cohort] = await sql<Cohort[]>`select * from cohorts where slug = ${slug}`;
  return cohort;
}

export async function getCohort(sql: Sql, id: string): Promise<Cohort | undefined> {
  const [cohort] = await sql<Cohort[]>`select * from cohorts where id = ${id}`;
  return cohort;
}

export interface CohortListItem extends Cohort {
  participantCount: number;
  answeredCount: number;
}

/** Every cohort, newest first; only those an account manages, for a programme manager limited to them. */
export async function listCohorts(sql: Sql, { managedBy }: { managedBy?: string } = {}): Promise<CohortListItem[]> {
  return sql<CohortListItem[]>`
    select c.*,
      (select count(*)::int from participants p where p.cohort_id = c.id) as participant_count,
      (select count(*)::int from survey_answers a where a.cohort_id = c.id) as answered_count
    from cohorts c
    where ${managedBy ?? null}::uuid is null
      or exists (select 1 from cohort_managers m where m.cohort_id = c.id and m.account_id = ${managedBy ?? null})
    order by c.created_at desc`;
}

/** Marks the survey closed once: a retried activity finds it closed and changes nothing. */
export async function closeCohortSurvey(sql: Sql, cohortId: string): Promise<void> {
  await sql`
    update cohorts set stage = 'matching', survey_closed_at = now()
    where id = ${cohortId} and survey_closed_at is null`;
}
