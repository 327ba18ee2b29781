// Channel names of the reports area (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const REPORTS_CHANNELS = [
  'reports:currentShift',
  'reports:openShift',
  'reports:xReport',
  'reports:closeShift',
  'reports:zReport',
  'reports:sales',
  'catalog:previewCsv',
  'catalog:importCsv',
] as const;
