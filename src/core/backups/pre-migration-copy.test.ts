// The copy taken before migrations on real SQLite files: the checkpointed file copy carries what was still in the WAL,
// verifies, and leaves one file; when a reader keeps the WAL from being emptied it falls back to VACUUM INTO.
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { sha256OfFile } from './backup-file';
import { writePreMigrationCopy } from './pre-migration-copy';

const opened: OpenedDatabase[] = [];
const readers: Database.Database[] = [];
afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
  for (const store of opened.splice(0)) store.close();
});

const at = new Date('2026-12-06T12:00:00Z');

/** A register whose last 300 settings rows are still only in the WAL (no checkpointer). */
function registerWithWal(): { store: OpenedDatabase; dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pre-migration-'));
  const path = join(dir, 'sago.sqlite');
  const store = openDatabase({ path, checkpointIntervalMs: 0 });
  opened.push(store);
  const insert = store.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (let i = 0; i < 300; i += 1) insert.run(`k${i}`, 'x'.repeat(200));
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
  return { store, dir, path };
}

const settingsIn = (path: string): number => {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return copy.prepare('SELECT COUNT(*) FROM settings').pluck().get() as number;
  } finally {
    copy.close();
  }
};

describe('writePreMigrationCopy', () => {
  it('copies the checkpointed file: what was in the WAL is in the copy, which verifies and is one file', () => {
    const { store, dir, path } = registerWithWal();
    const copy = writePreMigrationCopy(store.sqlite, { folder: join(dir, 'backups'), at, reason: 'migration' });
    expect(copy.method).toBe('file-copy');
    expect(statSync(`${path}-wal`).size).toBe(0); // folded into the main file (TRUNCATE)
    expect(copy.manifest).toMatchObject({ verified: true, problem: null, reason: 'migration', documents: 0 });
    expect(copy.manifest.sha256).toBe(sha256OfFile(copy.path));
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual([
      'sago-2026-12-06T12-00-00-000Z-migration.sqlite',
      'sago-2026-12-06T12-00-00-000Z-migration.sqlite.json',
    ]);
    expect(settingsIn(copy.path)).toBe(300);
    // Read-only opens of the copy (a later restore's) leave nothing beside it: it is in rollback-journal mode.
    expect(existsSync(`${copy.path}-wal`) || existsSync(`${copy.path}-shm`)).toBe(false);
    const reopened = new Database(copy.path, { readonly: true });
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    reopened.close();
    // The register is untouched and still writable on the same connection (the write lock was released).
    store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('after', '1')").run();
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(301);
  });

  it('falls back to VACUUM INTO when a reader keeps the WAL from being emptied, and loses nothing', () => {
    const { store, dir, path } = registerWithWal();
    const reader = new Database(path, { readonly: true });
    readers.push(reader);
    reader.exec('BEGIN');
    expect(reader.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(300); // holds a snapshot in the WAL
    store.sqlite.pragma('busy_timeout = 0'); // the checkpoint reports busy at once instead of after 5 s
    const copy = writePreMigrationCopy(store.sqlite, { folder: join(dir, 'backups'), at, reason: 'migration' });
    expect(copy.method).toBe('vacuum-into');
    expect(copy.manifest).toMatchObject({ verified: true, problem: null, reason: 'migration' });
    expect(settingsIn(copy.path)).toBe(300);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(2);
  });

  it('falls back to VACUUM INTO when the file system refuses the file copy, and releases the write lock', () => {
    const { store, dir } = registerWithWal();
    const copy = writePreMigrationCopy(
      store.sqlite,
      { folder: join(dir, 'backups'), at, reason: 'migration' },
      {
        copyFile: () => {
          throw new Error('EBUSY: resource busy or locked');
        },
      },
    );
    expect(copy.method).toBe('vacuum-into');
    expect(copy.manifest).toMatchObject({ verified: true, problem: null });
    expect(settingsIn(copy.path)).toBe(300);
    expect(store.sqlite.inTransaction).toBe(false);
  });

  it('a copy that fails its check is kept with a manifest that says so', () => {
    const { store, dir } = registerWithWal();
    const copy = writePreMigrationCopy(
      store.sqlite,
      { folder: join(dir, 'backups'), at, reason: 'migration' },
      { check: () => ({ ok: false, documents: null, migrations: null, problem: 'injected' }) },
    );
    expect(copy.method).toBe('file-copy');
    expect(copy.manifest).toMatchObject({ verified: false, problem: 'injected' });
    expect(existsSync(copy.path)).toBe(true);
  });
});
