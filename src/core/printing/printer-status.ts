// What the thermal printer says about itself before a job: ESC/POS real-time status (DLE EOT n, 0x10 0x04 n), which
// a printer answers at once with one byte even while it is offline. Bits per Epson's ESC/POS reference:
//   n=1 printer:        bit 3 offline;
//   n=2 offline cause:  bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error occurred;
//   n=4 paper sensor:   bits 2–3 roll near its end, bits 5–6 roll end (no paper).
// Every answer has bits 1 and 4 set and bits 0 and 7 clear; a byte that does not is not a status (an echo, another
// protocol) and the status is then unknown. Unknown is not a problem: the job goes out as it always did.
export type PrinterProblem = 'paperOut' | 'coverOpen' | 'offline';

export type PrinterStatus =
  { kind: 'ready'; paperNearEnd: boolean } | { kind: 'problem'; problem: PrinterProblem } | { kind: 'unknown' };

const DLE = 0x10;
const EOT = 0x04;
/** The three questions, in the order their one-byte answers come back. */
export const STATUS_QUERIES = [1, 2, 4].map((n) => Uint8Array.from([DLE, EOT, n]));

const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;

/** Reads the answers to DLE EOT 1, 2 and 4 (one byte each, in that order). */
export function decodePrinterStatus(answers: Uint8Array): PrinterStatus {
  const [printer, cause, paper] = answers;
  if (printer === undefined || cause === undefined || paper === undefined) return { kind: 'unknown' };
  if (![printer, cause, paper].every(isStatusByte)) return { kind: 'unknown' };
  // The most specific reason first: no paper and an open cover both put the printer offline.
  if ((paper & 0x60) !== 0 || (cause & 0x20) !== 0) return { kind: 'problem', problem: 'paperOut' };
  if ((cause & 0x04) !== 0) return { kind: 'problem', problem: 'coverOpen' };
  if ((printer & 0x08) !== 0 || (cause & 0x40) !== 0) return { kind: 'problem', problem: 'offline' };
  return { kind: 'ready', paperNearEnd: (paper & 0x0c) !== 0 };
}

/** The cashier's words (Spanish, as every core message); the till translates by the violation's rule. */
export const PRINTER_PROBLEM_TEXT: Record<PrinterProblem, string> = {
  paperOut: 'Sin papel',
  coverOpen: 'Tapa abierta',
  offline: 'Impresora fuera de línea',
};

/** The stable rule a screen translates (`printer.paperOut` …). */
export const printerProblemRule = (problem: PrinterProblem): string => `printer.${problem}`;
