// The suite needs nothing outside this repository: a clone in any folder (no sibling `shared/`) runs it. Every path
// the code builds from its own location (import.meta.dirname / __dirname plus relative segments) must stay inside the
// repository, and no file names the steering repository's reference folder as a place to read from.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['src', 'tests', 'bench', 'scripts'];
const CODE = /\.(ts|tsx|mjs|js|cjs)$/;

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : codeFiles(path);
    return CODE.test(entry.name) ? [path] : [];
  });
}

/** `join(import.meta.dirname, '../x', 'y')` and the like: the relative segments of each such call. */
export function anchoredPaths(source: string): string[][] {
  const calls = source.matchAll(/(?:join|resolve)\(\s*(?:import\.meta\.dirname|__dirname)\s*((?:,\s*'[^']*'\s*)+)\)/g);
  return [...calls].map((call) => [...(call[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] ?? ''));
}

describe('the suite is self-contained', () => {
  const files = FOLDERS.flatMap((folder) => codeFiles(join(ROOT, folder)));

  it('finds the anchored paths it checks (the scan itself works)', () => {
    expect(anchoredPaths("const A = join(import.meta.dirname, '../../x', 'y.xml');")).toEqual([['../../x', 'y.xml']]);
    expect(files.length).toBeGreaterThan(100);
  });

  it("every path built from a file's own folder stays inside the repository", () => {
    const escaping = files.flatMap((file) =>
      anchoredPaths(readFileSync(file, 'utf8'))
        .map((segments) => resolve(file, '..', ...segments))
        .filter((target) => relative(ROOT, target).startsWith('..'))
        .map((target) => `${relative(ROOT, file)} -> ${target}`),
    );
    expect(escaping).toEqual([]);
  });

  it("no code reads the steering repository's reference folder", () => {
    const self = resolve(import.meta.filename);
    const naming = files.filter(
      (file) => file !== self && /['"`][^'"`]*\.\.\/shared\/reference/.test(readFileSync(file, 'utf8')),
    );
    expect(naming.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
