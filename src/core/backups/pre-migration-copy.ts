// The copy openDatabase takes before pending migrations run (issue 17, decision 0040). VACUUM INTO rebuilds every table
// and index, which on a year's file (> 2 GiB) makes the first start after an upgrade far slower than copying the file.
// So: fold the WAL into the main file (wal_checkpoint(TRUNCATE)), take the write lock (BEGIN IMMEDIATE) and confirm
// the WAL is still empty — then the main file alone holds every committed page and nothing can change it — and copy
// that file; then the same verification, manifest and rename as every other copy (backup-file.ts).
// The order is checkpoint first, lock second because SQLite refuses to checkpoint on a connection inside its own
// transaction (SQLITE_LOCKED); the emptiness check under the lock closes the gap between the two.
// The copy is checked with quick_check, not integrity_check: at 60 000 documents integrity_check was ~70 % of the new
// copy step's CPU (1.6 of 2.3 s) and quick_check 0.4x of it. What quick_check leaves out — every index entry matched
// to its row — a byte copy carries over from the original rather than creates, and a restore runs the full
// integrity_check on any copy before using it (restore-backup.ts, verifyForRestore).
// When the WAL cannot be emptied (a reader still holds an old snapshot: the checkpoint reports busy), a writer got in
// between, or the file system refuses the copy, it falls back to VACUUM INTO: one consistent snapshot read through
// SQLite whatever else is going on, at the old cost.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import {
  backupPaths,
  checkDatabaseFile,
  finishBackup,
  removePartial,
  writeBackupSync,
  type BackupTarget,
  type FileCheck,
  type WrittenBackup,
} from './backup-file';

export type CopyMethod = 'file-copy' | 'vacuum-into';

export interface PreMigrationCopy extends WrittenBackup {
  /** How the copy was made: the checkpointed file copy, or VACUUM INTO when the WAL could not be emptied. */
  method: CopyMethod;
}

export interface PreMigrationCopyOptions {
  /** Verifies the written copy (default checkDatabaseFile with quick_check); tests inject a failing one. */
  check?: (path: string) => FileCheck;
  /** Copies the main file (default fs.copyFileSync); tests inject one the file system refuses. */
  copyFile?: (from: string, to: string) => void;
}

/** The signature openDatabase takes, so that a test or the bench can put another copy in its place. */
export type CopyBeforeMigration = (sqlite: Database.Database, target: BackupTarget) => WrittenBackup;

const walBytes = (databasePath: string): number =>
  existsSync(`${databasePath}-wal`) ? statSync(`${databasePath}-wal`).size : 0;

/** Empties the WAL; false when a reader keeps it from being reset (after waiting the connection's busy_timeout). */
function checkpointTruncate(sqlite: Database.Database): boolean {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
  return result?.busy === 0 && result.log === 0;
}

/**
 * The file copy itself; false when the file system refuses it (untested on Windows, where the lock-byte page of a file
 * over 1 GiB is held with LockFileEx while SQLite has it open): VACUUM INTO then reads through SQLite instead.
 */
function copyAndSync(from: string, to: string, copyFile: (from: string, to: string) => void): boolean {
  try {
    copyFile(from, to);
    const fd = openSync(to, 'r+');
    try {
      fsyncSync(fd); // on disk before the migration changes the original
    } finally {
      closeSync(fd);
    }
    return true;
  } catch {
    return false;
  }
}

/** Copies the main file under the write lock; false (nothing copied) when the WAL is not empty by then. */
function copyUnderWriteLock(
  sqlite: Database.Database,
  partial: string,
  copyFile: (from: string, to: string) => void,
): boolean {
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false; // another writer holds the lock
    throw error;
  }
  try {
    if (walBytes(sqlite.name) > 0) return false; // a writer committed between the checkpoint and the lock
    return copyAndSync(sqlite.name, partial, copyFile);
  } finally {
    sqlite.exec('ROLLBACK'); // nothing was written: this only releases the lock
  }
}

export function writePreMigrationCopy(
  sqlite: Database.Database,
  target: BackupTarget,
  options: PreMigrationCopyOptions = {},
): PreMigrationCopy {
  const check = options.check ?? ((copy: string) => checkDatabaseFile(copy, 'quick_check'));
  const { path, partial } = backupPaths(sqlite, target);
  try {
    removePartial(partial);
    if (checkpointTruncate(sqlite) && copyUnderWriteLock(sqlite, partial, options.copyFile ?? copyFileSync)) {
      return { path, method: 'file-copy', manifest: finishBackup(partial, path, target.at, target.reason, check) };
    }
  } finally {
    removePartial(partial);
  }
  return { ...writeBackupSync(sqlite, target, check), method: 'vacuum-into' };
}
