import { defineConfig } from 'vitest/config';

/**
 * Browser and CLI tests run in Node: Chromium (through playwright-core)
 * against the built Worker served by wrangler, on a local D1 of their own.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium and one Worker at a time fit the 2-core machines.
    fileParallelism: false,
  },
});
