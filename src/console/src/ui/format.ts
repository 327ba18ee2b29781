// How the console writes amounts and instants: B/. with 2 decimals (the fiscal core's formatter), and times in
// Panama (the stores' calendar) whatever the viewer's own time zone.
import { formatBalboas } from '../../../shared/fiscal/money';
import type { Language } from '../i18n/i18n';

export const balboas = (amount: string | null): string => (amount === null ? '—' : formatBalboas(amount));

export function instant(iso: string | null, language: Language, fallback = '—'): string {
  if (!iso) return fallback;
  return new Intl.DateTimeFormat(language, {
    timeZone: 'America/Panama',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/** "1,5 s", "2 min", "3 h" — a duration for people. */
export function duration(ms: number, language: Language): string {
  const abs = Math.abs(ms);
  const unit =
    abs < 60_000
      ? { value: abs / 1000, unit: 'second' }
      : abs < 3_600_000
        ? { value: abs / 60_000, unit: 'minute' }
        : { value: abs / 3_600_000, unit: 'hour' };
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: unit.unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(unit.value);
}
