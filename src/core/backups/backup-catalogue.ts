// The backups in a folder, read from their manifests (no table: the folder is the catalogue, so a USB stick carried
// to another PC lists itself). A manifest that does not parse, or whose file is gone, is shown as unverified rather
// than hidden. Pruning keeps the newest N copies of this register's database and deletes the rest with their manifests.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupManifestSchema, manifestPathOf, type BackupManifest } from './backup-file';

export interface CataloguedBackup {
  path: string;
  manifest: BackupManifest | null;
  /** File size now (the manifest's may differ if the file was changed afterwards). */
  sizeBytes: number;
}

/** Only our own copies (backupFileName's pattern): pruning must never touch other files on a shared stick. */
const BACKUP_FILE = /^[\w.-]+-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(z|daily|migration|manual)\.sqlite$/;
const isBackupFile = (name: string): boolean => BACKUP_FILE.test(name);

function readManifest(file: string): BackupManifest | null {
  try {
    const parsed = backupManifestSchema.safeParse(JSON.parse(readFileSync(manifestPathOf(file), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return []; // unplugged, not a folder, no permission: the failure is reported when a copy is attempted
  }
}

/** Newest first (file names carry an ISO time stamp). A folder that cannot be read lists nothing. */
export function listBackupFolder(folder: string): CataloguedBackup[] {
  return namesIn(folder)
    .filter(isBackupFile)
    .sort()
    .reverse()
    .map((name) => {
      const path = join(folder, name);
      return { path, manifest: readManifest(path), sizeBytes: statSync(path).size };
    });
}

/** Deletes all but the newest `keep` backups whose names start with `prefix` (one register's); returns the paths removed. */
export function pruneBackupFolder(folder: string, keep: number, prefix: string): string[] {
  const removed: string[] = [];
  const ours = listBackupFolder(folder).filter((b) => basename(b.path).startsWith(prefix));
  for (const backup of ours.slice(Math.max(1, keep))) {
    rmSync(backup.path, { force: true });
    rmSync(manifestPathOf(backup.path), { force: true });
    removed.push(backup.path);
  }
  return removed;
}
