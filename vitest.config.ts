import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole-archive round trips and CLI runs over the shared archive take seconds, more on a busy CI machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
