import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { LOCALES, LOCALE_NAMES, parseLocale, type Locale } from '../i18n/locales.js';
import { parseTimeZone } from '../i18n/time-zones.js';
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
const LOCALE_CHOICES = LOCALES.map((l) => `${l} (${LOCALE_NAMES[l]})`).join(' or ');
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const MAX_PARTICIPANTS = 20_000;

const emailSchema = z.email();

export type CsvResult = { ok: true; participants: ParticipantRow[] } | { ok: false; errors: string[] };

/**
 * All-or-nothing: either every line is valid, or the admin gets one message per problem, each with its
 * line number and field, and nothing is saved.
 */
export function parseParticipantsCsv(bytes: Uint8Array): CsvResult {
  if (bytes.byteLength === 0) return fail('The CSV file is empty.');
  if (bytes.byteLength > MAX_CSV_BYTES) {
    return fail(`The CSV file is ${kilobytes(bytes.byteLength)}, over the limit of ${kilobytes(MAX_CSV_BYTES)} (${MAX_CSV_BYTES / 1048576} MB) by ${kilobytes(bytes.byteLength - MAX_CSV_BYTES)}.`);
  }
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    return fail(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) return fail('The CSV file is empty.');
  const columns = header.record.map((c) => c.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const seen = header.record.map((c) => `"${c}"`).join(', ');
    return fail(`Line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (required: ${REQUIRED_COLUMNS.join(', ')}). Read with the separator "${delimiter === '\t' ? 'tab' : delimiter}", the first line has the columns ${seen}.`);
  }
  if (rows.length === 0) return fail('The CSV file has a header but no participants.');
  if (rows.length > MAX_PARTICIPANTS) return fail(`The CSV file has ${rows.length} participants; the limit is ${MAX_PARTICIPANTS}.`);

  const errors: string[] = [];
  const participants: ParticipantRow[] = [];
  const firstLineOfEmail = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: string) => record[columns.indexOf(column)] ?? '';
    const name = cell('name');
    const email = cell('email').toLowerCase();
    const role = cell('role').toLowerCase();
    if (!name) errors.push(`Line ${line}, name: is empty.`);
    if (!emailSchema.safeParse(email).success) errors.push(`Line ${line}, email: "${cell('email')}" is not a valid email address.`);
    else if (firstLineOfEmail.has(email)) errors.push(`Line ${line}, email: ${email} is a duplicate of line ${firstLineOfEmail.get(email)}.`);
    else firstLineOfEmail.set(email, line);
    if (!ROLES.includes(role as Role)) errors.push(`Line ${line}, role: "${cell('role')}" is not a role; use mentor or mentee.`);
    const language = cell(LANGUAGE_OF_COMMUNICATION) ? parseLocale(cell(LANGUAGE_OF_COMMUNICATION)) : undefined;
    if (cell(LANGUAGE_OF_COMMUNICATION) && !language) {
      errors.push(`Line ${line}, ${LANGUAGE_OF_COMMUNICATION}: "${cell(LANGUAGE_OF_COMMUNICATION)}" is not a language Tandem writes in; use ${LOCALE_CHOICES}, or leave it blank for the cohort's.`);
    }
    const timeZone = cell(TIME_ZONE) ? parseTimeZone(cell(TIME_ZONE)) : undefined;
    if (cell(TIME_ZONE) && !timeZone) errors.push(`Line ${line}, ${TIME_ZONE}: "${cell(TIME_ZONE)}" is not a time zone; use a name such as Europe/Paris or America/New_York, or leave it blank for the cohort's.`);
    const attributes: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (!KNOWN_COLUMNS.includes(column) && record[i]) attributes[header.record[i]!] = record[i]!;
    });
    const languages = cell('language').split(/[;|,/]/).map((l) => l.trim()).filter(Boolean);
    participants.push({ line, name, email, role: role as Role, languages, ...(language ? { language } : {}), ...(timeZone ? { timeZone } : {}), attributes });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, participants };
}

const fail = (error: string): CsvResult => ({ ok: false, errors: [error] });

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;

/**
 * The separator of the header line: a comma, or the semicolon Excel writes in French or German settings, or a
 * tab; whichever appears most outside quotes.
 */
function delimiterOf(text: string): ',' | ';' | '\t' {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
