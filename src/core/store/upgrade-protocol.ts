// What the core and the upgrade worker (upgrade-worker-entry.ts) say to each other: the file to open and migrate, and
// how it went. The error crosses as plain fields, so that a copy that did not verify is the same class on both sides
// (the desktop app's error box tells the manager nothing was changed: src/main/startup-failure.ts).
import { PreMigrationCopyNotVerified } from './open-database';

export interface UpgradeWorkerData {
  path: string;
  migrationsFolder?: string | undefined;
  nativeBinding?: string | undefined;
  /** The time the copy before migrating is named by (the core's clock, ISO). */
  at: string;
}

export type UpgradeError =
  | { kind: 'copyNotVerified'; databasePath: string; copyPath: string; problem: string }
  | { kind: 'error'; name: string; message: string; stack?: string | undefined };

export type UpgradeReply = { ok: true; backupPath: string | undefined } | { ok: false; error: UpgradeError };

export function upgradeErrorOf(error: unknown): UpgradeError {
  if (error instanceof PreMigrationCopyNotVerified) {
    const { databasePath, copyPath, problem } = error;
    return { kind: 'copyNotVerified', databasePath, copyPath, problem };
  }
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message, stack: error.stack };
  return { kind: 'error', name: 'Error', message: String(error) };
}

export function errorOfUpgrade(error: UpgradeError): Error {
  if (error.kind === 'copyNotVerified') {
    return new PreMigrationCopyNotVerified(error.databasePath, error.copyPath, error.problem);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
