// "Cobrar": the basket becomes a draft (sale-draft.ts), the discount on the whole sale is cleared again when the
// basket changed since it was given (use-ticket-discount.ts), the core saves the sale, and the till shows the
// receipt and the change. A refusal stays in the payment dialog, in the cashier's language where the till knows it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceptorInput } from '../../../shared/fiscal/receptor';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../api/sago';
import type { CartAction, CartState } from './cart';
import type { CheckoutOpen } from './entry-outcome';
import { CONSUMIDOR_FINAL, buildSaleDraft } from './sale-draft';
import type { CheckoutMessage } from './ScanMessage';
import { summarisePayment, type Tender } from './tenders';
import type { TicketDiscountGuard } from './use-ticket-discount';

export interface LastSale {
  sale: DocumentDetail;
  change: string;
}

export interface PaymentFlow {
  completing: boolean;
  paymentError: string[] | null;
  setPaymentError: (lines: string[] | null) => void;
  /** The last sale saved here (F9 reprints it). */
  lastSale: LastSale | null;
  complete: (tenders: Tender[]) => Promise<void>;
}

export function usePaymentFlow(ctx: {
  cart: CartState;
  customer: ReceptorInput;
  /** The total the cashier saw (the change is computed on it). */
  total: string;
  ticketGuard: TicketDiscountGuard;
  autoPrint: boolean;
  dispatch: (action: CartAction) => void;
  setCustomer: (customer: ReceptorInput) => void;
  setMessage: (message: CheckoutMessage | null) => void;
  setOpen: (open: CheckoutOpen) => void;
  /** The sale changed the register's figures (folios, queue): the status bar asks again. */
  onSaved: () => void;
}): PaymentFlow {
  const { t } = useTranslation();
  const [completing, setCompleting] = useState(false);
  const [paymentError, setPaymentError] = useState<string[] | null>(null);
  const [lastSale, setLastSale] = useState<LastSale | null>(null);

  async function complete(tenders: Tender[]): Promise<void> {
    const built = buildSaleDraft(ctx.cart.lines, ctx.customer, tenders, ctx.cart.ticketDiscount);
    if (!built.ok) {
      setPaymentError(
        built.problem === 'cartEmpty'
          ? [t('checkout.errors.cartEmpty')]
          : built.problem === 'discountNotBelowTotal'
            ? [t('ticketDiscount.problems.discountNotBelowTotal')]
            : [
                t(`checkout.errors.${built.problem}`),
                ...built.products.map((p) => t('checkout.errors.cpbsMissingProduct', p)),
              ],
      );
      return;
    }
    setCompleting(true);
    const cleared = await ctx.ticketGuard.confirm(built.draft);
    if (!cleared.ok) {
      setCompleting(false);
      if (cleared.lines) setPaymentError(cleared.lines);
      return;
    }
    const result = await attempt(() => sago().sales.complete({ draft: built.draft }));
    setCompleting(false);
    if (!result.ok) {
      setPaymentError(errorLines(result.error));
      return;
    }
    ctx.ticketGuard.spent();
    const done = { sale: result.value, change: summarisePayment(ctx.total, tenders).change };
    setLastSale(done);
    ctx.dispatch({ type: 'clear' });
    ctx.setCustomer(CONSUMIDOR_FINAL);
    ctx.setMessage(null);
    ctx.setOpen({ kind: 'done', ...done, print: ctx.autoPrint });
    ctx.onSaved();
  }

  return { completing, paymentError, setPaymentError, lastSale, complete };
}
