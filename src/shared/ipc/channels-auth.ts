// Channel names of the auth area (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const AUTH_CHANNELS = [] as const;
