// Restoring a backup over the register's database. The file is evidence, not truth: it must match its manifest's
// SHA-256, pass integrity_check, be a register database, and carry only migrations this program ships (a copy from a
// newer version is refused). Then, with every IPC call but this one refused and the queue worker stopped:
//   1. the current data is kept as `<name>.before-restore-<stamp>.sqlite` beside the database (online backup);
//   2. the backup's pages are copied over the live file through SQLite's backup API, so every open handle of the
//      register (handlers, worker, vault) sees the restored data without reopening anything;
//   3. pending migrations run (an older copy), in-memory state that came from the old data is reset (vault key,
//      session), the series probe runs (AfterRestore, injected), the restore is audited, and the queue restarts.
// Documents authorised at HKA but missing from the copy are the series probe's to find (issue 11 §2).
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app/app-error';
import { appendAudit, type AuditActor } from '../store/audit';
import { applyMigrations, shippedMigrations, type StoreDb } from '../store/open-database';
import { environmentOfDatabase } from '../store/data-sets';
import type { HkaEnvironment } from '../hka/contract';
import { readFileSync } from 'node:fs';
import {
  backupManifestSchema,
  checkDatabaseFile,
  manifestPathOf,
  sha256OfFile,
  writeBackup,
  type BackupManifest,
} from './backup-file';

/** Runs after the swap, before the queue restarts: the series probe (probeAndAdvance) is wired here. */
export type AfterRestore = (db: StoreDb) => Promise<void>;

export interface RestoreDeps {
  sqlite: Database.Database;
  db: StoreDb;
  clock: () => Date;
  migrationsFolder?: string | undefined;
  /** Refuses every other IPC call while `work` runs (the dispatcher's maintenance gate). */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  /** Stops the queue worker and the background jobs that write to the database; start() brings them back. */
  services: { stop(): Promise<void>; start(): void };
  /** Resets what the running register derived from the old data; returns the secrets dropped as unreadable here. */
  resetState: () => { droppedSecrets: string[] };
  afterRestore: AfterRestore;
  log?: { warn(message: string, meta?: Record<string, unknown>): void };
}

export interface RestoreResult {
  file: string;
  documentsBefore: number;
  documentsAfter: number;
  keptAs: string;
  credentialsNeeded: boolean;
  warning: string | null;
}

const refuse = (message: string): never => {
  throw new AppError('not_allowed', message);
};

function readManifest(path: string): BackupManifest {
  try {
    return backupManifestSchema.parse(JSON.parse(readFileSync(manifestPathOf(path), 'utf8')));
  } catch {
    return refuse('La copia no tiene su descripción (.json) o está dañada; no se puede verificar');
  }
}

/** Checks a candidate before anything is touched; returns its manifest. */
export function verifyForRestore(path: string, migrationsFolder?: string): BackupManifest {
  const manifest = readManifest(path);
  let hash: string;
  try {
    hash = sha256OfFile(path);
  } catch {
    return refuse('No se pudo leer el archivo de la copia');
  }
  if (hash !== manifest.sha256)
    refuse('La copia fue modificada o está dañada (su huella no coincide con la registrada)');
  const check = checkDatabaseFile(path);
  if (!check.ok) refuse('La copia no pasó la verificación de integridad o no es una base de datos de SAGO-FACTU');
  const shipped = shippedMigrations(migrationsFolder);
  const copy = new Database(path, { readonly: true });
  try {
    const applied = (
      copy.prepare('SELECT created_at AS at FROM __drizzle_migrations ORDER BY id').all() as { at: number }[]
    ).map((r) => Number(r.at));
    if (applied.length > shipped.length)
      refuse('La copia es de una versión más nueva del programa; actualice antes de restaurarla');
    if (applied.some((at, i) => at !== shipped[i])) refuse('La copia no tiene las migraciones de este programa');
  } finally {
    copy.close();
  }
  return manifest;
}

const countDocuments = (sqlite: Database.Database): number =>
  (sqlite.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;

const ENVIRONMENT_NAMES: Record<HkaEnvironment, string> = {
  simulador: 'Simulador (entrenamiento)',
  demo: 'Demo HKA',
  produccion: 'Producción',
};

/** A copy of one environment's data set never replaces another's (training data must not become fiscal, decision 0012). */
function refuseOtherEnvironment(live: Database.Database, path: string): void {
  const copy = new Database(path, { readonly: true });
  try {
    const copyEnvironment = environmentOfDatabase(copy);
    const liveEnvironment = environmentOfDatabase(live);
    if (copyEnvironment !== liveEnvironment) {
      refuse(
        `Esta copia es del ambiente «${ENVIRONMENT_NAMES[copyEnvironment]}» y la caja trabaja en «${ENVIRONMENT_NAMES[liveEnvironment]}»; cambie de ambiente (Configuración › HKA) antes de restaurarla`,
      );
    }
  } finally {
    copy.close();
  }
}

export async function restoreBackup(deps: RestoreDeps, path: string, by: AuditActor): Promise<RestoreResult> {
  const manifest = verifyForRestore(path, deps.migrationsFolder);
  refuseOtherEnvironment(deps.sqlite, path);
  return deps.exclusive(async () => {
    await deps.services.stop();
    try {
      const at = deps.clock();
      const documentsBefore = countDocuments(deps.sqlite);
      const livePath = deps.sqlite.name;
      const keptAs = `${basename(livePath)}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
      await writeBackup(deps.sqlite, { folder: dirname(livePath), at, reason: 'before-restore', fileName: keptAs });
      const source = new Database(path, { readonly: true });
      try {
        // All pages in one step: the live file is never left half old, half new.
        await source.backup(livePath, { progress: () => 0x7fffffff });
      } finally {
        source.close();
      }
      applyMigrations(deps.db, deps.migrationsFolder);
      const { droppedSecrets } = deps.resetState();
      let warning: string | null = null;
      try {
        await deps.afterRestore(deps.db);
      } catch (error) {
        deps.log?.warn('After-restore hook failed', { error: error instanceof Error ? error.message : String(error) });
        warning =
          'La copia se restauró, pero la verificación de la numeración con HKA falló; revise la numeración antes de vender';
      }
      const documentsAfter = countDocuments(deps.sqlite);
      appendAudit(
        deps.db,
        {
          ...by,
          action: 'backup.restored',
          details: {
            file: manifest.file,
            folder: dirname(path),
            sha256: manifest.sha256,
            backupCreatedAt: manifest.createdAt,
            documentsBefore,
            documentsAfter,
            keptAs: join(dirname(livePath), keptAs),
            credentialsDropped: droppedSecrets,
            ...(warning ? { warning } : {}),
          },
        },
        deps.clock(),
      );
      return {
        file: manifest.file,
        documentsBefore,
        documentsAfter,
        keptAs,
        credentialsNeeded: droppedSecrets.some((n) => n.startsWith('hka.')),
        warning,
      };
    } finally {
      deps.services.start();
    }
  });
}
