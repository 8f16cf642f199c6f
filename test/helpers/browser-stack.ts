import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { getOutboxMessage, listOutboxMessages } from '../../db/emails.js';
import { launchChromium } from './browser.js';
import { freePort } from '../../dev/ports.js';
import { serveApp } from './serve.js';
import type { SsoSettings } from '../../domain/config.js';
import { startTestStack } from './stack.js';

/** Where browser tests leave their screenshots (gitignored). */
export const SHOTS = path.resolve(import.meta.dirname, '../../test-results');

/** The screenshots the README shows: written by the browser tests at each run, so they show Tandem as it is. */
export const GUIDE_IMAGES = path.resolve(import.meta.dirname, '../../docs/images');

/** What the browser shows of `page` (its window, not the whole page), as the README's image `name`. */
export const guideShot = (page: { screenshot(o: { path: string }): Promise<unknown> }, name: string) =>
  page.screenshot({ path: path.join(GUIDE_IMAGES, `${name}.png`) });

/**
 * The whole stack served on a loopback port, with a headless Chromium to drive it; `sso` gives the settings of
 * an OpenID provider, once the stack's address is known.
 */
export async function startBrowserStack(options: { sso?: (base: string) => Promise<SsoSettings> } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const stack = await startTestStack({ publicBaseUrl: base, ...(options.sso ? { sso: await options.sso(base) } : {}) });
  const server = await serveApp(stack.app, port);
  const browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });

  /** The latest email to `email` whose subject contains `subject`, once there are `count` of them. */
  async function emailTo(email: string, subject: string, count = 1) {
    let found: Awaited<ReturnType<typeof listOutboxMessages>>[number] | undefined;
    await expect
      .poll(
        async () => {
          const matching = (await listOutboxMessages(stack.sql, { to: email })).filter((m) => m.subject.includes(subject));
          found = matching.length >= count ? matching[0] : undefined;
          return found;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBeDefined();
    return (await getOutboxMessage(stack.sql, found!.id))!;
  }

  return {
    stack,
    browser,
    base,
    emailTo,
    /** The personal link in that email, as the participant would click it. */
    async linkIn(email: string, subject: string, linkPath: string, count = 1): Promise<string> {
      const { html } = await emailTo(email, subject, count);
      return new RegExp(`href="(${base}/${linkPath}/[^"]+)"`).exec(html)![1]!;
    },
    async stop() {
      await browser.close();
      await server.close();
      await stack.stop();
    },
  };
}

export type BrowserStack = Awaited<ReturnType<typeof startBrowserStack>>;
