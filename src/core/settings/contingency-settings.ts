// The contingency area: when automatic contingency starts (minutes without HKA, failures in a row), the reason it
// gives by default, and the folios alarm of the monitoring panel. ContingencyManager reads these live, so a saved
// change applies to the next failure without a restart.
import { contingencySettingsSchema, type ContingencySettings } from '../../shared/ipc/areas/settings/contract';
import type { AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import { auditSettingsChange } from './settings-audit';

const KEY = 'contingency_settings';

export const DEFAULT_CONTINGENCY_REASON = 'Sin comunicación con el proveedor de facturación electrónica (PAC)';

export const DEFAULT_CONTINGENCY_SETTINGS: ContingencySettings = {
  afterUnreachableMinutes: 2,
  afterConsecutiveFailures: 5,
  defaultReason: DEFAULT_CONTINGENCY_REASON,
  foliosAlarmThreshold: 100,
};

export function readContingencySettings(db: Pick<StoreDb, 'select'>): ContingencySettings {
  return readJsonSetting(db, KEY, contingencySettingsSchema, DEFAULT_CONTINGENCY_SETTINGS);
}

export function saveContingencySettings(
  deps: { db: StoreDb; clock: () => Date },
  input: ContingencySettings,
  by: AuditActor,
): ContingencySettings {
  const before = readContingencySettings(deps.db);
  const after = contingencySettingsSchema.parse(input);
  deps.db.transaction(
    (tx) => {
      writeJsonSetting(tx, KEY, contingencySettingsSchema, after);
      auditSettingsChange(tx, { area: 'contingency', by, before, after }, deps.clock());
    },
    { behavior: 'immediate' },
  );
  return after;
}
