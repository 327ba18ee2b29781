// Printing the receipt of a document the till has just saved, from the dialog that shows it: a sale's (SaleDoneDialog)
// and a return's credit note (ReturnDoneDialog) print the same way. With `auto` (the register prints on completion,
// or F9 asked for a reprint) it prints once by itself after the receipt has painted; `print` prints again (F9, the
// button). A refusal or a printer's failure comes back as lines for PrintErrorNotice.
import { useEffect, useRef, useState } from 'react';
import { useWithApproval } from '../auth/manager-action';
import type { PrintSubject } from '../checkout/printer-problem';
import { printReceipt } from './ReceiptView';

/** Time for the dialog's receipt to paint before the page is printed, and for the cashier to see the change first. */
const PAINT_DELAY_MS = 300;

export function useReceiptPrint(
  documentId: string,
  subject: PrintSubject,
  auto: boolean,
): { print: () => void; printError: string[] | null } {
  const withApproval = useWithApproval();
  const [printError, setPrintError] = useState<string[] | null>(null);
  const print = (): void => void printReceipt(documentId, withApproval, subject).then(setPrintError);
  // The latest `print`, for the timer (it closes over a render that may have gone).
  const printNow = useRef(print);
  printNow.current = print;
  const printed = useRef(false);

  useEffect(() => {
    if (!auto || printed.current) return;
    // Marked printed when it prints, not when it is scheduled: React's StrictMode (development builds, the e2e tests'
    // build) runs this effect, its cleanup and the effect again, and the first timer is cleared.
    const timer = window.setTimeout(() => {
      printed.current = true;
      printNow.current();
    }, PAINT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [auto]); // once per dialog: the document does not change under it

  return { print, printError };
}
