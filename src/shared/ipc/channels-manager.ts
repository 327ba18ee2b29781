// Channel names of the manager's back office (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const MANAGER_CHANNELS = [
  'settings:issuer', 'settings:saveIssuer', 'settings:receipt', 'settings:saveReceipt', 'settings:contingency',
  'settings:saveContingency', 'contingency:enter', 'contingency:setReason', 'contingency:leave', 'audit:list', 'audit:csv', 'audit:verify',
  'customers:importCsv', 'documents:files', 'documents:downloadFiles', 'documents:openFile', 'documents:sendEmail',
  'documents:emailTrace', 'documents:cancel', 'documents:genericCreditNote', 'monitor:overview', 'monitor:checkFolios',
  'app:restart',
] as const;
