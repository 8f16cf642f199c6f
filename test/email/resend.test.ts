import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createResendSender } from '../../activities/email/resend-sender.js';
import { AddressRejected } from '../../activities/email/sender.js';
import { countSentEmails } from '../../db/emails.js';
import { getCohortBySlug, insertCohort } from '../../db/cohorts.js';
import { eventually } from '../helpers/eventually.js';
import { RESEND_TEST_KEY, resendStackForFile } from '../helpers/resend-stack.js';
import { shortSchedule } from '../helpers/cohort-fixtures.js';

const env = resendStackForFile();

const email = {
  idempotencyKey: 'survey-invitation:p1',
  from: 'Tandem <t@x.org>',
  to: 'Ada <ada@x.org>',
  subject: 'Hello',
  html: '<p>Hi</p>',
  text: 'Hi',
};

describe('the Resend sender, through the real SDK', () => {
  it('posts the message with its idempotency key and the API key', async () => {
    const sender = createResendSender({ apiKey: RESEND_TEST_KEY, baseUrl: env.resend.baseUrl });
    const { providerMessageId } = await sender.send(email);
    const request = env.resend.requests.at(-1)!;
    expect(providerMessageId).toMatch(/^email-/);
    expect(request.headers['idempotency-key']).toBe('survey-invitation:p1');
    expect(request.headers.authorization).toBe('Bearer re_test_key');
    expect(request.body).toMatchObject({ from: email.from, to: email.to, subject: 'Hello', html: '<p>Hi</p>', text: 'Hi' });
  });

  it('turns rate limits, server errors and network failures into retryable errors', async () => {
    const sender = createResendSender({ apiKey: RESEND_TEST_KEY, baseUrl: env.resend.baseUrl });
    env.resend.failNext({ status: 429, name: 'rate_limit_exceeded' });
    const limited = await sender.send(email).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(Error);
    expect(limited).not.toBeInstanceOf(ApplicationFailure);
    expect(String(limited)).toContain('Resend 429 rate_limit_exceeded');
    env.resend.failNext({ status: 500, name: 'internal_server_error' });
    expect(await sender.send(email).catch((e: unknown) => e)).not.toBeInstanceOf(ApplicationFailure);
    const offline = createResendSender({ apiKey: RESEND_TEST_KEY, baseUrl: 'http://127.0.0.1:9' });
    const network = await offline.send(email).catch((e: unknown) => e);
    expect(network).not.toBeInstanceOf(ApplicationFailure);
    expect(String(network)).toContain('Resend network');
  });

  it('tells a refused address (a bounce) from a refused account, naming what Resend said', async () => {
    const sender = createResendSender({ apiKey: RESEND_TEST_KEY, baseUrl: env.resend.baseUrl });
    env.resend.failNext({ status: 422, name: 'validation_error', message: 'Invalid `to` field.' });
    const bounce = await sender.send(email).catch((e: unknown) => e);
    expect(bounce).toBeInstanceOf(AddressRejected);
    expect(String(bounce)).toContain('Resend 422 validation_error: Invalid `to` field.');
    for (const refusal of [
      { status: 401, name: 'restricted_api_key' },
      { status: 403, name: 'validation_error', message: 'The example.org domain is not verified.' },
      { status: 422, name: 'invalid_from_address' },
      {
        status: 422,
        name: 'validation_error',
        message: 'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
      },
    ]) {
      env.resend.failNext(refusal);
      const account = await sender.send(email).catch((e: unknown) => e);
      // Retried (not for good): nothing can go out until an operator fixes the key or the domain.
      expect(account).toMatchObject({ type: 'EmailAccountRejected', nonRetryable: false });
    }
  });
});

describe('survey invitations through Resend', () => {
  it('retries after a 429 and a 500 and sends each invitation exactly once, same key and payload each try', async () => {
    const { cohort } = await insertCohort(env.stack.sql, {
      formId: crypto.randomUUID(),
      slug: `resend-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Resend cohort',
      description: '',
      charter: 'We commit to meet monthly and to be honest.',
      schedule: shortSchedule(),
      participants: ['ada', 'bob', 'cy'].map((name, i) => ({
        line: i + 2,
        name,
        email: `${name}@example.org`,
        role: i === 0 ? 'mentor' : 'mentee',
        languages: ['English'],
        attributes: {},
      })),
    });
    const before = env.resend.requests.length;
    env.resend.failNext({ status: 429, name: 'rate_limit_exceeded' }, { status: 500, name: 'internal_server_error' });
    await env.stack.workflows.startCohort(cohort, 3);

    await eventually(async () => expect(await countSentEmails(env.stack.sql, cohort.id, 'survey-invitation')).toBe(3), 30_000);
    const attempts = env.resend.requests.slice(before);
    expect(attempts.filter((r) => r.status !== 200)).toHaveLength(2);
    const delivered = attempts.filter((r) => r.status === 200);
    const keys = delivered.map((r) => String(r.headers['idempotency-key']));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys.map((k) => k.split(':')[0]))).toEqual(new Set(['survey-invitation']));
    // Whatever each key's attempts were, they carried the same payload.
    for (const key of new Set(attempts.map((r) => String(r.headers['idempotency-key'])))) {
      const bodies = attempts.filter((r) => r.headers['idempotency-key'] === key).map((r) => JSON.stringify(r.body));
      expect(new Set(bodies).size).toBe(1);
    }
    // Each recipient: at most one accepted message, from our own record, even if the activity ran again.
    const perRecipient = new Map<string, number>();
    for (const r of delivered) perRecipient.set(String(r.body.to), (perRecipient.get(String(r.body.to)) ?? 0) + 1);
    expect([...perRecipient.values()]).toEqual([1, 1, 1]);
    expect((await getCohortBySlug(env.stack.sql, cohort.slug))?.stage).toBe('survey');
  });
});
