// The one comparison behind every arithmetic rule of REFERENCE.md §2.13: a declared amount is accepted when it is
// within 0.01 of the exact computed value. HKA's own samples round half-up (0.3885 → 0.39) in some places and
// truncate in others (6541.787 → 6541.78), so HKA tolerates at least a cent; nothing suggests it tolerates more.
// Both forms of a line therefore pass: HKA's samples (item values unrounded, 0.3885) and the DGI's own documents,
// which the register sends (every line amount rounded half-up to cents, 0.39; docs/decisions/0008).
import { money, type Money } from '../../../../shared/fiscal/money';
import { textOf, type XNode } from '../../xml/xnode';
import { amountOf } from './documento-view';
import { descuadre, type Location } from './messages';

export const TOLERANCE: Money = money('0.01');

export function withinTolerance(declared: Money, computed: Money): boolean {
  return declared.minus(computed).abs().lte(TOLERANCE);
}

/**
 * [] when `field` of `node` is absent or unparsable (reported elsewhere) or within tolerance of `computed`;
 * otherwise the HKA-style message with both values. `computed` undefined means an input was unusable: no check.
 */
export function checkAmount(
  at: Location,
  node: XNode | undefined,
  field: string,
  computed: Money | undefined,
): string[] {
  const declared = amountOf(node, field);
  if (declared === undefined || computed === undefined || withinTolerance(declared, computed)) return [];
  return [descuadre(at, field, textOf(node, field) ?? '', computed)];
}
