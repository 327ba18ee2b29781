// The search field's outcomes (use-product-entry.ts) turned into what the cashier sees: a line added (a medicine
// first asks for its lot), the line editor, the product form, the unknown-code alarm (beep + red banner), or a message.
import type { TFunction } from 'i18next';
import type { MutableRefObject } from 'react';
import type { DocumentDetail, Product } from '../../../shared/ipc/schemas';
import { quantityUnitProblem } from '../../../shared/till/sale-unit';
import { formatQuantity, type CartAction, type CartState } from './cart';
import { beepAlarm } from './scan-alarm';
import type { RefundTender } from './till-return';
import type { CheckoutMessage } from './ScanMessage';
import type { EntryOutcome } from './use-product-entry';

export type CheckoutOpen =
  | { kind: 'none' }
  | { kind: 'customer' }
  | { kind: 'payment' }
  | { kind: 'help' }
  | { kind: 'park' }
  | { kind: 'recall' }
  | { kind: 'product'; text: string }
  | { kind: 'line'; key: number }
  /** Shift+F4 (ticket-discount) and Shift+F9 (a return: a credit note from the till). */
  | { kind: 'ticketDiscount' }
  | { kind: 'return' }
  /** A medicine was scanned: its lot is asked for before the line is added. */
  | { kind: 'lot'; product: Product; cantidad: string }
  | { kind: 'done'; sale: DocumentDetail; change: string; print: boolean }
  /** A return went through: its credit note, the invoice it credits, how the money goes back. */
  | { kind: 'returnDone'; note: DocumentDetail; invoiceNumero: number; tender: RefundTender; print: boolean };

export interface OutcomeContext {
  t: TFunction;
  cartNow: MutableRefObject<CartState>;
  dispatch: (action: CartAction) => void;
  setMessage: (message: CheckoutMessage | null) => void;
  setOpen: (open: CheckoutOpen) => void;
}

/** Why this quantity cannot be sold in the product's unit (the core refuses it too), or null. */
export function quantityRefusal(t: TFunction, name: string, cantidad: string, unidad: string): string | null {
  const problem = quantityUnitProblem(cantidad, unidad);
  return problem === null
    ? null
    : t(`saleUnits.${problem}`, { name, quantity: formatQuantity(cantidad), unit: unidad });
}

/** Adds a product to the sale; a medicine first asks for its lot (the line is added once the lot is given). */
export function addProduct(product: Product, cantidad: string, confirmation: string, ctx: OutcomeContext): void {
  const { setMessage, setOpen, dispatch } = ctx;
  const refused = quantityRefusal(ctx.t, product.descripcion, cantidad, product.unidad);
  if (refused !== null) return setMessage({ kind: 'error', lines: [refused] });
  if (product.requiereLote) {
    setMessage(null);
    setOpen({ kind: 'lot', product, cantidad });
    return;
  }
  dispatch({ type: 'add', product, cantidad });
  setMessage({ kind: 'ok', lines: [confirmation] });
}

/** What the search field's Enter led to, on screen: a line added, a dialog opened, a message or the alarm. */
export function handleOutcome(outcome: EntryOutcome, ctx: OutcomeContext): void {
  const { t, cartNow, dispatch, setMessage, setOpen } = ctx;
  switch (outcome.kind) {
    case 'added':
      addProduct(outcome.product, outcome.cantidad, t('checkout.added', { name: outcome.product.descripcion }), ctx);
      break;
    case 'editLine': {
      const { selected } = cartNow.current;
      if (selected !== null) setOpen({ kind: 'line', key: selected });
      break;
    }
    case 'stepDown': {
      const { selected } = cartNow.current;
      if (selected !== null) dispatch({ type: 'step', key: selected, delta: -1 });
      break;
    }
    case 'createProduct':
      setMessage(null);
      setOpen({ kind: 'product', text: outcome.text });
      break;
    case 'notFound':
      beepAlarm();
      setMessage({ kind: 'alarm', code: outcome.text });
      break;
    case 'negativeQuantity':
      setMessage({ kind: 'error', lines: [t('checkout.errors.negativeQuantity')] });
      break;
    case 'choose':
      setMessage(null);
      break;
    case 'error':
      setMessage({ kind: 'error', lines: outcome.lines });
      break;
    case 'badQuantity':
      setMessage({ kind: 'error', lines: [t('checkout.errors.badQuantity')] });
      break;
  }
}
