// `npm run size` measures what electron-builder would pack (scripts/packed-size.mjs, decision 0029): its glob
// matching follows electron-builder's last-match-wins rule and the production closure holds the desktop's runtime only.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesGlobs, globToRegExp, matcher, productionClosure } from '../../scripts/packed-size.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

describe('packed-size', () => {
  it('reads the files list of electron-builder.yml', () => {
    const globs = filesGlobs(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
    expect(globs).toContain('out/**');
    expect(globs).toContain('!out/console/**');
    expect(() => filesGlobs('appId: x\n')).toThrow(/no files/);
  });

  it('matches globs the way electron-builder does: the last matching pattern decides', () => {
    expect(globToRegExp('**/*.map').test('out/main/index.js.map')).toBe(true);
    expect(globToRegExp('**/*.map').test('index.js.map')).toBe(true);
    expect(globToRegExp('out/*.js').test('out/main/index.js')).toBe(false);
    expect(globToRegExp('{a,b}.md').test('b.md')).toBe(true);
    const packed = matcher(filesGlobs(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')));
    expect(packed('out/main/index.js')).toBe(true);
    expect(packed('out/main/index.js.map')).toBe(false);
    expect(packed('out/console/index.html')).toBe(false);
    expect(packed('out/renderer-web/index.html')).toBe(false);
    expect(packed('resources/hka/Service.wsdl')).toBe(true);
    expect(packed('src/main/index.ts')).toBe(false);
    expect(packed('packages/central-server/package.json')).toBe(false);
  });

  it("the desktop's production closure holds its runtime, not the central server's or the renderer's packages", () => {
    const names = new Set([...productionClosure(ROOT).keys()].map((dir) => relative(ROOT, dir)));
    expect(names).toContain('node_modules/better-sqlite3');
    expect(names).toContain('node_modules/soap');
    for (const absent of ['fastify', 'pg', '@electric-sql/pglite', 'react', 'react-dom', 'i18next', 'uplot', 'vite']) {
      expect(names, absent).not.toContain(`node_modules/${absent}`);
    }
    expect([...names].filter((n) => n.includes('central-server'))).toEqual([]);
  });
});
