// English texts of Settings › Backups. Merged into en.ts under `backups`; same keys as es-backups.ts.
export const enBackups = {
  backups: {
    intro:
      'The register keeps a verified copy of its data at every shift close (Z), once a day and before every update: always on this computer and, if you name one, also in an external folder (USB stick or network folder). HKA tokens never travel readable in a backup.',
    folder: 'External folder (full path; empty = local copy only)',
    folderHint: 'For example E:\\Backups or /media/usb/backups. It must exist and be writable.',
    keep: 'Copies kept in each folder',
    localFolder: 'Local copy: {{folder}}',
    createNow: 'Back up now',
    creating: 'Backing up…',
    created: 'Backup created ({{location}}).',
    list: 'Available backups',
    empty: 'No backups yet.',
    failure: 'The {{location}} backup failed ({{at}}): {{message}}',
    columns: {
      at: 'Date',
      reason: 'Reason',
      size: 'Size',
      documents: 'Documents',
      verified: 'Verified',
      location: 'Location',
      actions: 'Actions',
    },
    locations: { local: 'local', externa: 'external' },
    reasons: {
      z: 'Z close',
      daily: 'Daily',
      migration: 'Before update',
      manual: 'Manual',
      'before-restore': 'Before restore',
    },
    verifiedYes: '✓',
    verifiedNo: '✗',
    restore: 'Restore',
    restoreTitle: 'Restore the backup of {{at}}',
    restoreWarning:
      'The register’s current data is replaced by the backup’s ({{documents}} documents). Sales made after the backup leave the register (the current file is kept aside). Sending to HKA stops meanwhile.',
    restoreConfirmLabel: 'Type {{word}} to confirm',
    restoreConfirm: 'Restore now',
    restored: 'Backup restored: {{before}} documents before, {{after}} now. The previous file was kept as {{keptAs}}.',
    credentialsNeeded:
      'The backup’s HKA credentials cannot be opened on this computer: enter them again in Settings › HKA.',
    signedOut: 'Your user is not in the restored backup: sign in with one of its users.',
  },
} as const;
