import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    // The JSON report is what .ci/run reads to print its "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    testTimeout: 20_000,
    // One fixed fast-check seed for every property test (tests/setup/fast-check-seed.ts); printed once per run.
    setupFiles: ['tests/setup/fast-check-seed.ts'],
    globalSetup: ['tests/setup/print-fast-check-seed.ts'],
  },
});
