import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeYearArgs, writeYearFile } from '../../bench/year/write-year-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('--write-year arguments', () => {
  it('takes the path, documents and days, with a year of days by default for a big file', () => {
    expect(writeYearArgs(['--write-year', '/tmp/y.sqlite', '--docs', '700000'])).toEqual({
      path: '/tmp/y.sqlite',
      docs: 700_000,
      days: 365,
    });
    expect(writeYearArgs(['--write-year', 'y.sqlite', '--docs', '20000', '--days', '30'])).toEqual({
      path: 'y.sqlite',
      docs: 20_000,
      days: 30,
    });
  });

  it('spreads a small file at about 700 documents a day', () => {
    expect(writeYearArgs(['--write-year', 'y.sqlite', '--docs', '100000']).days).toBe(143);
  });

  it('refuses a missing path and numbers that are not whole and positive', () => {
    expect(() => writeYearArgs(['--write-year'])).toThrow(/needs the path/);
    expect(() => writeYearArgs(['--write-year', '--docs', '5'])).toThrow(/needs the path/);
    expect(() => writeYearArgs(['--write-year', 'y', '--docs', '1.5'])).toThrow(/--docs/);
    expect(() => writeYearArgs(['--write-year', 'y', '--days', '0'])).toThrow(/--days/);
  });
});

describe('writeYearFile', () => {
  it('writes a small year into a new file, then refuses to write into it again', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const dir = mkdtempSync(join(tmpdir(), 'sago-write-year-'));
    dirs.push(dir);
    const path = join(dir, 'year.sqlite');
    await writeYearFile({ path, docs: 300, days: 2 });
    const file = new Database(path, { readonly: true });
    try {
      expect(file.prepare("SELECT count(*) FROM documents WHERE tipo_documento = '01'").pluck().get()).toBe(300);
      expect(file.prepare('SELECT count(*) FROM shifts WHERE closed_at IS NOT NULL').pluck().get()).toBe(2);
    } finally {
      file.close();
    }
    await expect(writeYearFile({ path, docs: 10, days: 1 })).rejects.toThrow(/already exists/);
  });
});
