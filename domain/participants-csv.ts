import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parseLocale, type Locale } from '../i18n/locales.js';
import { parseTimeZone } from '../i18n/time-zones.js';
import type { MessageKey, MessageValues } from '../i18n/translator.js';
import type { FieldProblem } from './form-problems.js';
import { ROLES, type Role } from './types.js';

/** Participants imported from the admin's CSV. Unknown columns are kept as free attributes. */
export interface ParticipantRow {
  line: number;
  name: string;
  email: string;
  role: Role;
  /** The languages they speak, which matching reads. */
  languages: string[];
  /** The language Tandem writes to them in, and the time zone of their dates; absent: the cohort's. */
  language?: Locale;
  timeZone?: string;
  attributes: Record<string, string>;
}

export const REQUIRED_COLUMNS = ['name', 'email', 'role', 'language'] as const;
/** Distinct from `language` (spoken, for matching): the one Tandem writes in; blank means the cohort's. */
export const LANGUAGE_OF_COMMUNICATION = 'language of communication';
/** An IANA name such as Europe/Paris; blank means the cohort's. */
export const TIME_ZONE = 'time zone';
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, LANGUAGE_OF_COMMUNICATION, TIME_ZONE];
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** A CSV to fill in: every column Tandem reads, and two people as examples (a byte-order mark for Excel). */
export const CSV_TEMPLATE = `\uFEFF${[...KNOWN_COLUMNS, 'Class of'].join(',')}
Claire Martin,claire.martin@example.org,mentor,French;English,fr,Europe/Paris,2009
Amina Diallo,amina.diallo@example.org,mentee,English;Arabic,en,Africa/Dakar,2026
`;
export const MAX_PARTICIPANTS = 20_000;

const emailSchema = z.email();

/** Problems in catalogue words (key and values), so that each admin reads them in their language. */
/** Who a CSV holds, for the preview before the cohort is created: by role, and by the language Tandem writes them in. */
export interface CsvSummary {
  total: number;
  byRole: Record<Role, number>;
  /** `cohort`: no language of their own, they read the cohort's. */
  byLanguage: Partial<Record<Locale | 'cohort', number>>;
}

export function summarise(participants: ParticipantRow[]): CsvSummary {
  const byRole = { mentee: 0, mentor: 0 } as Record<Role, number>;
  const byLanguage: CsvSummary['byLanguage'] = {};
  for (const p of participants) {
    byRole[p.role]++;
    const language = p.language ?? 'cohort';
    byLanguage[language] = (byLanguage[language] ?? 0) + 1;
  }
  return { total: participants.length, byRole, byLanguage };
}

export type CsvResult = { ok: true; participants: ParticipantRow[] } | { ok: false; problems: FieldProblem[] };

/**
 * All-or-nothing: either every line is valid, or the admin gets one message per problem, each with its
 * line number and field, and nothing is saved.
 */
export function parseParticipantsCsv(bytes: Uint8Array): CsvResult {
  if (bytes.byteLength === 0) return fail('admin.csv.empty');
  if (bytes.byteLength > MAX_CSV_BYTES) {
    return fail('admin.csv.tooLarge', {
      size: kilobytes(bytes.byteLength),
      limit: kilobytes(MAX_CSV_BYTES),
      megabytes: MAX_CSV_BYTES / 1048576,
      over: kilobytes(bytes.byteLength - MAX_CSV_BYTES),
    });
  }
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    return fail('admin.csv.notCsv', { reason: (error as Error).message }); // the parser's words, in English
  }
  const [header, ...rows] = records;
  if (!header) return fail('admin.csv.empty');
  const columns = header.record.map((c) => c.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');
    return fail('admin.csv.missingColumns', {
      count: missing.length,
      missing: quoted(missing),
      required: REQUIRED_COLUMNS.join(', '),
      separator: delimiter === '\t' ? 'tab' : delimiter,
      seen: quoted(header.record),
    });
  }
  if (rows.length === 0) return fail('admin.csv.noParticipants');
  if (rows.length > MAX_PARTICIPANTS) return fail('admin.csv.tooMany', { count: rows.length, limit: MAX_PARTICIPANTS });

  const problems: FieldProblem[] = [];
  const problem = (key: MessageKey, values: MessageValues) => problems.push({ key, values });
  const participants: ParticipantRow[] = [];
  const firstLineOfEmail = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: string) => record[columns.indexOf(column)] ?? '';
    const name = cell('name');
    const email = cell('email').toLowerCase();
    const role = cell('role').toLowerCase();
    if (!name) problem('admin.csv.name.empty', { line });
    const firstLine = firstLineOfEmail.get(email);
    if (!emailSchema.safeParse(email).success) problem('admin.csv.email.invalid', { line, value: cell('email') });
    else if (firstLine !== undefined) problem('admin.csv.email.duplicate', { line, value: email, first: firstLine });
    else firstLineOfEmail.set(email, line);
    if (!ROLES.includes(role as Role)) problem('admin.csv.role.invalid', { line, value: cell('role') });
    const language = cell(LANGUAGE_OF_COMMUNICATION) ? parseLocale(cell(LANGUAGE_OF_COMMUNICATION)) : undefined;
    if (cell(LANGUAGE_OF_COMMUNICATION) && !language) {
      problem('admin.csv.languageOfCommunication.invalid', {
        line,
        column: LANGUAGE_OF_COMMUNICATION,
        value: cell(LANGUAGE_OF_COMMUNICATION),
      });
    }
    const timeZone = cell(TIME_ZONE) ? parseTimeZone(cell(TIME_ZONE)) : undefined;
    if (cell(TIME_ZONE) && !timeZone) problem('admin.csv.timeZone.invalid', { line, column: TIME_ZONE, value: cell(TIME_ZONE) });
    const attributes: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (!KNOWN_COLUMNS.includes(column) && record[i]) attributes[header.record[i]!] = record[i]!;
    });
    const languages = cell('language')
      .split(/[;|,/]/)
      .map((l) => l.trim())
      .filter(Boolean);
    participants.push({
      line,
      name,
      email,
      role: role as Role,
      languages,
      ...(language ? { language } : {}),
      ...(timeZone ? { timeZone } : {}),
      attributes,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, participants };
}

const fail = (key: MessageKey, values: MessageValues = {}): CsvResult => ({ ok: false, problems: [{ key, values }] });

const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);

/**
 * The separator of the header line: a comma, or the semicolon Excel writes in French or German settings, or a
 * tab; whichever appears most outside quotes.
 */
function delimiterOf(text: string): ',' | ';' | '\t' {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
