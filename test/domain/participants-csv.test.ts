import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES, parseParticipantsCsv, type CsvResult } from '../../domain/participants-csv.js';
import { translator } from '../../i18n/translator.js';

/** The parser's problems, in English words. */
const inEnglish = (result: CsvResult) =>
  result.ok ? result : { ok: false, errors: result.problems.map(({ key, values }) => translator('en').t(key, values)) };
const parse = (text: string) => inEnglish(parseParticipantsCsv(new TextEncoder().encode(text)));

describe('parseParticipantsCsv', () => {
  it('reads participants, their languages and free columns, with quoted fields and a BOM', () => {
    const result = parse(
      '\uFEFFName,Email,Role,Language,Company,Class of\n"Martin, Bob",BOB@example.org,Mentee,English;French,"ACME, Inc.",2019\nAda,ada@example.org,mentor,,,\n',
    );
    expect(result).toEqual({
      ok: true,
      participants: [
        {
          line: 2,
          name: 'Martin, Bob',
          email: 'bob@example.org',
          role: 'mentee',
          languages: ['English', 'French'],
          attributes: { Company: 'ACME, Inc.', 'Class of': '2019' },
        },
        { line: 3, name: 'Ada', email: 'ada@example.org', role: 'mentor', languages: [], attributes: {} },
      ],
    });
  });

  it('reports every problem with its line and field, and keeps nothing', () => {
    const result = parse('name,email,role,language\nAda,ada@example.org,mentor,en\n,not-an-email,boss,en\nBob,ADA@example.org,mentee,en\n');
    expect(result).toEqual({
      ok: false,
      errors: [
        'Line 3, name: is empty.',
        'Line 3, email: "not-an-email" is not a valid email address.',
        'Line 3, role: "boss" is not a role; use mentor or mentee.',
        'Line 4, email: ada@example.org is a duplicate of line 2.',
      ],
    });
  });

  it('counts lines as the file has them, quoted line breaks included', () => {
    const result = parse('name,email,role,language\n"Ada\nLovelace",ada@example.org,mentor,en\nBob,bad,mentee,en\n');
    expect(result).toEqual({ ok: false, errors: ['Line 4, email: "bad" is not a valid email address.'] });
  });

  it('names missing columns, empty and oversized files', () => {
    expect(parse('name,email\nAda,ada@example.org\n')).toEqual({
      ok: false,
      errors: [
        'Line 1: missing columns "role", "language" (required: name, email, role, language). Read with the separator ",", the first line has the columns "name", "email".',
      ],
    });
    expect(parse('')).toEqual({ ok: false, errors: ['The CSV file is empty.'] });
    expect(parse('name,email,role,language\n')).toEqual({ ok: false, errors: ['The CSV file has a header but no participants.'] });
    const big = inEnglish(parseParticipantsCsv(new Uint8Array(MAX_CSV_BYTES + 1)));
    expect(big).toEqual({ ok: false, errors: ['The CSV file is 5,121 KB, over the limit of 5,120 KB (5 MB) by 1 KB.'] });
  });

  it('reads the semicolon-separated, BOM-prefixed CSV that Excel writes in French or German settings', () => {
    const excel =
      '\uFEFFname;email;role;language;promotion\nÉlodie Müller;elodie@example.org;mentor;French, German;2001\nعلي حسن;ali@example.org;mentee;Arabic;2026\nZoë 🚀;zoe@example.org;mentee;English;2025\n';
    const result = parse(excel);
    expect(result).toMatchObject({
      ok: true,
      participants: [
        { name: 'Élodie Müller', languages: ['French', 'German'], attributes: { promotion: '2001' } },
        { name: 'علي حسن', email: 'ali@example.org', languages: ['Arabic'] },
        { name: 'Zoë 🚀' },
      ],
    });
    // A file that is still not as expected says what was seen.
    expect(parse('nom|courriel\nAda|ada@example.org\n')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('the first line has the columns "nom|courriel"')],
    });
  });

  it('explains a file that is not CSV at all', () => {
    const result = parse('name,email,role,language\n"Ada,ada@example.org,mentor,en\n');
    expect(result.ok).toBe(false);
    expect('errors' in result && result.errors[0]).toMatch(/^The file is not valid CSV: /);
  });
});
