// Exact money and quantity arithmetic for fiscal documents. Amounts travel as decimal strings ("12.50") and are
// computed with decimal.js; never with binary floats.
import Decimal from 'decimal.js';

/** Decimal constructor for fiscal arithmetic: plenty of precision, half-up rounding as HKA/DGI expect. */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });
export type Money = Decimal;

/** Non-negative decimal string with at most 6 decimals (HKA item-level precision), '.' as separator. */
export const DECIMAL_6_PATTERN = /^\d{1,11}(\.\d{1,6})?$/;
/** Integer digits the DGI allows in a line amount (montoTipo06, cantidad): up to 999 999 999.999999 (REFERENCE §4.6). */
export const MAX_LINE_INTEGER_DIGITS = 9;
/** Integer digits the DGI allows in a document total (montoTipo01): up to 99 999 999 999.99 (REFERENCE §4.7). */
export const MAX_TOTAL_INTEGER_DIGITS = 11;

/** Digits before the decimal point of a non-negative decimal ("0.50" → 1, "1234.5" → 4). */
export function integerDigits(value: Money): number {
  return value.abs().truncated().toFixed(0).length;
}

/** A plain decimal string as toAmount2 prints it ("-12.50", "0.00"): its digits can be counted without parsing. */
const PLAIN_AMOUNT_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * integerDigits of an amount string, read from its text when it is plain (decision 0039: the check ran 200 decimal.js
 * parses for a 50-item sale); leading zeros count as decimal.js counts them (none, but "0" itself is one digit).
 */
export function integerDigitsOfAmount(amount: string): number {
  if (!PLAIN_AMOUNT_PATTERN.test(amount)) return integerDigits(money(amount));
  const dot = amount.indexOf('.');
  const whole = (dot < 0 ? amount : amount.slice(0, dot)).replace('-', '');
  return whole.replace(/^0+(?=\d)/, '').length;
}

/** Non-negative decimal string with at most 2 decimals (HKA document totals). */
export const DECIMAL_2_PATTERN = /^\d{1,11}(\.\d{1,2})?$/;

export const ZERO: Money = new Money(0);

export function money(value: string | number | Money): Money {
  return new Money(value);
}

export function sum(values: readonly Money[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(v), ZERO);
}

/** Half-up to 2 decimals: document totals and anything HKA expects with 2 decimals. */
export function round2(value: Money): Money {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Half-up to 6 decimals: the most HKA accepts for item-level amounts. */
export function round6(value: Money): Money {
  return value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
}

/** "1234.50": exactly 2 decimals, rounded half-up. */
export function toAmount2(value: Money): string {
  return round2(value).toFixed(2);
}

/** Item-level amount: rounded half-up to 6 decimals, printed with 2 to 6 decimals ("5.9385", "7.00"). */
export function toAmount6(value: Money): string {
  const fixed = round6(value).toFixed(6);
  return fixed.replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** Display form for people: "B/. 1,234.50" (es-PA and en use the same separators for the balboa). */
export function formatBalboas(amount: string | Money): string {
  const [whole = '0', cents = '00'] = toAmount2(money(amount)).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}B/. ${grouped}.${cents}`;
}
