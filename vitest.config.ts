import { defineConfig } from 'vitest/config';
import { PAYLOAD_KEYS } from './test/helpers/keys.js';
import WaitingFirstSequencer from './test/setup/waiting-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/setup/global-setup.ts'],
    setupFiles: ['test/setup/quiet-logs.ts'],
    reporters: ['default', './test/setup/summary-reporter.ts'],
    pool: 'forks',
    // Most tests wait (on timers, browsers, processes) more than they compute: more files than cores run at once.
    maxWorkers: 5,
    // Test files share the modules they import within a worker: the app and the SDKs load once per worker, not
    // once per file (each file still has its own database, task queue and servers).
    isolate: false,
    sequence: { sequencer: WaitingFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // What the tests store in PostgreSQL is sealed with this key, as the worker and web app do with theirs.
    env: { PAYLOAD_KEYS },
  },
});
