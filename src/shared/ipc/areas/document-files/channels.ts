// Channel names of the document-files area (no schemas), merged into CHANNELS (src/shared/ipc/channels.ts) for the preload.
export const DOCUMENT_FILES_CHANNELS = [
  'documents:files',
  'documents:downloadFiles',
  'documents:openFile',
  'documents:sendEmail',
  'documents:emailTrace',
  'documents:cancel',
  'documents:genericCreditNote',
] as const;
