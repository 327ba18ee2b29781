// Channel names of Configuración › Copias de seguridad (no schemas), merged into CHANNELS (channels.ts) for the preload.
export const BACKUP_CHANNELS = ['backups:list', 'backups:create', 'backups:restore', 'settings:saveBackups'] as const;
