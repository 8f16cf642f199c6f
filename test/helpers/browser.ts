import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where a system's Chromium or Chrome usually is. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Headless Chromium from the system (or CHROMIUM_PATH). Tandem never downloads a browser: where there is
 * none, the error says how to install one.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!executablePath) {
    throw new Error(
      'Browser tests need Chromium or Chrome. Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome) or set CHROMIUM_PATH to its executable.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
