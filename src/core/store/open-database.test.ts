import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from './open-database';

const tempDir = () => mkdtempSync(join(tmpdir(), 'store-'));

describe('openDatabase', () => {
  it('creates a WAL file database with durable commits, foreign keys and STRICT tables', () => {
    const path = join(tempDir(), 'register.sqlite');
    const store = openDatabase({ path });
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.backupPath).toBeUndefined();
    // STRICT: a value of the wrong type is refused instead of stored as whatever it was.
    expect(() =>
      store.sqlite
        .prepare(
          "INSERT INTO fiscal_series (codigo_sucursal, punto_facturacion, tipo_documento, last_number) VALUES ('0000', '001', '01', 'abc')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    store.close();
  });

  it('copies the file before running a new migration, and keeps data', () => {
    const dir = tempDir();
    const path = join(dir, 'register.sqlite');
    const folder = join(dir, 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    const first = openDatabase({ path, migrationsFolder: folder });
    first.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('issuer', '{}')").run();
    first.close();
    addMigration(folder, '0001_add_note', 'ALTER TABLE `settings` ADD `note` text;');
    const second = openDatabase({ path, migrationsFolder: folder, clock: () => new Date('2026-11-28T12:00:00Z') });
    expect(second.backupPath).toBe(join(dir, 'backups', 'register-2026-11-28T12-00-00-000Z-migration.sqlite'));
    expect(JSON.parse(readFileSync(`${second.backupPath ?? ''}.json`, 'utf8'))).toMatchObject({
      reason: 'migration',
      verified: true,
      documents: 0,
    });
    expect(existsSync(second.backupPath ?? '')).toBe(true);
    const copy = new Database(second.backupPath ?? '', { readonly: true });
    expect(copy.prepare('SELECT key FROM settings').all()).toEqual([{ key: 'issuer' }]);
    copy.close();
    expect(second.sqlite.prepare('SELECT key, note FROM settings').all()).toEqual([{ key: 'issuer', note: null }]);
    second.close();
  });

  it('a failing migration leaves the old file usable and unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'register.sqlite');
    const folder = join(dir, 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    const first = openDatabase({ path, migrationsFolder: folder });
    first.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('issuer', '{}')").run();
    first.close();
    addMigration(
      folder,
      '0001_broken',
      'ALTER TABLE `settings` ADD `note` text;--> statement-breakpoint\nTHIS IS NOT SQL;',
    );
    expect(() => openDatabase({ path, migrationsFolder: folder })).toThrow();
    const after = new Database(path);
    expect(after.prepare('SELECT * FROM settings').all()).toEqual([
      expect.objectContaining({ key: 'issuer', value: '{}' }),
    ]);
    expect(
      after
        .prepare("SELECT name FROM pragma_table_info('settings')")
        .all()
        .map((c) => (c as { name: string }).name),
    ).not.toContain('note');
    after.close();
  });
});

function addMigration(folder: string, tag: string, sql: string): void {
  writeFileSync(join(folder, `${tag}.sql`), sql);
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: object[] };
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag, breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));
}

describe('WAL checkpoints', () => {
  it('never checkpoints inside a commit; checkpoint() and close() fold the WAL into the file', () => {
    const path = join(tempDir(), 'register.sqlite');
    const store = openDatabase({ path });
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = store.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'x'.repeat(500));
    const walBytes = () => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
    expect(walBytes()).toBeGreaterThan(1000 * 4096); // grew past where SQLite would have checkpointed by itself
    expect(store.checkpoint()).toBeGreaterThan(0);
    store.close();
    expect(walBytes()).toBe(0);
    const reopened = openDatabase({ path });
    expect(reopened.sqlite.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(2000);
    reopened.close();
  });
});

describe('native binding', () => {
  it('loads better-sqlite3 from an explicit binary (how the desktop app gets its Electron build), and fails clearly on a wrong one', () => {
    const binding = join(process.cwd(), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const store = openDatabase({ path: ':memory:', nativeBinding: binding });
    expect(store.sqlite.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    store.close();
    expect(() => openDatabase({ path: ':memory:', nativeBinding: join(tempDir(), 'missing.node') })).toThrow();
  });
});
