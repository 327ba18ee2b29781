// Exact fixed-point money for the hot path of validation (decision 0039): an amount is a bigint count of
// millionths of a balboa ("micros"), the finest unit the DGI allows on an item (6 decimals). Sums and products of
// bigints are exact, and each rounding is written out as decimal.js's ROUND_HALF_UP does it (ties away from zero),
// so the results equal money.ts's to the last digit. Never a binary float.
import { DECIMAL_6_PATTERN } from './money';

const MICROS_PER_UNIT = 1_000_000n;
const MICROS_PER_CENT = 10_000n;
/** A product of two micros has 12 decimals; 10^10 of them make a cent. */
const PRODUCT_UNITS_PER_CENT = 10_000_000_000n;

/** n / d rounded half-up, ties away from zero (decimal.js ROUND_HALF_UP); d is positive and even. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  const half = d / 2n;
  return n >= 0n ? (n + half) / d : -((-n + half) / d);
}

/**
 * Micros of a canonical amount ("12", "0.125", up to 11 integer digits and 6 decimals: DECIMAL_6_PATTERN), or
 * undefined for anything else (numbers, exponents, signs, text), which the caller leaves to decimal.js.
 */
export function parseMicros(value: unknown): bigint | undefined {
  if (typeof value !== 'string' || !DECIMAL_6_PATTERN.test(value)) return undefined;
  const dot = value.indexOf('.');
  if (dot < 0) return BigInt(value) * MICROS_PER_UNIT;
  return BigInt(value.slice(0, dot) + value.slice(dot + 1).padEnd(6, '0'));
}

/** As parseMicros, with an absent amount (undefined or null, as `?? 0` reads it) worth zero. */
export function optionalMicros(value: unknown): bigint | undefined {
  return value === undefined || value === null ? 0n : parseMicros(value);
}

/** Rounded half-up to 2 decimals (money.ts round2), still in micros. */
export function roundToCents(micros: bigint): bigint {
  return divideHalfUp(micros, MICROS_PER_CENT) * MICROS_PER_CENT;
}

/** a × b rounded half-up to 2 decimals (round2(a.times(b))), in micros. */
export function roundedProduct(a: bigint, b: bigint): bigint {
  return divideHalfUp(a * b, PRODUCT_UNITS_PER_CENT) * MICROS_PER_CENT;
}

export function sumMicros(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/** "1234.50": as money.ts toAmount2 prints it (no "-0.00": a value that rounds to zero prints "0.00"). */
export function microsToAmount2(micros: bigint): string {
  const cents = divideHalfUp(micros, MICROS_PER_CENT);
  const magnitude = cents < 0n ? -cents : cents;
  const fraction = String(magnitude % 100n).padStart(2, '0');
  return `${cents < 0n ? '-' : ''}${magnitude / 100n}.${fraction}`;
}
