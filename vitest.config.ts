import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores - 1); most test time is spent waiting
    // on PostgreSQL, PGlite, Chromium and child processes, so two workers cut the suite from 357 s to 235 s.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
