// Printing the receipt of a document the till has just saved, from the dialog that shows it: a sale's (SaleDoneDialog)
// and a return's credit note (ReturnDoneDialog) print the same way. With `auto` (the register prints on completion,
// or F9 asked for a reprint) it prints once by itself after the receipt has painted, or when the cashier closes the
// dialog first (print-before-close.ts); `print` prints again (F9, the button). A refusal or a printer's failure comes
// back as lines for PrintErrorNotice.
import { useEffect, useRef, useState } from 'react';
import { useWithApproval } from '../auth/manager-action';
import type { PrintSubject } from '../checkout/printer-problem';
import { printBeforeClose, type PrintBeforeClose } from './print-before-close';
import { printReceipt } from './ReceiptView';

/** Time for the dialog's receipt to paint before the page is printed, and for the cashier to see the change first. */
const PAINT_DELAY_MS = 300;

export function useReceiptPrint(
  documentId: string,
  subject: PrintSubject,
  auto: boolean,
): { print: () => void; printError: string[] | null; close: (then: () => void) => void } {
  const withApproval = useWithApproval();
  const [printError, setPrintError] = useState<string[] | null>(null);
  const printNowAndSay = () => printReceipt(documentId, withApproval, subject);
  const print = (): void => void printNowAndSay().then(setPrintError);
  // The latest print, for the timer and the close (they close over a render that may have gone).
  const printNow = useRef(printNowAndSay);
  printNow.current = printNowAndSay;
  // One per dialog: the receipt printed by itself is printed once, by the timer or by the close, whichever is first.
  const once = useRef<PrintBeforeClose | null>(null);
  once.current ??= printBeforeClose(
    () => printNow.current(),
    (lines) => setPrintError(lines ? [...lines] : null),
  );

  useEffect(() => {
    if (!auto) return;
    // React's StrictMode (development builds, the e2e tests' build) runs this effect, its cleanup and the effect
    // again: the first timer is cleared, and `once` prints only once whatever calls it.
    const timer = window.setTimeout(() => once.current?.byItself(), PAINT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [auto]); // once per dialog: the document does not change under it

  return { print, printError, close: (then) => once.current?.close(then, auto) };
}
