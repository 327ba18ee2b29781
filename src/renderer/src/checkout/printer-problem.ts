// The thermal printer said why it could not print (out of paper, cover open, offline): the core's refusal carries a
// stable rule (`printer.paperOut` …) so the cashier reads it in the chosen language, with what to do next and what is
// safe: the sale, or the credit note of a return, is saved whatever the paper did.
import type { TFunction } from 'i18next';
import type { IpcError } from '../../../shared/ipc/schemas';

const PROBLEMS = ['paperOut', 'coverOpen', 'offline'] as const;
type Problem = (typeof PROBLEMS)[number];

/** What the receipt being printed is the paper of: the text says that one is saved. */
export type PrintSubject = 'sale' | 'creditNote' | 'document';

/** Credit notes: referring to an FE (04) and generic (06, TIPO_DOCUMENTO in shared/fiscal/codes.ts). */
const CREDIT_NOTES: readonly string[] = ['04', '06'];

/** An invoice's receipt is a sale's, a credit note's (04, 06) a credit note's; any other document is named as such. */
export function printSubject(tipoDocumento: string): PrintSubject {
  if (tipoDocumento === '01') return 'sale';
  return CREDIT_NOTES.includes(tipoDocumento) ? 'creditNote' : 'document';
}

/** The printer's problem in the cashier's language, or null when the error is not one. */
export function printerProblemText(error: IpcError, t: TFunction, subject: PrintSubject = 'sale'): string | null {
  const rule = error.violations?.find((v) => v.rule.startsWith('printer.'))?.rule.slice('printer.'.length);
  return PROBLEMS.includes(rule as Problem) ? t(`printerStatus.${subject}.${rule as Problem}`) : null;
}
