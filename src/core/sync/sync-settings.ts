// The register's sync settings (non-secret, in the settings table): where it is enrolled, and the pusher's state for
// the monitoring panel, kept across restarts. The device token itself lives in the vault ('sync.deviceToken').
import { z } from 'zod';
import { syncRejectionSchema, syncStatusSchema, type SyncRejection } from '../../shared/sync/status';

export { syncRejectionSchema, type SyncRejection };
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';

export const SYNC_CONNECTION_KEY = 'sync.connection';
export const SYNC_STATE_KEY = 'sync.state';

export const syncConnectionSchema = z.object({
  serverUrl: z.url(),
  deviceId: z.uuid(),
  orgId: z.uuid(),
  storeId: z.uuid(),
  storeCode: z.string(),
  registerName: z.string(),
  enrolledAt: z.string(),
});
export type SyncConnection = z.infer<typeof syncConnectionSchema>;

export const MAX_RECENT_REJECTIONS = 50;

/** What the pusher remembers between runs: the monitoring panel's fields plus the last rejections' details. */
export const syncStateSchema = syncStatusSchema
  .pick({
    lastPushAt: true,
    lastAttemptAt: true,
    lastError: true,
    nextAttemptAt: true,
    consecutiveFailures: true,
    rejectedTotal: true,
  })
  .extend({
    recentRejections: z.array(syncRejectionSchema).max(MAX_RECENT_REJECTIONS),
    /**
     * The lone event the server last failed on (HTTP 500) while its /health said OK, and how many times: at
     * POISON_STRIKES it is parked. Kept across restarts, so a register restarting in a loop still gets there.
     */
    suspect: z.object({ seq: z.number().int(), strikes: z.number().int().positive() }).nullable().default(null),
  });
export type SyncState = z.output<typeof syncStateSchema>;

export const INITIAL_SYNC_STATE: SyncState = {
  lastPushAt: null,
  lastAttemptAt: null,
  lastError: null,
  nextAttemptAt: null,
  consecutiveFailures: 0,
  rejectedTotal: 0,
  recentRejections: [],
  suspect: null,
};

export function readSyncConnection(db: StoreDb): SyncConnection | undefined {
  return readJsonSetting<SyncConnection | undefined>(db, SYNC_CONNECTION_KEY, syncConnectionSchema, undefined);
}

export function writeSyncConnection(db: Pick<StoreDb, 'insert'>, connection: SyncConnection): void {
  writeJsonSetting(db, SYNC_CONNECTION_KEY, syncConnectionSchema, connection);
}

export function readSyncState(db: StoreDb): SyncState {
  return readJsonSetting(db, SYNC_STATE_KEY, syncStateSchema, INITIAL_SYNC_STATE);
}

export function writeSyncState(db: Pick<StoreDb, 'insert'>, state: SyncState): void {
  writeJsonSetting(db, SYNC_STATE_KEY, syncStateSchema, {
    ...state,
    recentRejections: state.recentRejections.slice(-MAX_RECENT_REJECTIONS),
  });
}
