// Settings are read on every app:status (seven of them per call): on the register's connection the read is one
// statement prepared once, not a query built and prepared per read; inside a transaction the read sees what that
// transaction wrote; a missing or unparsable row falls back to the default.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openDatabase, type OpenedDatabase } from './open-database';
import { readJsonSetting, writeJsonSetting } from './settings-repo';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const counter = z.object({ n: z.number().int() });

describe('readJsonSetting', () => {
  it('prepares its statement once per connection however often a setting is read', () => {
    writeJsonSetting(store.db, 'bench_counter', counter, { n: 3 });
    const prepare = vi.spyOn(store.sqlite, 'prepare');
    for (let i = 0; i < 20; i++)
      expect(readJsonSetting(store.db, 'bench_counter', counter, { n: 0 })).toEqual({ n: 3 });
    expect(readJsonSetting(store.db, 'absent_key', counter, { n: 0 })).toEqual({ n: 0 });
    expect(prepare.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('reads inside a transaction what that transaction wrote, and falls back on a row that does not parse', () => {
    store.db.transaction((tx) => {
      writeJsonSetting(tx, 'bench_counter', counter, { n: 7 });
      expect(readJsonSetting(tx, 'bench_counter', counter, { n: 0 })).toEqual({ n: 7 });
    });
    expect(readJsonSetting(store.db, 'bench_counter', counter, { n: 0 })).toEqual({ n: 7 });
    store.sqlite.prepare('UPDATE settings SET value = \'{"n": "siete"}\' WHERE key = \'bench_counter\'').run();
    expect(readJsonSetting(store.db, 'bench_counter', counter, { n: 0 })).toEqual({ n: 0 });
    store.sqlite.prepare("UPDATE settings SET value = 'not json' WHERE key = 'bench_counter'").run();
    expect(readJsonSetting(store.db, 'bench_counter', counter, { n: 0 })).toEqual({ n: 0 });
  });
});
