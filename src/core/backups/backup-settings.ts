// The manager's backup settings: an extra folder (USB stick, network share) and how many copies to keep per folder.
// Kept in the settings table and audited like every settings area. A folder is accepted only when it is an absolute
// path to an existing folder this register can write into (a probe file is written and removed), so a typo is caught
// when it is typed, not on the night of the Z.
import { randomUUID } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { backupSettingsSchema, type BackupSettings } from '../../shared/ipc/areas/backups/contract';
import { AppError } from '../app/app-error';
import type { AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import { auditSettingsChange } from '../settings/settings-audit';

const KEY = 'backup_settings';
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, keep: 10 };

export function readBackupSettings(db: Pick<StoreDb, 'select'>): BackupSettings {
  return readJsonSetting(db, KEY, backupSettingsSchema, DEFAULT_BACKUP_SETTINGS);
}

/** Spanish reason a folder cannot take backups, or undefined when it can. */
export function folderProblem(folder: string): string | undefined {
  if (!isAbsolute(folder)) return 'Escriba la ruta completa de la carpeta (por ejemplo E:\\Copias o /media/usb/copias)';
  try {
    if (!statSync(folder).isDirectory()) return `${folder} no es una carpeta`;
  } catch {
    return `La carpeta ${folder} no existe o no está conectada`;
  }
  const probe = join(folder, `.sago-probe-${randomUUID()}`);
  try {
    writeFileSync(probe, 'sago', { flag: 'wx' });
    return undefined;
  } catch {
    return `No se puede escribir en la carpeta ${folder}`;
  } finally {
    rmSync(probe, { force: true });
  }
}

export function saveBackupSettings(
  deps: { db: StoreDb; clock: () => Date },
  input: BackupSettings,
  by: AuditActor,
): BackupSettings {
  const after = backupSettingsSchema.parse(input);
  const problem = after.folder === null ? undefined : folderProblem(after.folder);
  if (problem !== undefined) throw new AppError('invalid_request', problem);
  const before = readBackupSettings(deps.db);
  deps.db.transaction(
    (tx) => {
      writeJsonSetting(tx, KEY, backupSettingsSchema, after);
      auditSettingsChange(tx, { area: 'backups', by, before, after }, deps.clock());
    },
    { behavior: 'immediate' },
  );
  return after;
}
