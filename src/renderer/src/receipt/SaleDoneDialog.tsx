// Right after "complete": the change to hand back, the receipt (provisional until the CUFE arrives, then the CAFE
// with QR, updated live), print and a new sale. Enter or F2 starts the next sale; F9 prints again.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { StatusBadge } from '../documents/StatusBadge';
import { ReceiptDoneDialog } from './ReceiptDoneDialog';
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
  const { print, printError, close } = useReceiptPrint(props.sale.id, 'sale', props.autoPrint);
  const newSale = () => close(props.onNewSale); // the receipt printed by itself first, if it had not yet

  return (
    <ReceiptDoneDialog
      title={t('saleDone.title', { number: String(current.numero).padStart(10, '0') })}
      testId="sale-done"
      detail={current}
      print={print}
      printError={printError}
      printLabel={t('saleDone.print')}
      closeLabel={t('saleDone.newSale')}
      closeTestId="new-sale"
      onClose={newSale}
      onOtherKey={(e) => {
        if (e.key === 'F2') newSale();
      }}
      summary={
        <>
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
        </>
      }
    />
  );
}
