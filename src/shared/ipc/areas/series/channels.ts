// Channel names of the fiscal series (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const SERIES_CHANNELS = ['series:status', 'series:resolveCollision'] as const;
