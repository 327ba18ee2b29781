// Small helpers shared by the rFE group builders: append optional elements in XSD order, read the received
// HKA `documento`, and print amounts in the DGI formats (REFERENCE.md §4.6, §4.7).
import type { create } from 'xmlbuilder2';
import { Money } from '../../../../shared/fiscal/money';
import { children, textOf, type XNode } from '../../xml/xnode';

/** An xmlbuilder2 element under construction. */
export type XmlElement = ReturnType<typeof create>;

/**
 * Text for xmlbuilder2's `txt()`, escaped by us. xmlbuilder2 deliberately leaves text that looks like an entity
 * reference unescaped ("&cV;" is written raw, only a bare "&" becomes "&amp;"), so a description "&cV;" produced an rFE
 * no XML parser can read ("Entity 'cV' not defined"). Escaping every "&", "<" and ">" first leaves it nothing to guess:
 * what it then sees are our own "&amp;"/"&lt;"/"&gt;", which it keeps as they are.
 */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<name>value</name>` when the value is present; absent optional data is omitted, never sent empty. */
export function leaf(parent: XmlElement, name: string, value: string | undefined): void {
  if (value !== undefined) parent.ele(name).txt(xmlText(value));
}

/** A group element that is written only when `present`; `fill` appends its children in XSD order. */
export function optionalGroup(
  parent: XmlElement,
  name: string,
  present: boolean,
  fill: (group: XmlElement) => void,
): void {
  if (present) fill(parent.ele(name));
}

/** The repeated items of a HKA list: `<listaItems><item/>…</listaItems>` → the `item` nodes. */
export function listItems(node: XNode | undefined, list: string, item: string | readonly string[]): XNode[] {
  const names = typeof item === 'string' ? [item] : item;
  const container = node?.children.find((c) => c.name === list);
  return names.flatMap((name) => children(container, name));
}

/** Texts of the named children that are present, in the given order (e.g. telefono1…3). */
export function presentTexts(node: XNode | undefined, names: readonly string[]): string[] {
  return names.map((name) => textOf(node, name)).filter((v): v is string => v !== undefined);
}

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A decimal printed with between `minDecimals` and `maxDecimals` decimals, rounded half-up ("5.938500" → "5.9385"
 * with 2..6, "4.5" → "4.50" with 2..2). Anything that is not a plain non-negative decimal is returned unchanged:
 * the document was validated when it was authorised, and this builder reports what was received, it never invents.
 */
export function decimalText(value: string | undefined, minDecimals: number, maxDecimals: number): string | undefined {
  if (value === undefined || !PLAIN_DECIMAL.test(value)) return value;
  const fixed = new Money(value).toDecimalPlaces(maxDecimals, Money.ROUND_HALF_UP).toFixed(maxDecimals);
  if (maxDecimals === minDecimals) return fixed;
  const [whole = '0', decimals = ''] = fixed.split('.');
  const trimmed = decimals.replace(/0+$/, '').padEnd(minDecimals, '0');
  return trimmed === '' ? whole : `${whole}.${trimmed}`;
}

/** montoTipo06 (item prices and taxes): 2 to 6 decimals. */
export const amount6 = (value: string | undefined): string | undefined => decimalText(value, 2, 6);
/** montoTipo01 / montoTipo02 (totals, per-item freight and insurance): exactly 2 decimals. */
export const amount2 = (value: string | undefined): string | undefined => decimalText(value, 2, 2);
