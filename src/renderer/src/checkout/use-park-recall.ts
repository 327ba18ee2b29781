// Park and recall wired to the checkout: F6 puts the basket on hold (the core names or numbers it), F7's list takes
// one back — the basket on screen, if it has lines, goes on hold first so nothing is dropped — and the draft kept
// across a restart is put back (use-held-sales.ts). Messages are the cashier's, in the till's language.
import { useCallback, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceptorInput } from '../../../shared/fiscal/receptor';
import type { Basket, ParkedSale } from '../../../shared/ipc/areas/till/contract';
import { fromBasket } from './basket';
import type { CartAction, CartState } from './cart';
import type { CheckoutMessage } from './ScanMessage';
import { useHeldSales, type HeldSales } from './use-held-sales';

export interface ParkRecall {
  holding: boolean;
  park: (label: string) => Promise<void>;
  recall: (parked: ParkedSale) => Promise<void>;
  list: HeldSales['list'];
}

export function useParkRecall(deps: {
  cart: CartState;
  cartNow: MutableRefObject<CartState>;
  customer: ReceptorInput;
  dispatch: (action: CartAction) => void;
  setCustomer: (customer: ReceptorInput) => void;
  setMessage: (message: CheckoutMessage | null) => void;
  /** Empties the sale on screen (after a park). */
  resetSale: () => void;
  close: () => void;
}): ParkRecall {
  const { t } = useTranslation();
  const { dispatch, setCustomer, setMessage } = deps;
  const [holding, setHolding] = useState(false);
  const restore = useCallback(
    (basket: Basket) => {
      const { lines, customer, ticketDiscount } = fromBasket(basket);
      dispatch({ type: 'restore', lines, ticketDiscount });
      setCustomer(customer);
    },
    [dispatch, setCustomer],
  );
  const parkedForOther = useCallback(
    (parked: ParkedSale) => {
      setMessage({
        kind: 'info',
        lines: [t('held.parkedForOther', { name: parked.parkedByName, label: parked.label })],
      });
    },
    [t, setMessage],
  );
  const held = useHeldSales({
    lines: deps.cart.lines,
    customer: deps.customer,
    ticketDiscount: deps.cart.ticketDiscount,
    onRestore: restore,
    onParkedForOther: parkedForOther,
  });

  async function park(label: string): Promise<void> {
    setHolding(true);
    const result = await held.park(label);
    setHolding(false);
    if (!result.ok) return setMessage({ kind: 'error', lines: result.lines });
    deps.resetSale();
    setMessage({ kind: 'ok', lines: [t('held.parked', { label: result.value.label })] });
  }

  async function recall(parked: ParkedSale): Promise<void> {
    const lines: string[] = [];
    if (deps.cartNow.current.lines.length > 0) {
      const swapped = await held.park('');
      if (!swapped.ok) return setMessage({ kind: 'error', lines: swapped.lines });
      lines.push(t('held.parked', { label: swapped.value.label }));
    }
    const result = await held.recall(parked.id);
    deps.close();
    if (!result.ok) return setMessage({ kind: 'error', lines: [...lines, ...result.lines] });
    dispatch({ type: 'clear' });
    restore(result.value.basket);
    setMessage({ kind: 'ok', lines: [...lines, t('held.recalled', { label: parked.label })] });
  }

  return { holding, park, recall, list: held.list };
}
