// Which data set a register opens: environment.json, a first launch, and a register from before the split whose
// single sago.sqlite is adopted under the environment its own settings name, its rows intact.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataSetPath, readActiveEnvironment, resolveActiveEnvironment, writeActiveEnvironment } from './data-sets';
import { openDatabase } from './open-database';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sago-data-sets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pre-split register: sago.sqlite with its HKA settings and a marker row. */
function legacyRegister(dir: string, environment: string | undefined): void {
  const store = openDatabase({ path: join(dir, 'sago.sqlite'), checkpointIntervalMs: 0 });
  if (environment)
    store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('hka', ?)").run(JSON.stringify({ environment }));
  store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('marker', '\"kept\"')").run();
  store.close();
}

describe('the active data set', () => {
  it('a first launch is Simulador, and says so in environment.json', () => {
    const dir = tempDir();
    expect(resolveActiveEnvironment(dir)).toBe('simulador');
    expect(readActiveEnvironment(dir)).toBe('simulador');
    writeActiveEnvironment(dir, 'produccion');
    expect(resolveActiveEnvironment(dir)).toBe('produccion');
  });

  it.each([
    ['demo', 'demo'],
    ['produccion', 'produccion'],
    [undefined, 'simulador'],
  ])('adopts a pre-split sago.sqlite saved for %s as the %s data set, rows intact', (saved, expected) => {
    const dir = tempDir();
    legacyRegister(dir, saved);
    expect(resolveActiveEnvironment(dir)).toBe(expected);
    expect(existsSync(join(dir, 'sago.sqlite'))).toBe(false);
    const adopted = new Database(dataSetPath(dir, expected as 'demo'), { readonly: true });
    expect(adopted.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('"kept"');
    adopted.close();
    expect(JSON.parse(readFileSync(join(dir, 'environment.json'), 'utf8'))).toEqual({ environment: expected });
  });

  it('refuses to guess when a pre-split file and a data set of the same environment both exist', () => {
    const dir = tempDir();
    legacyRegister(dir, 'demo');
    writeFileSync(dataSetPath(dir, 'demo'), '');
    expect(() => resolveActiveEnvironment(dir)).toThrow(/Both .*sago\.sqlite and .*sago-demo\.sqlite exist/);
    expect(existsSync(join(dir, 'sago.sqlite'))).toBe(true); // nothing moved
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['{"environment":"real"}', /does not name an HKA environment/],
  ])(
    'a damaged environment.json (%s) stops the start with a reason instead of opening the wrong data set',
    (text, reason) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'environment.json'), text);
      expect(() => resolveActiveEnvironment(dir)).toThrow(reason);
    },
  );
});
