// The thermal printer said why it could not print (out of paper, cover open, offline): the core's refusal carries a
// stable rule (`printer.paperOut` …) so the cashier reads it in the chosen language, with what to do next.
import type { TFunction } from 'i18next';
import type { IpcError } from '../../../shared/ipc/schemas';

const PROBLEMS = ['paperOut', 'coverOpen', 'offline'] as const;
type Problem = (typeof PROBLEMS)[number];

/** The printer's problem in the cashier's language, or null when the error is not one. */
export function printerProblemText(error: IpcError, t: TFunction): string | null {
  const rule = error.violations?.find((v) => v.rule.startsWith('printer.'))?.rule.slice('printer.'.length);
  return PROBLEMS.includes(rule as Problem) ? t(`printerStatus.${rule as Problem}`) : null;
}
