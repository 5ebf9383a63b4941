import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/cleanup.ts'],
    globalSetup: ['test/setup/temp-dir-guard.ts'],
    // Browser tests start Chromium; two cores cannot run many at once without timeouts.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
