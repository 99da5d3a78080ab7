import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real servers and worker threads; on a 2-core machine they
    // are steadier when files do not all run at once.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
