// The receipt a "done" dialog prints by itself is printed once, whichever comes first: its timer (after the receipt has
// painted) or the cashier moving on (Enter, F2, the button) — a cashier quick on the keys, or a scanner's Enter for
// the next customer, used to close the dialog before the timer and the receipt was silently never printed. Closing
// waits for that print; a printer's problem keeps the dialog open so the cashier reads it, and the next close closes.
// No React here: the hook (use-receipt-print.ts) holds one of these per dialog.

/** A print's outcome: null when it printed (or the PIN prompt was cancelled), else the lines that say what failed. */
export type PrintOutcome = readonly string[] | null;

export interface PrintBeforeClose {
  /** The timer's turn: prints, unless the receipt is printing or printed already. */
  byItself(): void;
  /**
   * The cashier closes the dialog. With `auto` and nothing printed yet, prints first; while a print by itself is under
   * way, waits for it; then closes, unless that print failed (its problem is now on screen). A close asked while
   * waiting is ignored; a print that had already finished, well or not, does not hold the dialog.
   */
  close(then: () => void, auto: boolean): void;
}

export function printBeforeClose(
  print: () => Promise<PrintOutcome>,
  show: (outcome: PrintOutcome) => void,
): PrintBeforeClose {
  let printing: Promise<PrintOutcome> | undefined;
  let finished = false;
  let closing = false;
  const start = (): Promise<PrintOutcome> =>
    (printing = print().then(
      (outcome) => {
        finished = true;
        show(outcome);
        return outcome;
      },
      // printReceipt answers a failure with lines; should it throw all the same, the dialog must still close (the
      // receipt can be printed again from the documents list) rather than ignore every close from then on.
      () => {
        finished = true;
        return null;
      },
    ));
  return {
    byItself() {
      if (!printing) void start();
    },
    close(then, auto) {
      if (closing) return;
      if (finished || (!printing && !auto)) return then();
      closing = true;
      void (printing ?? start()).then((outcome) => {
        closing = false;
        if (outcome === null) then();
      });
    },
  };
}
