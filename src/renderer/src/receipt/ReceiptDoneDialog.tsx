// The frame a sale's and a return's "done" dialogs share, so the cashier finds everything in the same place after
// either: the printer's problem on top, the money summary on the left, the receipt on the right, F9 (print again) and
// the closing action (Enter) at the bottom. What differs (the summary, the close's label, extra keys) comes in.
import type { JSX, KeyboardEvent, ReactNode } from 'react';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { Dialog } from '../ui/Dialog';
import { PrintErrorNotice } from './PrintErrorNotice';
import { ReceiptView } from './ReceiptView';

export function ReceiptDoneDialog(props: {
  title: string;
  testId: string;
  /** The document as it is now (its status and CUFE updated live). */
  detail: DocumentDetail;
  print: () => void;
  printError: readonly string[] | null;
  printLabel: string;
  closeLabel: string;
  closeTestId: string;
  onClose: () => void;
  /** Keys of this dialog besides F9 (print again), e.g. F2 for a new sale. */
  onOtherKey?: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** The left column: the amount to hand over, the DGI status. */
  summary: ReactNode;
}): JSX.Element {
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      wide
      testId={props.testId}
      onKeyDown={(e) => {
        if (e.key === 'F9') props.print();
        else props.onOtherKey?.(e);
      }}
      footer={
        <>
          <button type="button" className="button secondary" data-testid="print-receipt" onClick={props.print}>
            <kbd>F9</kbd> {props.printLabel}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid={props.closeTestId}
            autoFocus
            onClick={props.onClose}
          >
            {props.closeLabel} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <PrintErrorNotice lines={props.printError} />
      <div className="sale-done">
        <div className="sale-done-summary">{props.summary}</div>
        <div className="receipt-frame">
          <ReceiptView detail={props.detail} printable />
        </div>
      </div>
    </Dialog>
  );
}
