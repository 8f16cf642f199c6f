import { afterAll, beforeAll } from 'vitest';
import { createResendSender } from '../../activities/email/resend-sender.js';
import { startFakeResend } from './fake-resend.js';
import { startTestStack, type TestStack } from './stack.js';

export const RESEND_TEST_KEY = 're_test_key';

/** For one test file: a fake Resend over HTTP, and a test stack whose emails reach it through the real SDK. */
export function resendStackForFile() {
  const env = {} as { resend: Awaited<ReturnType<typeof startFakeResend>>; stack: TestStack };
  beforeAll(async () => {
    env.resend = await startFakeResend();
    env.stack = await startTestStack({ sender: () => createResendSender({ apiKey: RESEND_TEST_KEY, baseUrl: env.resend.baseUrl }) });
  });
  afterAll(async () => {
    await env.stack?.stop();
    await env.resend?.close();
  });
  return env;
}
