// Channel names of the hka area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const HKA_CHANNELS = ['settings:hka', 'settings:saveHka', 'settings:testHka'] as const;
