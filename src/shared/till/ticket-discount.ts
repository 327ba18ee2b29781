// The discount on the whole sale (HKA descuentosGlobales, REFERENCE §2.13): an amount ("5.00") or a percentage
// ("10") of the items' total, ITBMS included, taken off after tax as the DGI's own documents do. A percentage is kept
// as such, so it follows the basket while lines are added; the amount sent is rounded half-up to cents. Shared: the
// till previews and sends it, the core totals parked baskets with it.
import { z } from 'zod';
import { DECIMAL_2_PATTERN, money, toAmount2 } from '../fiscal/money';

export const ticketDiscountSchema = z.object({
  kind: z.enum(['amount', 'percent']),
  /** Money with 2 decimals ("5.00") or a percentage below 100 with up to 2 decimals ("10", "12.5"). */
  value: z.string().regex(DECIMAL_2_PATTERN),
});
export type TicketDiscount = z.infer<typeof ticketDiscountSchema>;

/** The money taken off a basket whose items total `itemsTotal` (ITBMS included), to the cent. */
export function ticketDiscountAmount(discount: TicketDiscount, itemsTotal: string): string {
  return discount.kind === 'amount'
    ? toAmount2(money(discount.value))
    : toAmount2(money(itemsTotal).times(discount.value).dividedBy(100));
}

/**
 * Why this discount cannot be given on this basket, or null. It must take something off and leave something to pay:
 * the DGI refuses discounts above the total, and a sale at 0.00 is not a discount.
 */
export function ticketDiscountProblem(
  discount: TicketDiscount,
  itemsTotal: string,
): 'mustBePositive' | 'discountNotBelowTotal' | null {
  const amount = ticketDiscountAmount(discount, itemsTotal);
  if (!money(amount).gt(0)) return 'mustBePositive';
  return money(amount).lt(itemsTotal) ? null : 'discountNotBelowTotal';
}

/** HKA's descDescuento (printed on the CAFE and the receipt): what was given, in the fiscal document's Spanish. */
export function ticketDiscountLabel(discount: TicketDiscount): string {
  return discount.kind === 'percent' ? `Descuento ${money(discount.value).toFixed()} %` : 'Descuento a la venta';
}

/**
 * A return's share of the invoice's discount on the whole sale: discount × (credited items ÷ invoice items), to the
 * cent ('0.00' without a discount). The customer paid that much less for the items returned, so the note credits it.
 */
export function discountShare(invoiceDiscount: string, invoiceItemsTotal: string, creditedItemsTotal: string): string {
  if (!money(invoiceDiscount).gt(0) || !money(invoiceItemsTotal).gt(0)) return '0.00';
  return toAmount2(money(invoiceDiscount).times(creditedItemsTotal).dividedBy(invoiceItemsTotal));
}
