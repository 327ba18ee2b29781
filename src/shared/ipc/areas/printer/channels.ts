// Channel names of the thermal printer's settings (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const PRINTER_CHANNELS = ['printer:settings', 'printer:save', 'printer:test'] as const;
