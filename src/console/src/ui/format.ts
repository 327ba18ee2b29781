// How the console writes amounts and instants: B/. with 2 decimals (the fiscal core's formatter), and times in
// Panama (the stores' calendar) whatever the viewer's own time zone.
import { formatBalboas } from '../../../shared/fiscal/money';
import { toPanamaDisplay } from '../../../shared/fiscal/panama-time';
import type { Language } from '../i18n/i18n';

export const balboas = (amount: string | null): string => (amount === null ? '—' : formatBalboas(amount));

/**
 * An instant as the register writes it, dd/mm/aaaa hh:mm:ss in Panama (the stores' calendar, whatever the viewer's own
 * time zone). Not Intl's es-PA short date: CLDR gives Panama month-first ("12/05/26"), which a Panamanian reads as
 * the 12th of May. `language` is kept for the call sites; the form is the same in both languages.
 */
export function instant(iso: string | null, _language: Language, fallback = '—'): string {
  if (!iso) return fallback;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? fallback : toPanamaDisplay(at);
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
