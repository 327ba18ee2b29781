// Channel names of the monitor area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const MONITOR_CHANNELS = ['monitor:overview', 'monitor:checkFolios'] as const;
