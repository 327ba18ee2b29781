// The cashier's screen. Keyboard first: the search field keeps the focus after every action; F-keys (keyboard.ts)
// drive the sale; every button works with the mouse too. Logic lives in plain modules (cart, tenders, sale-draft,
// use-product-entry); this component wires them to the dialogs and to window.sago.
import { useCallback, useReducer, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceptorInput } from '../../../shared/fiscal/receptor';
import { useLiveStatus } from '../api/app-status';
import { CustomerDialog } from '../customers/CustomerDialog';
import { describeReceptor } from '../customers/customer-form';
import { SaleDoneDialog } from '../receipt/SaleDoneDialog';
import { useCustomerDisplay } from '../customer-display/use-customer-display';
import { CartTable } from './CartTable';
import { ParkDialog, RecallDialog } from './HeldSalesDialogs';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useParkRecall } from './use-park-recall';
import { handleOutcome, type CheckoutOpen as Open, type OutcomeContext } from './entry-outcome';
import { FKeyBar } from './FKeyBar';
import { LineEditor } from './LineEditor';
import { PaymentDialog } from './PaymentDialog';
import { EntryDialogs } from './EntryDialogs';
import { SearchRow } from './SearchRow';
import { SalePanel } from './SalePanel';
import { LastSaleLine } from './LastSaleLine';
import { EMPTY_CART, cartReducer, lineToItem, type CartAction } from './cart';
import type { ShortcutAction } from './keyboard';
import { ScanMessage, type CheckoutMessage } from './ScanMessage';
import { CONSUMIDOR_FINAL, previewTotals } from './sale-draft';
import { useProductEntry, type EntryOutcome } from './use-product-entry';
import { useAutoPrint } from './use-auto-print';
import { clearAction, editActions, voidAction, type LineEdit } from './till-actions';
import { useTillGuard, type TillVerdict } from './use-till-guard';
import { useTicketDiscount } from './use-ticket-discount';
import { TillExtraDialogs } from './TillExtraDialogs';
import { useCheckoutKeys } from './use-checkout-keys';
import { usePaymentFlow } from './use-payment-flow';
import './compact.css';

type Message = CheckoutMessage | null;

export function Checkout(props: { active: boolean; onDocuments: () => void }): JSX.Element {
  const { t } = useTranslation();
  const live = useLiveStatus();
  const [cart, dispatchToReact] = useReducer(cartReducer, EMPTY_CART);
  // The cart as of the last action, not the last render: a key pressed right after a scan sees the scanned line.
  const cartNow = useRef(EMPTY_CART);
  const dispatch = useCallback((action: CartAction) => {
    cartNow.current = cartReducer(cartNow.current, action);
    dispatchToReact(action);
  }, []);
  const [customer, setCustomer] = useState<ReceptorInput>(CONSUMIDOR_FINAL);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [message, setMessage] = useState<Message>(null);
  const [autoPrint, setAutoPrint] = useAutoPrint();
  const entry = useProductEntry();
  const guard = useTillGuard();
  const ticketGuard = useTicketDiscount(guard);
  const search = useRef<HTMLInputElement>(null);
  const totals = previewTotals(cart.lines, [], cart.ticketDiscount);
  useCustomerDisplay(
    cart.lines,
    totals,
    open.kind === 'done' ? { total: open.sale.totalFactura, change: open.change } : null,
  );
  // Deferred so a closing dialog has gone; skipped if a dialog has opened meanwhile (a fast F4 right after creating a
  // product): taking the focus back then would send the cashier's Enter to the field behind the payment dialog.
  const refocus = useCallback(
    () =>
      window.setTimeout(() => {
        if (!document.querySelector('[role="dialog"][aria-modal="true"]')) search.current?.focus();
      }, 0),
    [],
  );
  const close = useCallback(() => {
    setOpen({ kind: 'none' });
    refocus();
  }, [refocus]);

  const { completing, paymentError, setPaymentError, lastSale, complete } = usePaymentFlow({
    cart,
    customer,
    total: totals.totalFactura,
    ticketGuard,
    autoPrint,
    dispatch,
    setCustomer,
    setMessage,
    setOpen,
    onSaved: live.refresh,
  });

  const outcomeContext: OutcomeContext = { t, cartNow, dispatch, setMessage, setOpen };
  const onOutcome = (outcome: EntryOutcome): void => handleOutcome(outcome, outcomeContext);

  /** A refused or cancelled till action: say why (nothing to say when the cashier cancelled the PIN prompt). */
  const refused = (verdict: Extract<TillVerdict, { ok: false }>): void => {
    if (verdict.lines) setMessage({ kind: 'error', lines: verdict.lines });
    refocus();
  };

  function resetSale(): void {
    dispatch({ type: 'clear' });
    setCustomer(CONSUMIDOR_FINAL);
    setMessage(null);
    entry.setText('');
    close();
  }

  const held = useParkRecall({ cart, cartNow, customer, dispatch, setCustomer, setMessage, resetSale, close });

  /** F2: a basket with lines is cleared only once the core agreed (a gerente's PIN where the store wants one). */
  async function newSale(): Promise<void> {
    const action = clearAction(cartNow.current.lines);
    const verdict = action ? await guard([action]) : ({ ok: true } as const);
    if (verdict.ok) resetSale();
    else refused(verdict);
  }

  async function voidLine(key: number): Promise<void> {
    const line = cartNow.current.lines.find((l) => l.key === key);
    if (!line) return;
    const verdict = await guard([voidAction(line)]);
    if (verdict.ok) dispatch({ type: 'remove', key });
    else refused(verdict);
    refocus();
  }

  async function editLine(key: number, edit: LineEdit): Promise<void> {
    const line = cartNow.current.lines.find((l) => l.key === key);
    if (!line) return;
    const verdict = await guard(editActions(line, edit));
    if (verdict.ok) dispatch({ type: 'edit', key, ...edit });
    else if (verdict.lines) setMessage({ kind: 'error', lines: verdict.lines });
    close();
  }

  /** A key that cannot act now: say why, and the search field keeps the focus. */
  const complain = (line: string): void => {
    setMessage({ kind: 'error', lines: [line] });
    refocus();
  };

  const run = (action: ShortcutAction): void => {
    // F4/F6 right after a scan act on the basket with that scan in it.
    if ((action === 'pay' || action === 'park') && entry.isPending()) {
      void entry.settled().then(() => runRef.current(action));
      return;
    }
    switch (action) {
      case 'help':
        return setOpen({ kind: 'help' });
      case 'newSale':
        return void newSale();
      case 'customer':
        return setOpen({ kind: 'customer' });
      case 'pay':
        if (cartNow.current.lines.length === 0) return complain(t('checkout.errors.cartEmpty'));
        setPaymentError(null);
        return setOpen({ kind: 'payment' });
      case 'park':
        if (cartNow.current.lines.length === 0) return complain(t('held.nothingToPark'));
        return setOpen({ kind: 'park' });
      case 'recall':
        return setOpen({ kind: 'recall' });
      case 'voidLine': {
        const { selected } = cartNow.current;
        if (selected === null) return complain(t('checkout.errors.noLine'));
        return void voidLine(selected);
      }
      case 'reprint':
        if (!lastSale) return complain(t('checkout.errors.nothingToReprint'));
        return setOpen({ kind: 'done', ...lastSale, print: true });
      case 'documents':
        return props.onDocuments();
      case 'ticketDiscount':
        if (cartNow.current.lines.length === 0) return complain(t('ticketDiscount.emptyCart'));
        return setOpen({ kind: 'ticketDiscount' });
      case 'tillReturn':
        return setOpen({ kind: 'return' });
    }
  };

  // F4/F6 right after a scan wait for it, then run the latest `run` (the basket with that scan in it).
  const runRef = useRef(run);
  runRef.current = run;
  const { stepSelected } = useCheckoutKeys({
    active: props.active,
    openKind: open.kind,
    refocus,
    run,
    search,
    onText: entry.setText,
    cartNow,
    dispatch,
  });

  const selectedLine = open.kind === 'line' ? cart.lines.find((l) => l.key === open.key) : undefined;
  const who = describeReceptor(customer);
  return (
    <div className="checkout-screen">
      <div className="checkout">
        <section className="checkout-main">
          <SearchRow
            ref={search}
            entry={entry}
            dispatch={dispatch}
            onStepLine={stepSelected}
            onOutcome={onOutcome}
            onNewProduct={() => setOpen({ kind: 'product', text: entry.text })}
            onReturn={() => run('tillReturn')}
          />
          {message ? (
            <ScanMessage
              message={message}
              onCreate={(code) => {
                entry.setText('');
                setMessage(null);
                setOpen({ kind: 'product', text: code });
              }}
            />
          ) : null}
          <CartTable
            lines={cart.lines}
            selected={cart.selected}
            onSelect={(key) => dispatch({ type: 'select', key })}
            onEdit={(key) => {
              dispatch({ type: 'select', key });
              setOpen({ kind: 'line', key });
            }}
            onRemove={(key) => void voidLine(key)}
          />
        </section>
        <SalePanel
          customerName={who.name ?? t('customerKinds.02')}
          customerDetail={
            who.name === null && who.detail === null
              ? null
              : (who.detail ?? t(`customerKinds.${customer.tipoClienteFE}`))
          }
          totals={totals}
          itemCount={cart.lines.length}
          onCustomer={() => run('customer')}
          onPay={() => run('pay')}
          onTicketDiscount={() => run('ticketDiscount')}
          busy={completing}
          autoPrint={autoPrint}
          onAutoPrint={setAutoPrint}
          footer={<LastSaleLine justSaved={lastSale?.sale} />}
        />
      </div>
      <FKeyBar onAction={run} />

      {open.kind === 'customer' ? (
        <CustomerDialog
          onClose={close}
          onSelect={(receptor) => {
            setCustomer(receptor);
            close();
          }}
        />
      ) : null}
      {open.kind === 'payment' ? (
        <PaymentDialog
          total={totals.totalFactura}
          busy={completing}
          serverError={paymentError}
          onClose={close}
          onComplete={(tenders) => void complete(tenders)}
        />
      ) : null}
      {open.kind === 'help' ? <ShortcutsDialog onClose={close} /> : null}
      {open.kind === 'park' ? (
        <ParkDialog
          total={totals.totalFactura}
          busy={held.holding}
          onClose={close}
          onPark={(label) => void held.park(label)}
        />
      ) : null}
      {open.kind === 'recall' ? (
        <RecallDialog load={held.list} onClose={close} onRecall={(p) => void held.recall(p)} />
      ) : null}
      <EntryDialogs open={open} ctx={outcomeContext} clearSearch={() => entry.setText('')} close={close} />
      {selectedLine ? (
        <LineEditor line={selectedLine} onClose={close} onApply={(edit) => void editLine(selectedLine.key, edit)} />
      ) : null}
      <TillExtraDialogs
        open={open}
        cart={cart}
        autoPrint={autoPrint}
        onOpen={setOpen}
        onClose={close}
        onMessage={setMessage}
        onTicketDiscount={async (discount) => {
          const verdict = await ticketGuard.give(discount, cartNow.current.lines.map(lineToItem));
          if (!verdict.ok) return verdict.lines ?? [];
          dispatch({ type: 'ticketDiscount', discount });
          close();
          return null;
        }}
      />
      {open.kind === 'done' ? (
        <SaleDoneDialog sale={open.sale} change={open.change} autoPrint={open.print} onNewSale={resetSale} />
      ) : null}
    </div>
  );
}
