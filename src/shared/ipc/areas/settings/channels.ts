// Channel names of the settings area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const SETTINGS_CHANNELS = [
  'settings:issuer',
  'settings:saveIssuer',
  'settings:receipt',
  'settings:saveReceipt',
  'settings:contingency',
  'settings:saveContingency',
  'contingency:enter',
  'contingency:setReason',
  'contingency:leave',
  'audit:list',
  'audit:csv',
  'audit:verify',
  'customers:importCsv',
] as const;
