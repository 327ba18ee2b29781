// The store's loss-prevention rules (settings table, key loss_prevention): which cashier actions need a gerente and
// the limits. Read live by every check, so a saved change applies to the next action; saved by a gerente, audited
// with before/after like every setting.
import { lossPreventionSchema, type LossPrevention } from '../../shared/ipc/areas/loss-prevention/contract';
import type { AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import { auditSettingsChange } from '../settings/settings-audit';

const KEY = 'loss_prevention';

/** A shop's sensible start: a gerente for anything that moves money or prices, small discounts free, B/. 5 of slack at the Z. */
export const DEFAULT_LOSS_PREVENTION: LossPrevention = {
  priceOverride: true,
  lineDiscountPercent: 10,
  ticketDiscountPercent: 10,
  voidLine: true,
  clearBasket: true,
  drawerOpen: true,
  zDifferenceLimit: '5.00',
  blindCount: true,
  payOutLimit: '20.00',
  freeReprints: 1,
  catalogEdit: true,
  customerEdit: true,
};

export function readLossPrevention(db: Pick<StoreDb, 'select'>): LossPrevention {
  return readJsonSetting(db, KEY, lossPreventionSchema, DEFAULT_LOSS_PREVENTION);
}

export function saveLossPrevention(
  deps: { db: StoreDb; clock: () => Date },
  input: LossPrevention,
  by: AuditActor,
): LossPrevention {
  const before = readLossPrevention(deps.db);
  const after = lossPreventionSchema.parse(input);
  deps.db.transaction(
    (tx) => {
      writeJsonSetting(tx, KEY, lossPreventionSchema, after);
      auditSettingsChange(tx, { area: 'lossPrevention', by, before, after }, deps.clock());
    },
    { behavior: 'immediate' },
  );
  return after;
}
