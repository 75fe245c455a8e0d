import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One `npm test` runs every project: the pure core and the server under Node, the client under jsdom, and
// the browser tests. They share one pool with a worker per core (Vitest's default keeps one core free), so
// the browser tests, which partly wait on Chromium, run alongside the others instead of after them.
export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/scenarios/**/*.test.ts'],
          // Files share a worker's module cache (importing Fastify, Socket.IO and the core once per worker,
          // not per file): the core has no global state and every server test builds its own app.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: './client/vite.config.ts',
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          // One jsdom per worker instead of one per file; tests/client/setup.ts clears the page after each test.
          isolate: false,
          setupFiles: ['tests/client/setup.ts'],
          testTimeout: 30_000,
        },
      },
      // Two real server processes on PostgreSQL: only with a database to run on (`npm run test:cluster`).
      ...(process.env.KEFU_TEST_PG
        ? [
            {
              test: {
                name: 'cluster',
                environment: 'node',
                include: ['tests/cluster/**/*.test.ts'],
                testTimeout: 180_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/build-client.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
