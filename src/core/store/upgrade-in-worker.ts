// Before the core opens its file: when migrations are pending, the copy and the migrations run on a worker thread
// (upgrade-worker-entry.ts) while the caller's thread stays free. On a year's file that is seconds (decision 0040:
// 7.2 s at 251 k documents); done on the desktop app's main thread, the app showed no window at all meanwhile, and a
// window it showed would not paint. The caller is told first (onUpgrade) so that it can say what is happening.
import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { startWorkerThread } from '../reads/worker-thread';
import { DEFAULT_MIGRATIONS_FOLDER, hasUserTables, pendingMigrations } from './open-database';
import { errorOfUpgrade, type UpgradeReply, type UpgradeWorkerData } from './upgrade-protocol';

export const DEFAULT_UPGRADE_WORKER_ENTRY = new URL('./upgrade-worker-entry.ts', import.meta.url);

export interface UpgradeOptions {
  path: string;
  /** As the register core is given them; `upgradeWorkerEntry`: the desktop app's bundled entry (default: the source). */
  assets?:
    | { migrationsFolder?: string | undefined; sqliteNativeBinding?: string | undefined; upgradeWorkerEntry?: URL }
    | undefined;
  clock?: () => Date;
  /** Called before the worker starts, when there is something to migrate (the desktop app shows its window). */
  onUpgrade?: (() => void | Promise<void>) | undefined;
  /** How the thread is started (tests). */
  start?: (entry: URL, data: UpgradeWorkerData) => Worker;
}

/** Whether opening `path` would migrate an existing register's data (and copy it first). */
export function upgradePending(path: string, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER, nativeBinding?: string) {
  if (!existsSync(path)) return false;
  const sqlite = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return hasUserTables(sqlite) && pendingMigrations(sqlite, migrationsFolder) > 0;
  } finally {
    sqlite.close();
  }
}

/**
 * Migrates `path` on a worker thread when it has migrations pending; resolves with what was done. A copy that did not
 * verify rejects with PreMigrationCopyNotVerified, as openDatabase would throw it (the file is then unchanged).
 */
export async function upgradeInWorker(options: UpgradeOptions): Promise<{ upgraded: boolean; backupPath?: string }> {
  const { migrationsFolder, sqliteNativeBinding: nativeBinding, upgradeWorkerEntry } = options.assets ?? {};
  if (!upgradePending(options.path, migrationsFolder, nativeBinding)) return { upgraded: false };
  await options.onUpgrade?.();
  const data: UpgradeWorkerData = {
    path: options.path,
    migrationsFolder,
    nativeBinding,
    at: (options.clock?.() ?? new Date()).toISOString(),
  };
  const worker = (options.start ?? startWorkerThread)(upgradeWorkerEntry ?? DEFAULT_UPGRADE_WORKER_ENTRY, data);
  const reply = await new Promise<UpgradeReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The upgrade worker exited (code ${code}) before answering`)));
  }).finally(() => void worker.terminate());
  if (!reply.ok) throw errorOfUpgrade(reply.error);
  return { upgraded: true, ...(reply.backupPath !== undefined ? { backupPath: reply.backupPath } : {}) };
}
