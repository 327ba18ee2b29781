// The till's dialogs beyond ringing up: the discount on the whole sale (Shift+F4) and a return (Shift+F9), then the
// return's credit note (its receipt, printed by itself like a sale's). Split from Checkout.tsx so the screen stays a
// wiring of parts.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import { ReturnDoneDialog } from '../receipt/ReturnDoneDialog';
import { TillReturnDialog } from './TillReturnDialog';
import { lineToItem, type CartState } from './cart';
import type { CheckoutOpen } from './entry-outcome';
import { itemsTotal } from './sale-draft';
import type { CheckoutMessage } from './ScanMessage';
import { TicketDiscountDialog } from './TicketDiscountDialog';
import type { TicketDiscount } from '../../../shared/till/ticket-discount';

export function TillExtraDialogs(props: {
  open: CheckoutOpen;
  cart: CartState;
  /** "Print the receipt on completion", the register's choice: a return's credit note prints by itself too. */
  autoPrint: boolean;
  onOpen: (open: CheckoutOpen) => void;
  onClose: () => void;
  onMessage: (message: CheckoutMessage | null) => void;
  /** Resolves with the lines of a refusal, or null once the discount is in the cart. */
  onTicketDiscount: (discount: TicketDiscount | null) => Promise<string[] | null>;
}): JSX.Element | null {
  const { t } = useTranslation();
  const { open, cart } = props;
  if (open.kind === 'return') {
    return (
      <TillReturnDialog
        onClose={props.onClose}
        onDone={(note, invoice, tender) => {
          props.onMessage({
            kind: 'ok',
            lines: [
              t('tillReturn.done', {
                numero: String(note.numero).padStart(10, '0'),
                factura: String(invoice.numero).padStart(10, '0'),
                total: formatBalboas(note.totalFactura),
                tender: t(`tillReturn.refunds.${tender}`),
              }),
            ],
          });
          props.onOpen({ kind: 'returnDone', note, invoiceNumero: invoice.numero, tender, print: props.autoPrint });
        }}
      />
    );
  }
  if (open.kind === 'returnDone') {
    return (
      <ReturnDoneDialog
        note={open.note}
        invoiceNumero={open.invoiceNumero}
        tender={open.tender}
        autoPrint={open.print}
        onClose={props.onClose}
      />
    );
  }
  if (open.kind === 'ticketDiscount') {
    return (
      <TicketDiscountDialog
        current={cart.ticketDiscount}
        itemsTotal={itemsTotal(cart.lines.map(lineToItem))}
        onApply={props.onTicketDiscount}
        onClose={props.onClose}
      />
    );
  }
  return null;
}
