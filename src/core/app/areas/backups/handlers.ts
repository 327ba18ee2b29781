// Handlers of Configuración › Copias de seguridad (src/shared/ipc/areas/backups/contract.ts); merged into
// createIpcHandlers. Every channel is a signed-in gerente's (the dispatcher enforces it). A restore names a copy by
// folder and file name only: the renderer never hands the core a path to open.
import { join } from 'node:path';
import type { backupsContract } from '../../../../shared/ipc/areas/backups/contract';
import { saveBackupSettings } from '../../../backups/backup-settings';
import { AppError } from '../../app-error';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import type { RegisterContext } from '../../register-context';

const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

export function createBackupHandlers(
  ctx: Pick<RegisterContext, 'db' | 'clock' | 'backups' | 'restore'>,
): Pick<IpcHandlers, keyof typeof backupsContract> {
  const { backups } = ctx;
  return {
    'backups:list': () => run(() => backups.view()),
    'backups:create': async (_req, caller) => {
      const outcomes = await backups.createNow('manual', auditedBy(caller.user));
      return { ...backups.view(), outcomes };
    },
    'backups:restore': (req, caller) => {
      const folder = backups.folderOf(req.location);
      if (folder === undefined) throw new AppError('not_found', 'No hay carpeta de copias externa configurada');
      const listed = backups.view().backups.some((b) => b.location === req.location && b.file === req.file);
      if (!listed) throw new AppError('not_found', 'La copia no está en la carpeta');
      return ctx.restore(join(folder, req.file), auditedBy(caller.user));
    },
    'settings:saveBackups': (req, caller) =>
      run(() => {
        saveBackupSettings({ db: ctx.db, clock: ctx.clock }, req, auditedBy(caller.user));
        return backups.view();
      }),
  };
}
