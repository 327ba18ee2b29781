// What a cashier types for quantities, prices, discounts and tendered amounts, turned into the decimal strings the
// fiscal core expects ("1,5" → "1.5"). Pure: every screen parses input the same way and the rules are unit-tested.
import { DECIMAL_2_PATTERN, DECIMAL_6_PATTERN, money, toAmount6 } from '../../../shared/fiscal/money';

/** Why an input was refused: a key of the `input.*` i18n catalogue section. */
export type InputProblem = 'notANumber' | 'mustBePositive' | 'tooManyDecimals' | 'discountNotBelowPrice';

export type Parsed = { ok: true; value: string } | { ok: false; problem: InputProblem };

/** Trims, drops spaces and thousands separators written with a space, accepts ',' as the decimal separator. */
function normalise(text: string): string {
  const compact = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/^B\/\.?/i, '');
  // "1,234.50" keeps the comma as grouping; "1,5" (no dot) uses it as the decimal separator.
  return compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
}

function parseDecimal(text: string, pattern: RegExp): Parsed {
  const value = normalise(text);
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(value)) return { ok: false, problem: 'notANumber' };
  const canonical = value.startsWith('.') ? `0${value}` : value.replace(/\.$/, '');
  if (!pattern.test(canonical)) return { ok: false, problem: 'tooManyDecimals' };
  return { ok: true, value: canonical };
}

/** A quantity: strictly positive, up to 6 decimals (HKA item precision). */
export function parseQuantity(text: string): Parsed {
  const parsed = parseDecimal(text, DECIMAL_6_PATTERN);
  if (parsed.ok && !money(parsed.value).gt(0)) return { ok: false, problem: 'mustBePositive' };
  return parsed.ok ? { ok: true, value: toAmount6(money(parsed.value)) } : parsed;
}

/** A unit price: zero or more, up to 6 decimals. */
export function parsePrice(text: string): Parsed {
  const parsed = parseDecimal(text, DECIMAL_6_PATTERN);
  return parsed.ok ? { ok: true, value: toAmount6(money(parsed.value)) } : parsed;
}

/** An amount of money handed over: up to 2 decimals, more than zero. */
export function parseTender(text: string): Parsed {
  const parsed = parseDecimal(text, DECIMAL_2_PATTERN);
  if (parsed.ok && !money(parsed.value).gt(0)) return { ok: false, problem: 'mustBePositive' };
  return parsed.ok ? { ok: true, value: money(parsed.value).toFixed(2) } : parsed;
}

/** "10%" / "10 %" or "0.50" (up to 6 decimals); null when empty. Shared by line and ticket discounts. */
export function parsePercentOrAmount(
  text: string,
): { ok: true; value: { percent: boolean; value: string } | null } | { ok: false; problem: InputProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const percent = trimmed.endsWith('%');
  const parsed = parseDecimal(percent ? trimmed.slice(0, -1) : trimmed, DECIMAL_6_PATTERN);
  return parsed.ok ? { ok: true, value: { percent, value: parsed.value } } : parsed;
}

/**
 * A per-unit discount, in money ("0.50") or as a percentage of the unit price ("10%"), returned as HKA's
 * precioUnitarioDescuento (money per unit, up to 6 decimals). Empty means no discount ("0").
 */
export function parseUnitDiscount(text: string, unitPrice: string): Parsed {
  const parsed = parsePercentOrAmount(text);
  if (!parsed.ok) return parsed;
  if (parsed.value === null) return { ok: true, value: '0' };
  const { percent, value } = parsed.value;
  const discount = percent ? money(unitPrice).times(value).dividedBy(100) : money(value);
  if (discount.gt(0) && !discount.lt(unitPrice)) return { ok: false, problem: 'discountNotBelowPrice' };
  return { ok: true, value: toAmount6(discount) };
}
