// Channel names of the reports area (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const REPORTS_CHANNELS = [] as const;
