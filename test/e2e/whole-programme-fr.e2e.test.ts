import { afterAll, beforeAll, it } from 'vitest';
import { startBrowserStack, type BrowserStack } from '../helpers/browser-stack.js';
import { playWholeProgramme } from '../helpers/whole-programme.js';

// One file per language, so that the two programmes (each about 100 s) run side by side.
let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.stop());

it(
  'a whole short programme in the browser, in French: cohort, surveys, match, charters, two check-ins (one alerting), final survey, report',
  () => playWholeProgramme(env, 'fr'),
  180_000,
);
