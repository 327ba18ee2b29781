// The thermal printer's settings in the register's SQLite (key "thermalPrinter"), audited with before/after.
import {
  DEFAULT_THERMAL_PRINTER,
  thermalPrinterSchema,
  type ThermalPrinterSettings,
} from '../../shared/ipc/areas/printer/contract';
import type { AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import { auditSettingsChange } from '../settings/settings-audit';

const KEY = 'thermalPrinter';

export function readThermalPrinter(db: Pick<StoreDb, 'select'>): ThermalPrinterSettings {
  return readJsonSetting(db, KEY, thermalPrinterSchema, DEFAULT_THERMAL_PRINTER);
}

export function saveThermalPrinter(
  deps: { db: StoreDb; clock: () => Date },
  input: ThermalPrinterSettings,
  by: AuditActor,
): ThermalPrinterSettings {
  const before = readThermalPrinter(deps.db);
  const after = thermalPrinterSchema.parse(input);
  deps.db.transaction(
    (tx) => {
      writeJsonSetting(tx, KEY, thermalPrinterSchema, after);
      auditSettingsChange(tx, { area: 'printer', by, before, after }, deps.clock());
    },
    { behavior: 'immediate' },
  );
  return after;
}
