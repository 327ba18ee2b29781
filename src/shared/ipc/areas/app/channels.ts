// Channel names of the app area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const APP_CHANNELS = ['app:status', 'app:restart', 'preferences:get', 'preferences:set'] as const;
