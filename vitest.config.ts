import { defineConfig } from 'vitest/config';
import { PAYLOAD_KEYS } from './test/helpers/keys.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/setup/global-setup.ts'],
    reporters: ['default', './test/setup/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // What the tests store in PostgreSQL is sealed with this key, as the worker and web app do with theirs.
    env: { PAYLOAD_KEYS },
  },
});
