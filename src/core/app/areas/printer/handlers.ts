// Handlers of the thermal printer's settings (src/shared/ipc/areas/printer/contract.ts): read, save (audited), and the
// test page.
import type { printerContract } from '../../../../shared/ipc/areas/printer/contract';
import type { ThermalPrinter } from '../../../printing/thermal-printer';
import { readThermalPrinter, saveThermalPrinter } from '../../../printing/thermal-settings';
import type { StoreDb } from '../../../store/open-database';
import { auditedBy, withoutApproval } from '../../caller';
import type { IpcHandlers } from '../../dispatch';

export function createPrinterHandlers(deps: {
  db: StoreDb;
  clock: () => Date;
  thermal: ThermalPrinter;
}): Pick<IpcHandlers, keyof typeof printerContract> {
  const { db, clock } = deps;
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  return {
    'printer:settings': () => run(() => readThermalPrinter(db)),
    'printer:save': (req, caller) =>
      run(() => saveThermalPrinter({ db, clock }, withoutApproval(req), auditedBy(caller.user, caller.manager))),
    'printer:test': async (req) => {
      await deps.thermal.testPage(req);
      return { printed: true as const };
    },
  };
}
