// Which lines (and how much of each) a credit note (04) credits, from the original invoice's items: every line for what
// earlier notes left of it (the core's credit ledger, DocumentDetail.creditable) by default; the manager unticks lines
// or lowers quantities for a partial return. A line already credited in full is shown, not offered. The preview total uses the
// fiscal core's own item arithmetic, so it is the amount the note will carry.
import type { Item } from '../../../../shared/fiscal/item';
import { money, round2, sum, toAmount2 } from '../../../../shared/fiscal/money';
import type { FiscalDocument } from '../../../../shared/fiscal/document';
import { computeItemAmounts } from '../../../../shared/fiscal/totals';
import { discountShare } from '../../../../shared/till/ticket-discount';
import { parseQuantity } from '../../checkout/amount-input';

export interface CreditChoice {
  /** 1-based line of the original document. */
  line: number;
  descripcion: string;
  /** The original quantity. */
  invoiced: string;
  /** What earlier notes left: the most that can be credited. */
  max: string;
  selected: boolean;
  /** As typed. */
  cantidad: string;
}

/** `creditable`: the core's remaining quantity per line; absent (an older core), the whole invoice. */
export function initialChoices(
  items: readonly Item[],
  creditable?: readonly { line: number; remaining: string }[] | null,
): CreditChoice[] {
  return items.map((item, i) => {
    const line = i + 1;
    const left = creditable ? money(creditable.find((c) => c.line === line)?.remaining ?? '0') : money(item.cantidad);
    return {
      line,
      descripcion: item.descripcion,
      invoiced: money(item.cantidad).toFixed(),
      max: left.toFixed(),
      selected: left.gt(0),
      cantidad: left.toFixed(),
    };
  });
}

export type CreditProblem = 'nothingSelected' | 'badQuantity' | 'overMax';

export type CreditRequest =
  | { ok: true; lines: { line: number; cantidad: string }[]; total: string }
  | { ok: false; problem: CreditProblem; line?: number };

/** The lines to send to documents:creditNote, with the note's total, or why they cannot be sent. */
export function creditRequest(items: readonly Item[], choices: readonly CreditChoice[]): CreditRequest {
  const lines: { line: number; cantidad: string }[] = [];
  const totals = [];
  for (const choice of choices) {
    if (!choice.selected) continue;
    const item = items[choice.line - 1];
    const parsed = parseQuantity(choice.cantidad);
    if (!item || !parsed.ok) return { ok: false, problem: 'badQuantity', line: choice.line };
    if (money(parsed.value).gt(choice.max)) return { ok: false, problem: 'overMax', line: choice.line };
    lines.push({ line: choice.line, cantidad: parsed.value });
    totals.push(money(computeItemAmounts({ ...item, cantidad: parsed.value }).valorTotal));
  }
  if (lines.length === 0) return { ok: false, problem: 'nothingSelected' };
  return { ok: true, lines, total: toAmount2(round2(sum(totals))) };
}

/**
 * The note's total for credited items worth `creditedTotal`: less their share of the invoice's discount on the whole
 * sale, as the core drafts it (shared/till/ticket-discount.ts discountShare).
 */
export function noteTotal(
  invoice: Pick<FiscalDocument, 'items' | 'descuentosGlobales'>,
  creditedTotal: string,
): string {
  const discount = toAmount2(sum((invoice.descuentosGlobales ?? []).map((d) => money(d.montoDescuento))));
  const invoiceItems = toAmount2(sum(invoice.items.map((item) => money(computeItemAmounts(item).valorTotal))));
  return toAmount2(money(creditedTotal).minus(discountShare(discount, invoiceItems, creditedTotal)));
}
