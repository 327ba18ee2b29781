// Channel names of the sync area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const SYNC_CHANNELS = ['sync:status', 'sync:pushNow', 'sync:enrol'] as const;
