import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so the PWA plugin is not loaded in tests.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
