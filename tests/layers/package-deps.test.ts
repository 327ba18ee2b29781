// What each package.json declares matches what each runtime imports (decision 0029): the desktop app's
// `dependencies` are exactly the packages src/main, src/preload, src/core and src/shared load at run time (renderer
// and console packages are bundled by vite, so build-time); the central server's workspace package
// (packages/central-server) declares every package src/server loads, at the root's version. Knip cannot check the
// workspace itself (its sources stay in src/server by the README's layout), so this test does.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const readManifest = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Manifest;
const root = readManifest('package.json');
const server = readManifest('packages/central-server/package.json');

/** Run-time sources of a layer: tests, test fixtures and fixture folders excluded. */
function runtimeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : runtimeFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.(test|fixture)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The npm packages a layer imports (static or dynamic), by package name. */
export function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^'.][^']*)'/gm)].map((m) => m[1]);
  return specifiers
    .filter((s): s is string => s !== undefined && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s)));
}

const packagesOf = (...layers: string[]) =>
  new Set(
    layers.flatMap((layer) =>
      runtimeFiles(join(ROOT, 'src', layer)).flatMap((f) => importedPackages(readFileSync(f, 'utf8'))),
    ),
  );

describe('package manifests match the imports', () => {
  it('reads imports (the scan itself works)', () => {
    expect(importedPackages("import x from 'a/b';\nconst y = await import('@s/p/q');\nimport 'node:fs';")).toEqual([
      'a',
      '@s/p',
    ]);
  });

  it("the desktop's dependencies are exactly what main, preload, core and shared load (electron aside)", () => {
    const desktop = [...packagesOf('main', 'preload', 'core', 'shared')].filter((p) => p !== 'electron').sort();
    expect(Object.keys(root.dependencies ?? {}).sort()).toEqual(desktop);
  });

  it('renderer and console packages are build-time (devDependencies)', () => {
    for (const name of packagesOf('renderer', 'console')) {
      if (name in (root.dependencies ?? {})) continue; // shared with the desktop's runtime (e.g. qrcode)
      expect(root.devDependencies, name).toHaveProperty([name]);
    }
  });

  it("the central server's package declares what src/server loads, at the root's versions", () => {
    const declared = server.dependencies ?? {};
    for (const name of packagesOf('server', 'shared')) expect(declared, name).toHaveProperty([name]);
    for (const [name, version] of Object.entries(declared)) {
      expect(root.dependencies?.[name] ?? root.devDependencies?.[name], name).toBe(version);
    }
  });
});
