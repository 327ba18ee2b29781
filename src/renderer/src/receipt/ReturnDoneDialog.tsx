// Right after a return at the till (Shift+F9): the money to hand back and how, and the credit note's receipt (its
// status and CUFE updated live), printed by itself like a sale's when the register prints on completion. F9 prints it
// again; Enter goes back to the till. Laid out like SaleDoneDialog, so the cashier finds the amount in the same place.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import type { RefundTender } from '../checkout/till-return';
import { StatusBadge } from '../documents/StatusBadge';
import { ReceiptDoneDialog } from './ReceiptDoneDialog';
import { useDocument } from './use-document';
import { useReceiptPrint } from './use-receipt-print';

const padded = (numero: number): string => String(numero).padStart(10, '0');

/** What the dialog says about the note's state: a refused or abandoned note does not "update by itself". */
function returnDoneHint(
  note: DocumentDetail,
): 'returnDone.problemHint' | 'returnDone.authorizedHint' | 'returnDone.pendingHint' {
  if (note.status === 'REJECTED' || note.status === 'FAILED') return 'returnDone.problemHint';
  return note.cufe ? 'returnDone.authorizedHint' : 'returnDone.pendingHint';
}

export function ReturnDoneDialog(props: {
  note: DocumentDetail;
  /** The number of the invoice the note credits. */
  invoiceNumero: number;
  tender: RefundTender;
  autoPrint: boolean;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { detail } = useDocument(props.note.id, props.note);
  const current = detail ?? props.note;
  const { print, printError, close } = useReceiptPrint(props.note.id, 'creditNote', props.autoPrint);
  const closeDialog = () => close(props.onClose); // the note's receipt printed by itself first, if it had not yet

  return (
    <ReceiptDoneDialog
      title={t('noteRef.title', { number: padded(current.numero), invoice: padded(props.invoiceNumero) })}
      testId="return-done"
      detail={current}
      print={print}
      printError={printError}
      printLabel={t('returnDone.print')}
      closeLabel={t('returnDone.close')}
      closeTestId="return-done-close"
      onClose={closeDialog}
      summary={
        <>
          <div className="change-box">
            <span>{t('returnDone.refund')}</span>
            <strong data-testid="return-refund">{formatBalboas(current.totalFactura)}</strong>
            <span data-testid="return-refund-tender">{t(`tillReturn.refunds.${props.tender}`)}</span>
          </div>
          <div className="sale-done-status">
            <span className="caption">{t('saleDone.dgiStatus')}</span>
            <StatusBadge status={current.status} />
            <p className="hint" data-testid="return-done-hint">
              {t(returnDoneHint(current))}
            </p>
          </div>
        </>
      }
    />
  );
}
