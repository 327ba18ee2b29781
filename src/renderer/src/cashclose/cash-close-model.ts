// The cash close's arithmetic on screen: what the manager types as cash (opening, counted) and the difference
// against what the register expects, before the core closes the shift and computes it for the Z report. Exact
// decimals (the fiscal core's money helpers); the core's own figure is the one that is kept.
import { DECIMAL_2_PATTERN, money, toAmount2 } from '../../../shared/fiscal/money';
import { toPanamaDate } from '../../../shared/fiscal/panama-time';

export type CashProblem = 'cashEmpty' | 'cashInvalid';
export type ParsedCash = { ok: true; value: string } | { ok: false; problem: CashProblem };

/** Cash in the drawer: zero or more, at most 2 decimals; "1,234.50", "B/. 20" and "20,5" are understood. */
export function parseCash(text: string): ParsedCash {
  const compact = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/^B\/\.?/i, '');
  if (compact === '') return { ok: false, problem: 'cashEmpty' };
  const normal = compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
  if (!DECIMAL_2_PATTERN.test(normal)) return { ok: false, problem: 'cashInvalid' };
  return { ok: true, value: toAmount2(money(normal)) };
}

/** Counted minus expected ("-1.25" when cash is missing), or null until the count is a valid amount. */
export function cashDifference(expected: string, countedText: string): string | null {
  const counted = parseCash(countedText);
  return counted.ok ? toAmount2(money(counted.value).minus(expected)) : null;
}

/** 'short' when cash is missing, 'over' when there is more than expected. */
export function differenceKind(difference: string): 'short' | 'over' | 'exact' {
  const d = money(difference);
  return d.isZero() ? 'exact' : d.isNegative() ? 'short' : 'over';
}

/** Today in Panamá (AAAA-MM-DD): the sales report's default range. */
export function todayInPanama(now: Date): string {
  return toPanamaDate(now);
}
