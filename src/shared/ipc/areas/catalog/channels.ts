// Channel names of the catalog area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const CATALOG_CHANNELS = [
  'catalog:search',
  'catalog:lookup',
  'catalog:saveProduct',
  'customers:search',
  'customers:save',
] as const;
