import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addMigration, programWithMigrations } from '../../../tests/fixtures/migrations';
import { writePreMigrationCopy } from '../backups/pre-migration-copy';
import { openDatabase, shippedMigrations } from './open-database';

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
    const { dir, folder } = programWithMigrations('store-');
    const path = join(dir, 'register.sqlite');
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
    // The copy and its manifest, nothing else: no -wal/-shm left beside the copy by its verification.
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual([
      'register-2026-11-28T12-00-00-000Z-migration.sqlite',
      'register-2026-11-28T12-00-00-000Z-migration.sqlite.json',
    ]);
  });

  it('a copy that does not verify stops the open: no migration runs and the file is byte-identical', () => {
    const { dir, folder } = programWithMigrations('store-');
    const path = join(dir, 'register.sqlite');
    const first = openDatabase({ path, migrationsFolder: folder });
    first.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('issuer', '{}')").run();
    first.close();
    const before = readFileSync(path);
    addMigration(folder, '0001_add_note', 'ALTER TABLE `settings` ADD `note` text;');
    let copies = 0;
    expect(() =>
      openDatabase({
        path,
        migrationsFolder: folder,
        clock: () => new Date('2026-11-28T12:00:00Z'),
        copyBeforeMigration: (sqlite, target) => {
          copies += 1;
          return writePreMigrationCopy(sqlite, target, {
            check: () => ({ ok: false, documents: null, migrations: null, problem: 'injected: copy is damaged' }),
          });
        },
      }),
    ).toThrow(/did not verify \(injected: copy is damaged\); no migration was run/);
    expect(copies).toBe(1);
    expect(readFileSync(path).equals(before)).toBe(true);
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(
      shippedMigrations(folder).length - 1, // all but the one just added
    );
    expect(after.prepare("SELECT name FROM pragma_table_info('settings') WHERE name = 'note'").all()).toEqual([]);
    after.close();
    // The unverified copy is kept, its manifest saying so (the manager sees it as failed, never silently).
    const manifest = JSON.parse(
      readFileSync(join(dir, 'backups', 'register-2026-11-28T12-00-00-000Z-migration.sqlite.json'), 'utf8'),
    ) as { verified: boolean; problem: string };
    expect(manifest).toMatchObject({ verified: false, problem: 'injected: copy is damaged' });
  });

  it('a failing migration leaves the old file usable and unchanged', () => {
    const { dir, folder } = programWithMigrations('store-');
    const path = join(dir, 'register.sqlite');
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
