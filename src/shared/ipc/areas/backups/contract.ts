// IPC contract entries of Configuración › Copias de seguridad, merged into ipcContract (src/shared/ipc/contract.ts);
// names in channels.ts. All are a signed-in gerente's: a backup holds every sale and customer, and a restore replaces
// the register's data. The restore also carries the confirmation word the manager typed, which the core checks.
import { z } from 'zod';
import type { ContractEntry } from '../../access';

export const BACKUP_LOCATIONS = ['local', 'externa'] as const;
export const RESTORE_CONFIRMATION = 'RESTAURAR';

export const backupSettingsSchema = z.object({
  /** The manager's folder (USB stick, network share): an absolute path; null = only the local copy. */
  folder: z
    .string()
    .trim()
    .min(1, 'Escriba la carpeta o déjela vacía')
    .max(500, 'La ruta admite hasta 500 caracteres')
    .nullable(),
  /** Copies kept in each folder (the oldest beyond this are deleted). */
  keep: z.number().int().min(1, 'Guarde al menos 1 copia').max(100, 'Se guardan como máximo 100 copias'),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupItemSchema = z.object({
  location: z.enum(BACKUP_LOCATIONS),
  file: z.string(),
  createdAt: z.string().nullable(),
  reason: z.string().nullable(),
  sizeBytes: z.number().int(),
  documents: z.number().int().nullable(),
  verified: z.boolean(),
  /** Why it is not verified (English, technical), or null. */
  problem: z.string().nullable(),
});
export type BackupItem = z.infer<typeof backupItemSchema>;

export const backupFailureSchema = z.object({
  at: z.string(),
  location: z.enum(BACKUP_LOCATIONS),
  message: z.string(),
});

export const backupsViewSchema = z.object({
  settings: backupSettingsSchema,
  localFolder: z.string(),
  /** The last automatic or manual backup that failed, until one succeeds in that location. */
  failures: z.array(backupFailureSchema),
  backups: z.array(backupItemSchema),
});
export type BackupsView = z.infer<typeof backupsViewSchema>;

const fileName = z
  .string()
  .regex(/^[\w.-]+\.sqlite$/, 'Nombre de copia no válido')
  .max(200);

export const backupsContract = {
  /** Backups in the local folder and in the manager's folder, newest first, with the last failures. */
  'backups:list': { access: 'gerente', request: z.object({}), response: backupsViewSchema },
  /** "Crear copia ahora": both folders; a failed folder is reported (and audited), the other still written. */
  'backups:create': {
    access: 'gerente',
    request: z.object({}),
    response: backupsViewSchema.extend({
      outcomes: z.array(
        z.object({
          location: z.enum(BACKUP_LOCATIONS),
          ok: z.boolean(),
          file: z.string().nullable(),
          message: z.string().nullable(),
        }),
      ),
    }),
  },
  /** Replaces the register's data with a verified backup (the current file is kept beside it). */
  'backups:restore': {
    access: 'gerente',
    request: z.object({
      location: z.enum(BACKUP_LOCATIONS),
      file: fileName,
      confirmation: z.literal(RESTORE_CONFIRMATION, { error: `Escriba ${RESTORE_CONFIRMATION} para confirmar` }),
    }),
    response: z.object({
      file: z.string(),
      documentsBefore: z.number().int(),
      documentsAfter: z.number().int(),
      keptAs: z.string(),
      /** The backup's HKA credentials cannot be opened on this PC: the manager enters them again. */
      credentialsNeeded: z.boolean(),
      /** Something after the swap went wrong (Spanish); the data is restored. */
      warning: z.string().nullable(),
    }),
  },
  /** The manager's folder (checked writable) and how many copies to keep. */
  'settings:saveBackups': { access: 'gerente', request: backupSettingsSchema, response: backupsViewSchema },
} as const satisfies Record<string, ContractEntry>;
