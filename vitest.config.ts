// The test projects, and which files belong to which, by a rule so a new file lands in the right project by itself:
//   unit         src/**  — the code's own tests, next to it, except those that need PostgreSQL;
//   integration  tests/** (crash, layers, perf, scripts, setup, the Electron binary check) and the src tests that
//                open a throw-away PostgreSQL database (they import tests/fixtures/pg-test-db);
//   e2e          tests/e2e/** — Chromium on the built renderer through the web host.
// `npm test` runs all three, one after the other; `npx vitest run --project unit` runs one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

const ROOT = import.meta.dirname;
const E2E_TESTS = ['tests/e2e/**/*.test.ts'];
/** An import of the PostgreSQL test database fixture, from any depth. */
const PG_FIXTURE_IMPORT = /from\s+['"][./]*tests\/fixtures\/pg-test-db['"]/;

/** Test files under src whose source needs PostgreSQL (relative to the root, forward slashes). */
const srcOnPostgres = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .map((path) => `src/${path.split('\\').join('/')}`)
  .filter((path) => /\.test\.tsx?$/.test(path) && PG_FIXTURE_IMPORT.test(readFileSync(join(ROOT, path), 'utf8')))
  .sort();

export default defineConfig({
  test: {
    // Options every project inherits (extends: true).
    environment: 'node',
    testTimeout: 20_000,
    // expect.poll waits for something to become true; its default of 1 s is a hidden wall-clock budget that a loaded
    // machine misses (a list over 100 000 documents, a status after a refused call). A passing poll returns as soon as
    // it holds, so a longer limit costs time only when the test fails anyway.
    expect: { poll: { timeout: 10_000 } },
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
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...srcOnPostgres],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts', ...srcOnPostgres],
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
