// Which cashier actions the core must hear about before they happen (loss prevention,
// src/shared/ipc/areas/loss-prevention/contract.ts): a line's price changed from the catalogue's, a discount, a line
// voided, a basket cleared. Pure, so it is unit-tested; the core decides whether a gerente must approve (and audits
// every one), the till only asks.
import type { TillAction } from '../../../shared/ipc/areas/loss-prevention/contract';
import { money, toAmount6 } from '../../../shared/fiscal/money';
import { lineTotal, type CartLine } from './cart';

export interface LineEdit {
  cantidad: string;
  precioUnitario: string;
  descuentoUnitario: string;
}

/** What an edit of a line asks for: a price override and/or a new discount (a quantity alone asks nothing). */
export function editActions(line: CartLine, edit: LineEdit): TillAction[] {
  const actions: TillAction[] = [];
  const price = toAmount6(money(edit.precioUnitario));
  const priceChanged = !money(price).eq(line.precioUnitario);
  if (priceChanged && !money(price).eq(line.catalogPrice)) {
    actions.push({
      kind: 'priceOverride',
      codigo: line.codigo,
      descripcion: line.descripcion,
      before: line.catalogPrice,
      after: price,
    });
  }
  const discount = toAmount6(money(edit.descuentoUnitario));
  const discountChanged = !money(discount).eq(line.descuentoUnitario) || priceChanged;
  if (money(discount).gt(0) && discountChanged) {
    actions.push({
      kind: 'lineDiscount',
      codigo: line.codigo,
      descripcion: line.descripcion,
      precioUnitario: price,
      descuentoUnitario: discount,
    });
  }
  return actions;
}

export function voidAction(line: CartLine): TillAction {
  return {
    kind: 'voidLine',
    codigo: line.codigo,
    descripcion: line.descripcion,
    cantidad: line.cantidad,
    total: toAmount6(money(lineTotal(line))),
  };
}

export function clearAction(lines: readonly CartLine[]): TillAction | null {
  if (lines.length === 0) return null;
  const total = lines.reduce((sum, line) => sum.plus(lineTotal(line)), money(0));
  return { kind: 'clearBasket', lines: lines.length, total: toAmount6(total) };
}
