import { configDefaults, defineConfig } from 'vitest/config';
import { E2E_TESTS, postgresTests, SRC_TESTS, TESTS_FOLDER_TESTS } from './vitest.projects';

// The src tests that need PostgreSQL run with the integration tests (vitest.projects.ts says why and how).
const srcOnPostgres = postgresTests(import.meta.dirname, 'src');

export default defineConfig({
  test: {
    // Options every project inherits (extends: true).
    environment: 'node',
    testTimeout: 20_000,
    // One fixed fast-check seed for every property test (tests/setup/fast-check-seed.ts); the reporter prints it.
    setupFiles: ['tests/setup/fast-check-seed.ts'],
    // The JSON report is what .ci/run reads to print its "N passed, N failed" line; the project-times reporter
    // prints the seed first and each project's files, tests and wall time last.
    reporters: ['default', 'json', './tests/setup/project-times-reporter.ts'],
    outputFile: { json: 'reports/vitest.json' },
    // One project after the other (groupOrder): each project's wall time is its own, and the browser tests do not
    // share the CPU with a few hundred unit files.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: SRC_TESTS,
          exclude: [...configDefaults.exclude, ...srcOnPostgres],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [...TESTS_FOLDER_TESTS, ...srcOnPostgres],
          exclude: [...configDefaults.exclude, ...E2E_TESTS],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E_TESTS,
          // The renderer and the console are built once for every e2e file (tests/setup/e2e-builds.ts).
          globalSetup: ['tests/setup/e2e-builds.ts'],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
