// The register's backups: after every Z, once a day (the first check of a Panamá day without a copy, at start and then
// hourly) and on the manager's "Crear copia ahora". Each run writes the local copy (<dataDir>/backups) and, when set,
// one in the manager's folder, keeps the newest N in each and audits what happened. A failure (folder gone, disk full,
// a copy that does not verify) is audited and kept for the settings screen; it never reaches the sale or the Z that
// asked for the copy. Runs are serialised: a Z during a daily copy waits for it instead of racing it.
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { toPanamaDate } from '../../shared/fiscal/panama-time';
import type { BackupItem, BackupsView } from '../../shared/ipc/areas/backups/contract';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { listBackupFolder, pruneBackupFolder, type CataloguedBackup } from './backup-catalogue';
import { backupPrefix, writeBackup, type BackupReason } from './backup-file';
import { readIssuerSettings } from '../store/settings-repo';
import { folderProblem, readBackupSettings } from './backup-settings';

export type BackupLocation = 'local' | 'externa';

export interface BackupOutcome {
  location: BackupLocation;
  ok: boolean;
  file: string | null;
  /** Spanish, for the manager; null when ok. */
  message: string | null;
}

export interface BackupServiceDeps {
  sqlite: Database.Database;
  db: StoreDb;
  dataDir: string;
  clock: () => Date;
  log?: { warn(message: string, meta?: Record<string, unknown>): void };
  /** Pages copied per event-loop turn (tests make it small to interleave sales with a copy). */
  pagesPerStep?: number;
}

export const BACKUP_SYSTEM_ACTOR = 'sistema:copias';
const HOUR_MS = 3_600_000;

/** What the manager reads when a copy fails (the English detail goes to the audit entry and the log). */
export function spanishFailure(error: unknown, folder: string): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC') return `No hay espacio libre en ${folder}`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `La carpeta ${folder} no existe o no está conectada`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `No se puede escribir en la carpeta ${folder}`;
  const text = error instanceof Error ? error.message : String(error);
  if (/directory does not exist/i.test(text)) return `La carpeta ${folder} no existe o no está conectada`;
  if (/disk is full|SQLITE_FULL/i.test(text)) return `No hay espacio libre en ${folder}`;
  return `No se pudo escribir la copia en ${folder}`;
}

export class BackupService {
  readonly localFolder: string;
  private running: Promise<unknown> = Promise.resolve();
  private readonly failures = new Map<BackupLocation, { at: string; location: BackupLocation; message: string }>();
  private timer: NodeJS.Timeout | undefined;
  private firstTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: BackupServiceDeps) {
    this.localFolder = join(deps.dataDir, 'backups');
  }

  /** Writes a copy in each folder; never throws (each folder's failure is an outcome, audited). */
  createNow(reason: BackupReason, by: AuditActor = { actor: BACKUP_SYSTEM_ACTOR }): Promise<BackupOutcome[]> {
    const run = this.running.then(() => this.createInEachFolder(reason, by));
    this.running = run.catch(() => undefined);
    return run;
  }

  /** After a Z: in the background, the Z has already answered. */
  afterShiftClosed(by: AuditActor): void {
    this.createNow('z', by).catch((error: unknown) => {
      this.deps.log?.warn('Backup after Z failed', { error: error instanceof Error ? error.message : String(error) });
    });
  }

  /** Takes the day's copy when the newest local copy is from an earlier Panamá day (or there is none). */
  async dailyIfDue(): Promise<BackupOutcome[] | undefined> {
    await this.running;
    const [newest] = listBackupFolder(this.localFolder).filter((b) => b.manifest?.reason !== 'migration');
    const today = toPanamaDate(this.deps.clock());
    const newestDay = newest?.manifest ? toPanamaDate(new Date(newest.manifest.createdAt)) : undefined;
    if (newestDay === today) return undefined;
    return this.createNow('daily');
  }

  /**
   * Checks a minute after start (the register is up and selling first), then every `everyMs` (default hourly).
   */
  start(everyMs = HOUR_MS, firstAfterMs = 60_000): void {
    if (this.timer) return;
    const check = () => {
      this.dailyIfDue().catch((error: unknown) => {
        this.deps.log?.warn('Daily backup check failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      });
    };
    this.firstTimer = setTimeout(check, Math.min(firstAfterMs, everyMs));
    this.firstTimer.unref();
    this.timer = setInterval(check, everyMs);
    this.timer.unref();
  }

  /** Stops the timers and waits for a copy in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstTimer) clearTimeout(this.firstTimer);
    this.timer = undefined;
    this.firstTimer = undefined;
    await this.running;
  }

  view(): BackupsView {
    const settings = readBackupSettings(this.deps.db);
    const item =
      (location: BackupLocation) =>
      (b: CataloguedBackup): BackupItem => ({
        location,
        file: basename(b.path),
        createdAt: b.manifest?.createdAt ?? null,
        reason: b.manifest?.reason ?? null,
        sizeBytes: b.sizeBytes,
        documents: b.manifest?.documents ?? null,
        verified: b.manifest?.verified === true && b.manifest.sizeBytes === b.sizeBytes,
        problem: b.manifest === null ? 'manifest missing or unreadable' : b.manifest.problem,
      });
    const external = settings.folder === null ? [] : listBackupFolder(settings.folder).map(item('externa'));
    const backups = [...listBackupFolder(this.localFolder).map(item('local')), ...external].sort((a, b) =>
      (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
    );
    return { settings, localFolder: this.localFolder, failures: [...this.failures.values()], backups };
  }

  /** The folder of a location (the manager's folder only when one is set). */
  folderOf(location: BackupLocation): string | undefined {
    return location === 'local' ? this.localFolder : (readBackupSettings(this.deps.db).folder ?? undefined);
  }

  private async createInEachFolder(reason: BackupReason, by: AuditActor): Promise<BackupOutcome[]> {
    const settings = readBackupSettings(this.deps.db);
    const outcomes = [await this.createIn('local', this.localFolder, settings.keep, reason, by)];
    if (settings.folder !== null)
      outcomes.push(await this.createIn('externa', settings.folder, settings.keep, reason, by));
    return outcomes;
  }

  private async createIn(
    location: BackupLocation,
    folder: string,
    keep: number,
    reason: BackupReason,
    by: AuditActor,
  ): Promise<BackupOutcome> {
    const at = this.deps.clock();
    try {
      // The manager's folder must already exist (a USB stick that is not plugged in is not created on the C: drive).
      const problem = location === 'externa' ? folderProblem(folder) : undefined;
      if (problem !== undefined) return this.failed(location, reason, by, at, problem, 'folder not usable');
      const issuer = readIssuerSettings(this.deps.db);
      const register = `${issuer.codigoSucursalEmisor}-${issuer.puntoFacturacionFiscal}`;
      const { path, manifest } = await writeBackup(
        this.deps.sqlite,
        { folder, at, reason, register },
        this.deps.pagesPerStep,
      );
      const file = manifest.file;
      if (!manifest.verified) {
        return this.failed(
          location,
          reason,
          by,
          at,
          `La copia ${file} no pasó la verificación`,
          manifest.problem ?? 'not verified',
          file,
        );
      }
      const pruned = pruneBackupFolder(folder, keep, backupPrefix(this.deps.sqlite.name, register));
      this.failures.delete(location);
      appendAudit(
        this.deps.db,
        {
          ...by,
          action: 'backup.created',
          details: {
            location,
            reason,
            file,
            path,
            sizeBytes: manifest.sizeBytes,
            documents: manifest.documents,
            sha256: manifest.sha256,
            pruned: pruned.length,
          },
        },
        at,
      );
      return { location, ok: true, file, message: null };
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return this.failed(location, reason, by, at, spanishFailure(error, folder), detail);
    }
  }

  private failed(
    location: BackupLocation,
    reason: BackupReason,
    by: AuditActor,
    at: Date,
    message: string,
    detail: string,
    file?: string,
  ): BackupOutcome {
    this.failures.set(location, { at: at.toISOString(), location, message });
    this.deps.log?.warn('Backup failed', { location, reason, detail });
    try {
      appendAudit(
        this.deps.db,
        { ...by, action: 'backup.failed', details: { location, reason, message, detail, ...(file ? { file } : {}) } },
        at,
      );
    } catch (error) {
      this.deps.log?.warn('Backup failure could not be audited', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return { location, ok: false, file: file ?? null, message };
  }
}
