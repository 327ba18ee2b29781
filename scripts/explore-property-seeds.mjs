// Runs the fast-check property tests under random seeds, to look for counterexamples the suite's fixed seed
// (tests/setup/fast-check-seed.ts) does not reach. Not part of `npm test`: run it by hand or on a schedule.
//   node scripts/explore-property-seeds.mjs [runs=5] [test files…]
// Prints every failing seed; replay one with `FC_SEED=<seed> npx vitest run <file>` and pin its counterexample as
// a plain test next to the property.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { randomInt } from 'node:crypto';

const root = join(import.meta.dirname, '..');

function propertyTestFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : propertyTestFiles(path);
    return /\.test\.tsx?$/.test(entry.name) && readFileSync(path, 'utf8').includes("from 'fast-check'") ? [path] : [];
  });
}

const [runsArg, ...fileArgs] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const files =
  fileArgs.length > 0
    ? fileArgs
    : [...propertyTestFiles(join(root, 'src')), ...propertyTestFiles(join(root, 'tests'))].map((f) =>
        relative(root, f),
      );
const failing = [];
for (let i = 0; i < runs; i++) {
  const seed = randomInt(2 ** 31);
  const result = spawnSync('npx', ['vitest', 'run', '--reporter=dot', ...files], {
    cwd: root,
    env: { ...process.env, FC_SEED: String(seed) },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const ok = result.status === 0;
  console.log(`seed ${seed}: ${ok ? 'passed' : 'FAILED'}`);
  if (!ok) failing.push(seed);
}
console.log(failing.length === 0 ? `${runs} seeds, no counterexample` : `failing seeds: ${failing.join(', ')}`);
process.exitCode = failing.length === 0 ? 0 : 1;
