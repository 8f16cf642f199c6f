import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createResendSender, retryAfterMs } from '../../activities/email/resend-sender.js';
import { AddressRejected } from '../../activities/email/sender.js';
import { countSentEmails } from '../../db/emails.js';
import { getCohortBySlug } from '../../db/cohorts.js';
import { eventually } from '../helpers/eventually.js';
import { pageText, webClient } from '../helpers/web-client.js';
import { RESEND_TEST_KEY, cohortOfNames, resendStackForFile } from '../helpers/resend-stack.js';

const env = resendStackForFile({ emailRequestsPerSecond: 2 });

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
    expect(request.emails).toHaveLength(1);
    expect(request.emails[0]).toMatchObject({ from: email.from, to: email.to, subject: 'Hello', html: '<p>Hi</p>', text: 'Hi' });
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

  it("reads Resend's retry-after in seconds, or as a date", () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 20:00:05 GMT', Date.parse('2026-12-07T20:00:00Z'))).toBe(5_000);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
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

describe('survey invitations through Resend, at its pace', () => {
  /** Whom the fake accepted emails for in this cohort, each address once per accepted email. */
  const acceptedTo = (slug: string) =>
    env.resend.emails.filter((e) => e.status === 200 && String(e.to).includes(`@${slug}.example.org`)).map((e) => String(e.to));
  const requestsFor = (slug: string) =>
    env.resend.requests.filter((r) => r.emails.some((e) => String(e.to).includes(`@${slug}.example.org`)));

  it('one batch request carries the invitations; after a 429 and a 500 it goes again with the same key and payload, each sent once', async () => {
    const slug = 'batched';
    env.resend.failNext({ status: 429, name: 'rate_limit_exceeded' }, { status: 500, name: 'internal_server_error' });
    const cohort = await cohortOfNames(env, slug, ['Ada', 'Bob', 'Cy']);
    await eventually(async () => expect(await countSentEmails(env.stack.sql, cohort.id, 'survey-invitation')).toBe(3), 30_000);
    const attempts = requestsFor(slug);
    expect(attempts.map((r) => [r.path, r.status])).toEqual([
      ['/emails/batch', 429],
      ['/emails/batch', 500],
      ['/emails/batch', 200],
    ]);
    expect(new Set(attempts.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([expect.stringMatching(/^survey-invitation:batch:/)]),
    );
    expect(new Set(attempts.map((r) => JSON.stringify(r.emails))).size).toBe(1);
    expect(acceptedTo(slug).sort()).toEqual([
      'Ada <ada@batched.example.org>',
      'Bob <bob@batched.example.org>',
      'Cy <cy@batched.example.org>',
    ]);
    expect((await getCohortBySlug(env.stack.sql, cohort.slug))?.stage).toBe('survey');
  });

  it('a batch whose answer was lost goes again under the same key with the same emails, and the provider sends none twice', async () => {
    const slug = 'lost-answer';
    env.resend.loseNextAnswer();
    const cohort = await cohortOfNames(env, slug, ['Dan', 'Eli']);
    await eventually(async () => expect(await countSentEmails(env.stack.sql, cohort.id, 'survey-invitation')).toBe(2), 30_000);
    const attempts = requestsFor(slug);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.headers['idempotency-key']).toBe(attempts[0]!.headers['idempotency-key']);
    expect(JSON.stringify(attempts[1]!.emails)).toBe(JSON.stringify(attempts[0]!.emails));
    // The provider answered the second try with the first one's ids: one email each.
    const ids = env.resend.emails.filter((e) => String(e.to).includes(`@${slug}.example.org`)).map((e) => `${String(e.to)} ${e.id}`);
    expect(new Set(ids).size).toBe(2);
  });

  it('asked to wait (429 with retry-after), the batch waits that long before its next try', async () => {
    const slug = 'retry-after';
    env.resend.failNext({ status: 429, name: 'rate_limit_exceeded', retryAfter: 4 });
    const cohort = await cohortOfNames(env, slug, ['Fox', 'Gil']);
    await eventually(async () => expect(await countSentEmails(env.stack.sql, cohort.id, 'survey-invitation')).toBe(2), 30_000);
    const [limited, next] = requestsFor(slug);
    expect(limited!.status).toBe(429);
    // Temporal's own backoff would have tried again after 1 s.
    expect(next!.at - limited!.at).toBeGreaterThanOrEqual(3_900);
  });

  it("a cohort of 2,000 goes in twenty batches, handed out at the email task queue's rate (2 a second here), each person once", async () => {
    const slug = 'paced';
    const names = Array.from({ length: 2000 }, (_, i) => `P${String(i).padStart(4, '0')}`);
    const admin = webClient(env.stack.app);
    await admin.logIn();
    const progress = async () => pageText(await (await admin.get(`/admin/cohorts/${slug}/progress`)).text());
    const cohort = await cohortOfNames(env, slug, names);
    // Meanwhile the cohort page says how far the invitations are.
    // (The estimate beside it is checked on a recorded pace, in test/web/long-work-progress.test.ts.)
    await eventually(
      async () => expect(await progress()).toMatch(/Sending the invitations: [1-9][\d,]* of 2,000 out so far\./),
      30_000,
      50,
    );
    await eventually(async () => expect(await countSentEmails(env.stack.sql, cohort.id, 'survey-invitation')).toBe(2000), 60_000, 250);
    expect(await progress()).not.toContain('Sending the invitations');
    const accepted = requestsFor(slug).filter((r) => r.status === 200);
    expect(accepted.map((r) => r.emails.length)).toEqual(Array(20).fill(100));
    expect(new Set(acceptedTo(slug)).size).toBe(2000);
    expect(acceptedTo(slug)).toHaveLength(2000);
    // Twenty requests at two a second (Temporal lets the first few go at once) span over six seconds.
    const times = requestsFor(slug).map((r) => r.at);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(6_000);
  });
});
