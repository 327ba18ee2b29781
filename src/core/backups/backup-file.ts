// One backup of the register database: a consistent copy written under a temporary name, verified (opened read-only,
// PRAGMA integrity_check, documents counted), fingerprinted (SHA-256) and described by a manifest `<file>.json`, then
// renamed into place. A copy that fails verification is kept with its manifest saying so (the manager sees ✗), never
// silently. Two ways to copy here: better-sqlite3's online backup API (async, steps between sales: no pause at the
// till), and VACUUM INTO (synchronous; the fallback of the copy openDatabase takes before migrations, see
// pre-migration-copy.ts). Every copy is turned into a rollback-journal file before it is checked: a copy of a WAL file
// is a WAL file, and each read-only open of it (this check, a restore's) would leave -wal and -shm files beside it.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { writeAtomically } from '../store/atomic-file';

export const BACKUP_REASONS = ['z', 'daily', 'migration', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupManifestSchema = z.object({
  format: z.literal('sago-backup/1'),
  file: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  documents: z.number().int().nonnegative().nullable(),
  /** Migrations applied in the copy (drizzle's journal entries). */
  migrations: z.number().int().nonnegative().nullable(),
  verified: z.boolean(),
  /** Why verification failed (English, technical); null when verified. */
  problem: z.string().nullable(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export interface FileCheck {
  ok: boolean;
  documents: number | null;
  migrations: number | null;
  problem: string | null;
}

export const manifestPathOf = (file: string): string => `${file}.json`;

/** `<base>[-<register>]-`: what every copy of one register starts with (pruning touches only these). */
export function backupPrefix(databasePath: string, register?: string): string {
  const base = basename(databasePath).replace(/\.sqlite$/, '');
  return register === undefined ? `${base}-` : `${base}-${register}-`;
}

/**
 * `<base>[-<register>]-<stamp>-<reason>.sqlite`: sorts by time, says why at a glance, and says which register it is
 * (two registers of a shop may share one network folder; neither may prune the other's copies).
 */
export function backupFileName(databasePath: string, at: Date, reason: BackupReason, register?: string): string {
  return `${backupPrefix(databasePath, register)}${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

/** Read in 1 MiB chunks: a year's database is over 2 GiB, more than one Buffer (readFileSync) can hold (issue 17). */
export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Opens a copy read-only and checks it is whole and is a register database; never throws. integrity_check by default;
 * quick_check (b-tree structure and pages, without matching every index entry to its row) only for the pre-migration
 * file copy, where it was measured to matter (decision 0040).
 */
export function checkDatabaseFile(
  path: string,
  pragma: 'integrity_check' | 'quick_check' = 'integrity_check',
): FileCheck {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
    const messages = (copy.pragma(pragma) as Record<string, string>[]).map((row) => String(Object.values(row)[0]));
    if (messages.length !== 1 || messages[0] !== 'ok') {
      return {
        ok: false,
        documents: null,
        migrations: null,
        problem: `${pragma}: ${messages.slice(0, 3).join('; ')}`,
      };
    }
    const tables = new Set(
      (copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    if (!tables.has('documents') || !tables.has('__drizzle_migrations')) {
      return {
        ok: false,
        documents: null,
        migrations: null,
        problem: 'not a register database (no documents or migrations table)',
      };
    }
    const documents = (copy.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    const migrations = (copy.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    return { ok: true, documents, migrations, problem: null };
  } catch (error) {
    return {
      ok: false,
      documents: null,
      migrations: null,
      problem: error instanceof Error ? error.message : String(error),
    };
  } finally {
    copy?.close();
  }
}

/** Rewrites the copy's header to rollback-journal mode; a copy too damaged to open is left for the check to report. */
function asOneFile(path: string): void {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(path, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
  } catch {
    // checkDatabaseFile says what is wrong with it
  } finally {
    copy?.close();
  }
}

/** Removes a partial copy and anything SQLite may have left beside it. */
export function removePartial(partial: string): void {
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(file, { force: true });
}

/** Verifies a written partial copy, writes its manifest and renames it into place. */
export function finishBackup(
  partial: string,
  target: string,
  at: Date,
  reason: BackupReason,
  check: (path: string) => FileCheck = checkDatabaseFile,
): BackupManifest {
  asOneFile(partial);
  const result = check(partial);
  const manifest: BackupManifest = {
    format: 'sago-backup/1',
    file: basename(target),
    createdAt: at.toISOString(),
    reason,
    sizeBytes: statSync(partial).size,
    sha256: sha256OfFile(partial),
    documents: result.documents,
    migrations: result.migrations,
    verified: result.ok,
    problem: result.problem,
  };
  renameSync(partial, target);
  writeAtomically(manifestPathOf(target), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export interface WrittenBackup {
  path: string;
  manifest: BackupManifest;
}

export interface BackupTarget {
  folder: string;
  at: Date;
  reason: BackupReason;
  /** The register's label in the name (`<sucursal>-<punto>`), see backupFileName. */
  register?: string;
  /** A name of its own instead of backupFileName (the copy kept before a restore). */
  fileName?: string;
}

export function backupPaths(sqlite: Database.Database, target: BackupTarget): { path: string; partial: string } {
  mkdirSync(target.folder, { recursive: true });
  const path = join(
    target.folder,
    target.fileName ?? backupFileName(sqlite.name, target.at, target.reason, target.register),
  );
  return { path, partial: `${path}.partial` };
}

/**
 * Online backup through SQLite's backup API on the live connection: it copies `pagesPerStep` pages per event-loop
 * turn, and a sale committed on this same connection meanwhile is carried into the copy (SQLite updates a backup
 * in progress from its source connection), so the till never waits for the whole copy.
 */
export async function writeBackup(
  sqlite: Database.Database,
  target: BackupTarget,
  pagesPerStep = 256,
): Promise<WrittenBackup> {
  const { path, partial } = backupPaths(sqlite, target);
  try {
    removePartial(partial);
    await sqlite.backup(partial, { progress: () => pagesPerStep });
    return { path, manifest: finishBackup(partial, path, target.at, target.reason) };
  } finally {
    removePartial(partial);
  }
}

/**
 * The synchronous copy by VACUUM INTO (consistent, WAL included, but a rebuild of every table and index: minutes on a
 * year's file). Kept as the pre-migration copy's fallback when the WAL cannot be emptied, and as the bench's baseline.
 */
export function writeBackupSync(
  sqlite: Database.Database,
  target: BackupTarget,
  check: (path: string) => FileCheck = checkDatabaseFile,
): WrittenBackup {
  const { path, partial } = backupPaths(sqlite, target);
  try {
    removePartial(partial);
    sqlite.prepare('VACUUM INTO ?').run(partial);
    return { path, manifest: finishBackup(partial, path, target.at, target.reason, check) };
  } finally {
    removePartial(partial);
  }
}
