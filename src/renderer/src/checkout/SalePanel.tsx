// Right-hand side of the checkout: who the sale is for, the totals by ITBMS rate, and the big "Cobrar" button.
import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TASA_ITBMS } from '../../../shared/fiscal/codes';
import { formatBalboas, money } from '../../../shared/fiscal/money';
import type { DocumentTotals } from '../../../shared/fiscal/totals';

export function SalePanel(props: {
  customerName: string;
  customerDetail: string | null;
  totals: DocumentTotals;
  itemCount: number;
  onCustomer: () => void;
  onPay: () => void;
  /** Shift+F4: the discount on the whole sale. */
  onTicketDiscount: () => void;
  busy: boolean;
  autoPrint: boolean;
  onAutoPrint: (on: boolean) => void;
  /** Under the button: the last sale saved (LastSaleLine). */
  footer?: ReactNode;
}): JSX.Element {
  const { t } = useTranslation();
  const { totals } = props;
  const discount = totals.items.reduce((acc, item) => acc.plus(item.descuento), money(0));
  return (
    <aside className="sale-panel">
      <section className="customer-card" data-testid="customer-card">
        <div>
          <div className="caption">{t('checkout.customer.caption')}</div>
          <div className="customer-name" data-testid="customer-name">
            {props.customerName}
          </div>
          {props.customerDetail ? <div className="customer-detail">{props.customerDetail}</div> : null}
        </div>
        <button type="button" className="button secondary" onClick={props.onCustomer}>
          <kbd>F3</kbd> {t('checkout.customer.change')}
        </button>
      </section>

      <section className="totals" data-testid="totals">
        <div className="totals-row">
          <span>{t('checkout.totals.items', { count: props.itemCount })}</span>
          <span />
        </div>
        <div className="totals-row">
          <span>{t('checkout.totals.subtotal')}</span>
          <span>{formatBalboas(totals.totalPrecioNeto)}</span>
        </div>
        {/* Unit discounts are already in the subtotal: shown for information, never subtracted again. */}
        {discount.gt(0) ? (
          <div className="totals-row discount muted">
            <span>{t('checkout.totals.discounts')}</span>
            <span>{formatBalboas(discount)}</span>
          </div>
        ) : null}
        {totals.porTasa.map((row) => (
          <div className="totals-row muted" key={row.tasaItbms} data-testid={`itbms-${row.tasaItbms}`}>
            <span>
              {row.tasaItbms === '00'
                ? t('checkout.totals.exemptBase', { base: formatBalboas(row.base) })
                : t('checkout.totals.itbmsAt', {
                    rate: TASA_ITBMS[row.tasaItbms].label,
                    base: formatBalboas(row.base),
                  })}
            </span>
            <span>{formatBalboas(row.itbms)}</span>
          </div>
        ))}
        <div className="totals-row">
          <span>{t('checkout.totals.itbms')}</span>
          <span>{formatBalboas(totals.totalITBMS)}</span>
        </div>
        {/* The ticket discount comes off after ITBMS (REFERENCE §2.13), once, as on the receipt. */}
        {money(totals.totalDescuento).gt(0) ? (
          <div className="totals-row discount" data-testid="ticket-discount-row">
            <span>{t('ticketDiscount.row')}</span>
            <span>−{formatBalboas(totals.totalDescuento)}</span>
          </div>
        ) : null}
        <div className="totals-grand">
          <span>{t('checkout.totals.total')}</span>
          <span data-testid="sale-total">{formatBalboas(totals.totalFactura)}</span>
        </div>
      </section>

      <button type="button" className="button pay" data-testid="pay-button" onClick={props.onPay} disabled={props.busy}>
        <kbd>F4</kbd> {t('checkout.pay')}
      </button>
      <button
        type="button"
        className="button secondary"
        data-testid="ticket-discount-button"
        onClick={props.onTicketDiscount}
      >
        <kbd>Shift+F4</kbd> {t('ticketDiscount.button')}
      </button>
      <label className="toggle">
        <input type="checkbox" checked={props.autoPrint} onChange={(e) => props.onAutoPrint(e.target.checked)} />
        <span>{t('checkout.autoPrint')}</span>
      </label>
      {props.footer}
    </aside>
  );
}
