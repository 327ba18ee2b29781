// Which test files belong to which vitest project (vitest.config.ts). The rule, so a new file lands in the right
// project by itself:
//   unit         src/**  — the code's own tests, next to it, except those that need PostgreSQL;
//   integration  tests/** (crash, layers, perf, scripts, setup, electron binary check) and the src tests that open
//                a throw-away PostgreSQL database (they import tests/fixtures/pg-test-db);
//   e2e          tests/e2e/** — Chromium on the built renderer through the web host.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TEST_FILE = /\.test\.tsx?$/;
/** An import of the PostgreSQL test database fixture, from any depth. */
const PG_FIXTURE_IMPORT = /from\s+['"][./]*tests\/fixtures\/pg-test-db['"]/;

/** Test files under `dir` (relative to root, forward slashes) whose source needs PostgreSQL. */
export function postgresTests(root: string, dir: string): string[] {
  return (readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .map((path) => `${dir}/${path.split('\\').join('/')}`)
    .filter((path) => TEST_FILE.test(path) && PG_FIXTURE_IMPORT.test(readFileSync(join(root, path), 'utf8')))
    .sort();
}

export const E2E_TESTS = ['tests/e2e/**/*.test.ts'];
export const SRC_TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx'];
export const TESTS_FOLDER_TESTS = ['tests/**/*.test.ts'];
