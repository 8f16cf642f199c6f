import { afterAll, beforeAll } from 'vitest';
import { insertCohort, type Cohort } from '../../db/cohorts.js';
import { shortSchedule } from './cohort-fixtures.js';
import { createResendSender } from '../../activities/email/resend-sender.js';
import { startFakeResend } from './fake-resend.js';
import { startTestStack, type TestStack } from './stack.js';

export const RESEND_TEST_KEY = 're_test_key';

/** For one test file: a fake Resend over HTTP, and a test stack whose emails reach it through the real SDK. */
export function resendStackForFile(options: { webhookSecret?: string; emailRequestsPerSecond?: number } = {}) {
  const env = {} as { resend: Awaited<ReturnType<typeof startFakeResend>>; stack: TestStack };
  beforeAll(async () => {
    env.resend = await startFakeResend();
    env.stack = await startTestStack({
      sender: () => createResendSender({ apiKey: RESEND_TEST_KEY, baseUrl: env.resend.baseUrl }),
      ...(options.emailRequestsPerSecond ? { emailRequestsPerSecond: options.emailRequestsPerSecond } : {}),
      ...(options.webhookSecret ? { emailWebhook: { apiKey: RESEND_TEST_KEY, webhookSecret: options.webhookSecret } } : {}),
    });
  });
  afterAll(async () => {
    await env.stack?.stop();
    await env.resend?.close();
  });
  return env;
}

type ResendStack = ReturnType<typeof resendStackForFile>;

/** A cohort of `names` (the first a mentor), `name@slug.example.org` each, whose workflow invites them. */
export async function cohortOfNames(env: ResendStack, slug: string, names: string[]): Promise<Cohort> {
  const { cohort } = await insertCohort(env.stack.sql, {
    formId: crypto.randomUUID(),
    slug,
    name: `Cohort ${slug}`,
    description: '',
    charter: 'We commit to meet monthly.',
    schedule: shortSchedule(),
    participants: names.map((name, i) => ({
      line: i + 2,
      name,
      email: `${name.toLowerCase()}@${slug}.example.org`,
      role: i === 0 ? 'mentor' : 'mentee',
      languages: ['English'],
      attributes: {},
    })),
  });
  await env.stack.workflows.startCohort(cohort, names.length);
  return cohort;
}

/** Whom the fake Resend accepted emails for, in a cohort made by `cohortOfNames`. */
export const sentToCohort = (env: ResendStack, slug: string) =>
  env.resend.emails.filter((e) => e.status === 200 && String(e.to).includes(`@${slug}.example.org`)).map((e) => String(e.to));
