import { describe, expect, it } from 'vitest';
import { cohortFormSchema, slugify } from '../../domain/cohort-form.js';
import { formatDuration, parseDuration } from '../../domain/duration.js';
import { createLinkSigner } from '../../domain/link-tokens.js';
import { formatInstant, surveyReminderTimes } from '../../domain/schedule.js';
import { validateSurvey, type SurveyFormInput } from '../../domain/survey.js';
import type { Locale } from '../../i18n/locales.js';
import { translator, type MessageKey } from '../../i18n/translator.js';

describe('durations', () => {
  it('parses what admins type and prints it back', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration(' 2W ')).toBe(1_209_600_000);
    expect(parseDuration('1.5h')).toBeUndefined();
    expect(parseDuration('10')).toBeUndefined();
    expect(formatDuration(parseDuration('14d')!)).toBe('2w');
    expect(formatDuration(90_000)).toBe('90s');
  });
});

describe('survey reminders', () => {
  it('come halfway and as a last call two days before a long deadline', () => {
    const opens = Date.UTC(2027, 0, 1);
    const times = surveyReminderTimes({
      surveyOpensAt: new Date(opens).toISOString(),
      surveyDeadline: new Date(opens + 14 * 86_400_000).toISOString(),
    });
    expect(times).toEqual([opens + 7 * 86_400_000, opens + 12 * 86_400_000]);
  });
  it('scale down to a short window', () => {
    expect(
      surveyReminderTimes({ surveyOpensAt: '2027-01-01T00:00:00.000Z', surveyDeadline: '2027-01-01T00:01:00.000Z' }).map((t) =>
        new Date(t).toISOString(),
      ),
    ).toEqual(['2027-01-01T00:00:30.000Z', '2027-01-01T00:00:50.000Z']);
  });
  it('formats instants without locale data', () => {
    expect(formatInstant('2026-12-03T17:05:00Z')).toBe('3 Dec 17:05 UTC');
  });
});

describe('the survey schema', () => {
  it('takes the role from the link, not from the form', () => {
    const result = validateSurvey('mentor', {
      role: 'mentee',
      offers: 'Leadership',
      capacity: '3',
      field: 'Law',
      languages: 'English',
      availability: 'weekly',
      meetingMode: 'remote',
      consent: 'on',
    });
    expect(result).toMatchObject({ ok: true, answers: { role: 'mentor', capacity: 3, offers: ['Leadership'] } });
    expect(result.ok && 'consent' in result.answers).toBe(false); // consent is not an answer: the answer's time is its
  });
  const inWords = (locale: Locale, form: SurveyFormInput) => {
    const result = validateSurvey('mentor', form);
    const { t } = translator(locale);
    return result.ok
      ? {}
      : Object.fromEntries(Object.entries(result.errors).map(([field, problem]) => [field, t(problem!.key, problem!.values)]));
  };
  it("gives one message per field, in the participant's language", () => {
    const form = { capacity: '9', languages: ['English', 'Klingon'], experience: 'x'.repeat(2001) };
    expect(inWords('fr', form)).toMatchObject({
      capacity: '5 mentorés au plus',
      experience: '2\u202f000 caractères au plus',
      consent: expect.stringMatching(/^Vos données\u00a0: cochez la case/),
    });
    expect(inWords('en', form)).toEqual({
      experience: 'Must be at most 2,000 characters',
      offers: 'Tick at least one topic you can help with',
      capacity: 'At most 5 mentees',
      languages: 'Choose from the options listed',
      field: 'Choose your field or industry',
      availability: 'Choose how often you can meet',
      meetingMode: 'Choose how you would like to meet',
      consent: 'Your data: tick the box to agree to how your data is used (without it, you cannot take part)',
    });
  });
});

describe('the cohort form schema', () => {
  const form = {
    formId: crypto.randomUUID(),
    name: 'Alumni 2027',
    charter: 'We meet monthly and answer every check-in.',
    surveyDuration: '14d',
    checkInCount: '6',
    checkInInterval: '4w',
    programmeDuration: '26w',
    charterDuration: '1w',
    participants: new File(['x'], 'p.csv'),
  };
  it('turns durations into milliseconds', () => {
    expect(cohortFormSchema.parse(form)).toMatchObject({ surveyDuration: 14 * 86_400_000, checkInCount: 6 });
  });
  it('says which field is wrong', () => {
    const result = cohortFormSchema.safeParse({ ...form, surveyDuration: 'soon' });
    expect(result.success).toBe(false);
    const { t } = translator('en');
    expect(result.error!.issues.map((i) => [i.path[0], t(i.message as MessageKey)])).toEqual([
      ['surveyDuration', 'Survey open for: give a whole number above 0 and its unit'],
    ]);
    const tooMany = cohortFormSchema.safeParse({ ...form, checkInCount: '8' });
    expect(tooMany.error!.issues.map((i) => [i.path[0], t(i.message as MessageKey)])).toEqual([
      ['checkInInterval', 'Check-in interval: all check-ins must fit within the programme length'],
    ]);
  });
  it('makes readable slugs', () => {
    expect(slugify('  Promo Été 2027 — Lyon! ')).toBe('promo-ete-2027-lyon');
  });
});

describe('link tokens', () => {
  const signer = createLinkSigner('a-secret-that-is-at-least-32-characters');
  const claims = { scope: 'survey' as const, participantId: 'p-1', subjectId: 'c-1', expiresAt: Date.UTC(2030, 0, 1) };
  it('are deterministic, so a retried email carries the same link', () => {
    expect(signer.sign(claims)).toBe(signer.sign(claims));
  });
  it('verify their own claims and refuse anything else', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, 'survey', Date.UTC(2029, 0, 1))).toEqual({ ok: true, claims });
    expect(signer.verify(token, 'survey', Date.UTC(2031, 0, 1))).toEqual({ ok: false, reason: 'expired' });
    expect(createLinkSigner('another-secret-that-is-32-characters-long').verify(token, 'survey')).toEqual({ ok: false, reason: 'forged' });
    const [payload, signature] = token.split('.');
    const altered = `${Buffer.from(JSON.stringify(['survey', 'p-2', 'c-1', claims.expiresAt])).toString('base64url')}.${signature}`;
    expect(signer.verify(altered, 'survey')).toEqual({ ok: false, reason: 'forged' });
    expect(signer.verify(`${payload}`, 'survey')).toEqual({ ok: false, reason: 'malformed' });
  });
});
