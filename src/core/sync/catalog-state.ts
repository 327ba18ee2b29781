// What the register remembers of head office's catalogue (settings, non-secret): the last (version, code) it
// applied, and the puller's outcome for the monitoring panel. Written in the same transaction as the changes.
import { z } from 'zod';
import { CATALOG_START, catalogPositionSchema, type CatalogPosition } from '../../shared/sync/catalog';
import type { SyncStatus } from '../../shared/sync/status';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';

export const CATALOG_STATE_KEY = 'sync.catalog';
export const MAX_RECENT_REFUSALS = 20;

/** A row from head office the register did not apply, and why (kept short: it is shown and audited). */
export const catalogRefusalSchema = z.object({
  codigo: z.string().nullable(),
  version: z.number().int().nullable(),
  reason: z.enum(['invalid', 'barcode_taken']),
  detail: z.string(),
  at: z.string(),
});
export type CatalogRefusal = z.infer<typeof catalogRefusalSchema>;

export const catalogStateSchema = z.object({
  /** The organisation whose catalogue `position` is in: a register enrolled elsewhere since starts again from 0. */
  orgId: z.string().nullable().default(null),
  position: catalogPositionSchema,
  lastPullAt: z.string().nullable(),
  lastAppliedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Since when changes wait for the basket in progress to be completed or emptied (null: not waiting). */
  waitingForSaleSince: z.string().nullable(),
  appliedTotal: z.number().int().nonnegative(),
  refusedTotal: z.number().int().nonnegative(),
  recentRefusals: z.array(catalogRefusalSchema).max(MAX_RECENT_REFUSALS),
});
export type CatalogState = z.output<typeof catalogStateSchema>;

export const INITIAL_CATALOG_STATE: CatalogState = {
  orgId: null,
  position: CATALOG_START,
  lastPullAt: null,
  lastAppliedAt: null,
  lastError: null,
  waitingForSaleSince: null,
  appliedTotal: 0,
  refusedTotal: 0,
  recentRefusals: [],
};

export function readCatalogState(db: StoreDb): CatalogState {
  return readJsonSetting(db, CATALOG_STATE_KEY, catalogStateSchema, INITIAL_CATALOG_STATE);
}

/** Where to ask from for `orgId`'s catalogue: the stored position when it is that organisation's. */
export function positionFor(state: CatalogState, orgId: string): CatalogPosition {
  return state.orgId === orgId ? state.position : CATALOG_START;
}

export function writeCatalogState(db: Pick<StoreDb, 'insert'>, state: CatalogState): void {
  writeJsonSetting(db, CATALOG_STATE_KEY, catalogStateSchema, {
    ...state,
    recentRefusals: state.recentRefusals.slice(-MAX_RECENT_REFUSALS),
  });
}

/** The monitoring panel's line (SyncStatus.catalog). */
export function catalogSummary(state: CatalogState): NonNullable<SyncStatus['catalog']> {
  return {
    version: state.position.since,
    lastAppliedAt: state.lastAppliedAt,
    waitingForSaleSince: state.waitingForSaleSince,
    refusedTotal: state.refusedTotal,
    lastError: state.lastError,
  };
}
