// What in a sale needs a gerente under the store's loss-prevention rules: a line priced differently from the
// catalogue, a line discount or a ticket discount above the limits. Pure and shared, so the till knows when to ask for
// a PIN and the core refuses the same sale without the matching approval (the core's verdict is the one that counts).
import type { LossPrevention } from '../ipc/areas/loss-prevention/contract';
import type { Item } from '../fiscal/item';
import { money, toAmount2, toAmount6 } from '../fiscal/money';
import { computeItemAmounts } from '../fiscal/totals';

export type SaleException =
  /** `before` is null when the line's code is not a catalogue product (a price nobody set). */
  | { kind: 'priceOverride'; codigo: string; before: string | null; after: string }
  | { kind: 'lineDiscount'; codigo: string; precioUnitario: string; descuentoUnitario: string }
  | { kind: 'ticketDiscount'; itemsTotal: string; descuento: string };

export interface SaleForRules {
  items: readonly Item[];
  descuentosGlobales?: readonly { montoDescuento: string }[] | undefined;
}

/** Percentage of `part` in `whole` above `limit`? (0 < whole; exact decimals.) */
function above(part: string, whole: string, limit: number): boolean {
  return money(whole).gt(0) && money(part).times(100).gt(money(whole).times(limit));
}

export function saleExceptions(
  sale: SaleForRules,
  catalogPrice: (codigo: string) => string | undefined,
  rules: LossPrevention,
): SaleException[] {
  const found: SaleException[] = [];
  for (const item of sale.items) {
    const codigo = item.codigo ?? '';
    const listed = codigo === '' ? undefined : catalogPrice(codigo);
    const price = toAmount6(money(item.precioUnitario));
    if (rules.priceOverride && (listed === undefined || !money(listed).eq(price))) {
      found.push({
        kind: 'priceOverride',
        codigo,
        before: listed === undefined ? null : toAmount6(money(listed)),
        after: price,
      });
    }
    const discount = item.precioUnitarioDescuento;
    if (
      discount !== undefined &&
      money(discount).gt(0) &&
      above(discount, item.precioUnitario, rules.lineDiscountPercent)
    ) {
      found.push({
        kind: 'lineDiscount',
        codigo,
        precioUnitario: price,
        descuentoUnitario: toAmount6(money(discount)),
      });
    }
  }
  const ticket = (sale.descuentosGlobales ?? []).reduce((sum, d) => sum.plus(d.montoDescuento), money(0));
  if (ticket.gt(0)) {
    const itemsTotal = sale.items.reduce((sum, item) => sum.plus(computeItemAmounts(item).valorTotal), money(0));
    if (above(ticket.toString(), itemsTotal.toString(), rules.ticketDiscountPercent)) {
      found.push({ kind: 'ticketDiscount', itemsTotal: toAmount6(itemsTotal), descuento: toAmount2(ticket) });
    }
  }
  return found;
}
