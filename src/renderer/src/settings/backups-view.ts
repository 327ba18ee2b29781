// How the backups list reads: sizes in KB/MB as a manager says them, and the folder field turned into the request
// (empty = only the local copy). Pure, so it is unit-tested.
import type { BackupSettings } from '../../../shared/ipc/areas/backups/contract';

export function formatSize(bytes: number, language: string): string {
  const locale = language.startsWith('en') ? 'en' : 'es-PA';
  const format = (value: number, unit: string) =>
    `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${unit}`;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

/** The form's text fields as the contract's settings; `keep` not a whole number → null (the screen says why). */
export function backupSettingsFrom(folder: string, keep: string): BackupSettings | null {
  if (!/^\d+$/.test(keep.trim())) return null;
  const trimmed = folder.trim();
  return { folder: trimmed === '' ? null : trimmed, keep: Number(keep.trim()) };
}
