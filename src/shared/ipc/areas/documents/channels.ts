// Channel names of the documents area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const DOCUMENTS_CHANNELS = [
  'documents:list',
  'documents:get',
  'documents:retry',
  'documents:annul',
  'documents:creditNote',
  'queue:sendNow',
] as const;
