import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './browser.js';
import { freePort } from './ports.js';
import { serveApp } from './serve.js';
import { startTestStack } from './stack.js';

/** Where browser tests leave their screenshots (gitignored). */
export const SHOTS = path.resolve(import.meta.dirname, '../../test-results');

/** The whole stack served on a loopback port, with a headless Chromium to drive it. */
export async function startBrowserStack() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const stack = await startTestStack({ publicBaseUrl: base });
  const server = await serveApp(stack.app, port);
  const browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  return {
    stack,
    browser,
    base,
    async stop() {
      await browser.close();
      await server.close();
      await stack.stop();
    },
  };
}

export type BrowserStack = Awaited<ReturnType<typeof startBrowserStack>>;
