// A return at the till, as a pure model the dialog renders: which lines and how many units come back (never more than
// the core's credit ledger says is left: DocumentDetail.creditable), how the money goes back, and why. The total is
// the note's as the core will draft it: the items at their invoice prices less their share of a discount on the whole
// sale (shared/till/ticket-discount.ts, the same function the core uses).
import type { FiscalDocument } from '../../../shared/fiscal/document';
import { money, sum, toAmount2 } from '../../../shared/fiscal/money';
import { reasonProblem } from '../../../shared/ipc/reason';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import {
  creditRequest,
  initialChoices,
  noteTotal,
  type CreditChoice,
  type CreditProblem,
} from '../documents/actions/credit-lines';

export const REFUND_TENDERS = ['02', '03', '04'] as const;
export type RefundTender = (typeof REFUND_TENDERS)[number];

/** Every line of the invoice, none chosen yet: the cashier types the units that came back. */
export function returnChoices(document: FiscalDocument, creditable: DocumentDetail['creditable']): CreditChoice[] {
  return initialChoices(document.items, creditable).map((c) => ({ ...c, selected: false, cantidad: '' }));
}

/** Typing a quantity chooses the line; clearing it (or 0) leaves it out. */
export function withQuantity(choices: readonly CreditChoice[], line: number, cantidad: string): CreditChoice[] {
  return choices.map((c) =>
    c.line === line
      ? { ...c, cantidad, selected: cantidad.trim() !== '' && !/^0*([.,]0*)?$/.test(cantidad.trim()) }
      : c,
  );
}

/** The invoice's discount on the whole sale, '0.00' when none. */
export function invoiceDiscount(document: FiscalDocument): string {
  return toAmount2(sum((document.descuentosGlobales ?? []).map((d) => money(d.montoDescuento))));
}

export type ReturnProblem = CreditProblem | 'reasonShort' | 'reasonLong';

export type ReturnRequest =
  | { ok: true; lines: { line: number; cantidad: string }[]; total: string }
  | { ok: false; problem: ReturnProblem; line?: number };

export function returnRequest(
  document: FiscalDocument,
  choices: readonly CreditChoice[],
  motivo: string,
): ReturnRequest {
  const credit = creditRequest(document.items, choices);
  if (!credit.ok)
    return credit.line === undefined
      ? { ok: false, problem: credit.problem }
      : { ok: false, problem: credit.problem, line: credit.line };
  const reason = reasonProblem(motivo);
  if (reason) return { ok: false, problem: reason === 'short' ? 'reasonShort' : 'reasonLong' };
  return { ok: true, lines: credit.lines, total: noteTotal(document, credit.total) };
}
