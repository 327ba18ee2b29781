// Panamá civil time (UTC−05:00 all year, no DST; REFERENCE.md §1.8) in the text forms HKA answers with.
import { toPanamaDate, toPanamaDateTime } from '../../../shared/fiscal/panama-time';

/** `2025-09-01` */
export const panamaDate = toPanamaDate;

/** `2025-09-01T21:05:49-05:00`, as in fechaRecepcionDGI of production traffic [P]. */
export const panamaIso = toPanamaDateTime;

/** `2023-04-10 10:29:07`, as in EstadoDocumento's dates (space-separated, no offset). */
export function panamaSpaced(date: Date): string {
  return panamaIso(date).slice(0, 19).replace('T', ' ');
}

/** Whole calendar days between two Panamá dates `YYYY-MM-DD` (b − a). */
export function calendarDaysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Adds months to a `YYYY-MM-DD` date, clamping the day to the target month's length (Jan 31 + 1 → Feb 28/29). */
export function addMonths(isoDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
