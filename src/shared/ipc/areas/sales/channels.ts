// Channel names of the sales area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const SALES_CHANNELS = ['sales:complete', 'sales:last', 'receipt:print'] as const;
