// Right after "complete": the change to hand back, the receipt (provisional until the CUFE arrives, then the CAFE
// with QR, updated live), print and a new sale. Enter or F2 starts the next sale; F9 prints again.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { StatusBadge } from '../documents/StatusBadge';
import { Dialog } from '../ui/Dialog';
import { PrintErrorNotice } from './PrintErrorNotice';
import { ReceiptView } from './ReceiptView';
import { saleDoneHint } from './sale-done-hint';
import { useDocument } from './use-document';
import { useReceiptPrint } from './use-receipt-print';

export function SaleDoneDialog(props: {
  sale: DocumentDetail;
  change: string;
  autoPrint: boolean;
  onNewSale: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { detail } = useDocument(props.sale.id, props.sale);
  const current = detail ?? props.sale;
  const { print, printError } = useReceiptPrint(props.sale.id, 'sale', props.autoPrint);

  return (
    <Dialog
      title={t('saleDone.title', { number: String(current.numero).padStart(10, '0') })}
      onClose={props.onNewSale}
      wide
      testId="sale-done"
      onKeyDown={(e) => {
        if (e.key === 'F9') print();
        else if (e.key === 'F2') props.onNewSale();
      }}
      footer={
        <>
          <button type="button" className="button secondary" data-testid="print-receipt" onClick={print}>
            <kbd>F9</kbd> {t('saleDone.print')}
          </button>
          <button type="button" className="button primary" data-testid="new-sale" autoFocus onClick={props.onNewSale}>
            {t('saleDone.newSale')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <PrintErrorNotice lines={printError} />
      <div className="sale-done">
        <div className="sale-done-summary">
          <div className="change-box">
            <span>{t('saleDone.change')}</span>
            <strong data-testid="sale-change">{formatBalboas(props.change)}</strong>
          </div>
          <div className="sale-done-total">
            <span>{t('saleDone.total')}</span>
            <strong>{formatBalboas(current.totalFactura)}</strong>
          </div>
          <div className="sale-done-status">
            <span className="caption">{t('saleDone.dgiStatus')}</span>
            <StatusBadge status={current.status} />
            <p className="hint" data-testid="sale-done-hint">
              {t(saleDoneHint(current.status, current.cufe))}
            </p>
          </div>
        </div>
        <div className="receipt-frame">
          <ReceiptView detail={current} printable />
        </div>
      </div>
    </Dialog>
  );
}
