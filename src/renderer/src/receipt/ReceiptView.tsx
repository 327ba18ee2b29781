// A document's receipt from its detail and the register's issuer (app:status). Shows a short notice when the
// saved body cannot be read, rather than a wrong receipt.
import i18next from 'i18next';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { useLiveStatus } from '../api/app-status';
import { attempt, errorLines, sago } from '../api/sago';
import type { WithApproval } from '../auth/manager-action';
import { Receipt } from './Receipt';
import { useReceiptLayout } from './receipt-layout';
import { receiptModel } from '../../../shared/receipt/receipt-model';
import { printerProblemText, type PrintSubject } from '../checkout/printer-problem';

/**
 * Prints the receipt on screen (the element marked .print-area; styles.css hides the rest). The desktop app prints it
 * silently on the configured printer; the web host answers 'browser' and the browser's own print is used. If main
 * cannot print, the browser's print dialog is still better than no receipt — but a print the core refused (a reprint
 * without the gerente the store's rules want) prints nothing, and its message is returned for the screen; so is a
 * printer's failure, after the browser's print.
 * `documentId` makes it count as that document's original or reprint; without it (a report) nothing is counted.
 * `subject`: what the printer's problem says is saved (the sale, a return's credit note).
 */
export async function printReceipt(
  documentId?: string,
  withApproval?: WithApproval,
  subject: PrintSubject = 'sale',
): Promise<string[] | null> {
  const call = (approval: string | undefined) =>
    attempt(() => sago().receipt.print({ ...(documentId ? { documentId } : {}), ...(approval ? { approval } : {}) }));
  const result = withApproval ? await withApproval(call) : await call(undefined);
  if (result === null) return null; // the PIN prompt was cancelled
  if (!result.ok && REFUSALS.has(result.error.code)) return errorLines(result.error);
  if (!result.ok || result.value.via === 'browser') window.print();
  // A printer that failed (the thermal one, or the system's) is said on screen too: the cashier knows why the
  // print dialog came up, and that the sale itself is saved.
  if (result.ok) return null;
  // Out of paper, cover open, offline: the printer's own words in the cashier's language, with what to do.
  const problem = printerProblemText(result.error, i18next.t, subject);
  return problem === null ? errorLines(result.error) : [problem];
}

const REFUSALS = new Set(['not_allowed', 'approval_required', 'not_found', 'invalid_request']);

export function ReceiptView(props: { detail: DocumentDetail; printable: boolean }): JSX.Element {
  const { t } = useTranslation();
  const { status } = useLiveStatus();
  const { layout } = useReceiptLayout();
  if (!status) return <p className="muted">{t('common.loading')}</p>;
  const model = receiptModel(props.detail, status.issuer, status.trainingMode);
  if (!model)
    return (
      <p className="notice error" role="alert">
        {t('receipt.unreadable')}
      </p>
    );
  return <Receipt model={model} printable={props.printable} layout={layout} />;
}
