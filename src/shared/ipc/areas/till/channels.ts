// Channel names of the till's busy day (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const TILL_CHANNELS = [
  'till:park',
  'till:parked',
  'till:recall',
  'till:saveDraft',
  'till:loadDraft',
  'till:cashMovement',
  'till:cashMovements',
  'till:findInvoice',
] as const;
