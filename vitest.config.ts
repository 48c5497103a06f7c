import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    // asks once whether PostgreSQL is there: its cases run, or are skipped with one line (required under CI=true);
    // builds the web UI once for the browser tests (e2e/build-web.setup.ts)
    globalSetup: ['packages/store/test/helpers/postgres-setup.ts', 'e2e/build-web.setup.ts'],
    // browser tests poll the page; on a loaded 2-core CI machine a step can take seconds
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
