// EAN-13 barcodes with the price or weight embedded (in-store labels from a deli scale: prefixes 20–29). The layout
// is the store's (default: the 2-digit prefix 20–29 + a 5-digit PLU + the price in cents over 5 digits + the check
// digit, the common scale setting). Pure: the till reads a label the same way everywhere, and the rules are unit-tested.
import Decimal from 'decimal.js';

export interface EmbeddedLayout {
  /** Digits after the prefix (20–29 and any digits the PLU and value leave) naming the product (its código). */
  pluDigits: number;
  /** Digits of the embedded value, just before the check digit. */
  valueDigits: number;
  /** price: the value is the line amount in cents; weight: the quantity in grams (or thousandths of a pound). */
  value: 'price' | 'weight';
}

export const DEFAULT_EMBEDDED_LAYOUT: EmbeddedLayout = { pluDigits: 5, valueDigits: 5, value: 'price' };

export type EmbeddedRead =
  { kind: 'price'; plu: string; amount: string } | { kind: 'weight'; plu: string; quantity: string };

/** The EAN-13 check digit of the first 12 digits. */
export function ean13CheckDigit(first12: string): number {
  const total = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (total % 10)) % 10;
}

/**
 * A label read with the layout, or null when the code is not a price/weight label (not 13 digits, not 20–29, bad
 * check digit, or a layout that does not fit 12 digits): the till then looks the code up as any other.
 */
export function readEmbeddedBarcode(
  code: string,
  layout: EmbeddedLayout = DEFAULT_EMBEDDED_LAYOUT,
): EmbeddedRead | null {
  if (!/^2\d{12}$/.test(code)) return null;
  if (ean13CheckDigit(code.slice(0, 12)) !== Number(code[12])) return null;
  const prefixDigits = 12 - layout.pluDigits - layout.valueDigits;
  if (prefixDigits < 1 || layout.pluDigits < 1 || layout.valueDigits < 1) return null;
  const plu = code.slice(prefixDigits, prefixDigits + layout.pluDigits);
  const raw = new Decimal(code.slice(12 - layout.valueDigits, 12));
  if (raw.isZero()) return null;
  return layout.value === 'price'
    ? { kind: 'price', plu, amount: raw.dividedBy(100).toFixed(2) }
    : { kind: 'weight', plu, quantity: raw.dividedBy(1000).toFixed(3) };
}

/**
 * The quantity a price label stands for: the amount over the unit price (before ITBMS), to 3 decimals (a scale's
 * precision). The line's total then differs from the label by at most half a thousandth of the unit price.
 */
export function quantityForAmount(amount: string, unitPrice: string): string | null {
  const price = new Decimal(unitPrice);
  if (!price.gt(0)) return null;
  const quantity = new Decimal(amount).dividedBy(price).toDecimalPlaces(3, Decimal.ROUND_HALF_UP);
  return quantity.gt(0) ? quantity.toFixed(3) : null;
}
