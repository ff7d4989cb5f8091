import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary folder per run, removed at its end (test/global-temp-dir.ts).
    globalSetup: ['test/global-temp-dir.ts'],
    // Whole-archive round trips and CLI runs over the shared archive take seconds, more on a busy CI machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
