// Channel names of loss prevention (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const LOSS_PREVENTION_CHANNELS = [
  'settings:lossPrevention',
  'settings:saveLossPrevention',
  'till:rules',
  'till:authorize',
] as const;
