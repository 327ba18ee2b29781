// The credit ledger (decision 0010): a credit note (04) never credits more of an invoice line than was sold minus
// what earlier notes already took, in quantity and in amount. The check and the write run inside the note's capture
// transaction (store/capture-writer.ts): SQLite has one writer, so two tabs or registers preparing notes for the same
// invoice cannot both pass. Notes that were discarded (CANCELLED) or annulled give their credit back; every other
// status holds it (a REJECTED or FAILED note may still be retried and authorised).
import type Database from 'better-sqlite3';
import { formatBalboas, money, sum, toAmount2, ZERO, type Money } from '../../shared/fiscal/money';

/** What one note takes: for each of its items (in order), the invoice line it credits, how much, and its valorTotal. */
export interface CreditClaim {
  invoiceId: string;
  /** The invoice's CUFE the note references (checked against the invoice inside the transaction). */
  cufe: string;
  lines: { line: number; cantidad: string; amount: string }[];
}

export interface LineRemaining {
  line: number;
  descripcion: string;
  sold: string;
  credited: string;
  /** Quantity still creditable. */
  remaining: string;
  /** Amount (valorTotal) still creditable. */
  remainingAmount: string;
}

/** Statuses of a note that no longer hold credit. */
const RELEASED = "('CANCELLED', 'ANNULLED')";

/**
 * One cent per earlier partial note of the line: the DGI's per-line rounding makes parts of a line (e.g. 7 % of 1.50
 * = 0.11, twice) sum to a cent more than the whole (7 % of 3.00 = 0.21). The quantity is never exceeded.
 */
const ROUNDING_PER_PART = money('0.01');

export class CreditRefusedError extends Error {
  override readonly name = 'CreditRefusedError';
}

/** An invoice line as document_items stores it (the columns the ledger reads). */
export interface InvoiceLine {
  line: number;
  descripcion: string;
  cantidad: string;
  valorTotal: string;
}
interface CreditRow {
  line: number;
  cantidad: string;
  amount: string;
}

/** Per invoice line: sold, already credited, and what is left (quantity and amount). */
export function creditRemaining(sqlite: Database.Database, invoiceId: string): LineRemaining[] {
  return ledgerOf(sqlite, invoiceId).map(({ item, credited, amount }) => remainingOf(item, credited, amount));
}

/**
 * A new invoice's lines, for the capture's answer: no note has credited any yet, so what remains is what was sold
 * (remainingOf with nothing credited, without its subtractions: quantities are positive, checked by validation).
 */
export function remainingOfNewInvoice(
  items: readonly InvoiceLine[],
): Pick<LineRemaining, 'line' | 'remaining' | 'remainingAmount'>[] {
  return items.map((item) => ({
    line: item.line,
    remaining: money(item.cantidad).toFixed(),
    remainingAmount: toAmount2(money(item.valorTotal)),
  }));
}

function remainingOf(item: InvoiceLine, credited: Money, amount: Money): LineRemaining {
  return {
    line: item.line,
    descripcion: item.descripcion,
    sold: money(item.cantidad).toFixed(),
    credited: credited.toFixed(),
    remaining: nonNegative(money(item.cantidad).minus(credited)).toFixed(),
    remainingAmount: toAmount2(nonNegative(money(item.valorTotal).minus(amount))),
  };
}

function nonNegative(value: Money): Money {
  return value.isNegative() ? ZERO : value;
}

function ledgerOf(sqlite: Database.Database, invoiceId: string) {
  const items = sqlite
    .prepare(
      `SELECT line, descripcion, cantidad, valor_total AS valorTotal FROM document_items
    WHERE document_id = ? ORDER BY line`,
    )
    .all(invoiceId) as InvoiceLine[];
  const credits = sqlite
    .prepare(
      `SELECT l.line, l.cantidad, l.amount FROM credit_ledger l JOIN documents n ON n.id = l.note_id
    WHERE l.invoice_id = ? AND n.status NOT IN ${RELEASED}`,
    )
    .all(invoiceId) as CreditRow[];
  return items.map((item) => {
    const mine = credits.filter((c) => c.line === item.line);
    return {
      item,
      parts: mine.length,
      credited: sum(mine.map((c) => money(c.cantidad))),
      amount: sum(mine.map((c) => money(c.amount))),
    };
  });
}

/**
 * Throws CreditRefusedError (Spanish, for the manager) unless the whole claim fits in what is left. Returns the
 * invoice's number (the note's answer names it).
 */
export function checkCreditFits(sqlite: Database.Database, claim: CreditClaim): number {
  const invoice = sqlite
    .prepare('SELECT tipo_documento AS tipo, status, cufe, numero FROM documents WHERE id = ?')
    .get(claim.invoiceId) as { tipo: string; status: string; cufe: string | null; numero: number } | undefined;
  if (!invoice || invoice.tipo !== '01')
    throw new CreditRefusedError('La nota de crédito no corresponde a una factura de este registro');
  if (invoice.cufe !== claim.cufe)
    throw new CreditRefusedError('La nota de crédito no referencia el CUFE de la factura que acredita');
  if (invoice.status !== 'AUTHORIZED') {
    throw new CreditRefusedError(
      invoice.status === 'ANNULLED'
        ? `La factura Nº ${invoice.numero} está anulada: no hay nada que acreditar`
        : 'Solo se emite nota de crédito sobre una factura autorizada por la DGI',
    );
  }
  const ledger = ledgerOf(sqlite, claim.invoiceId);
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const asked of claim.lines) {
    const entry = ledger.find((l) => l.item.line === asked.line);
    if (!entry || seen.has(asked.line)) {
      problems.push(entry ? `la línea ${asked.line} aparece dos veces` : `la factura no tiene la línea ${asked.line}`);
      continue;
    }
    seen.add(asked.line);
    const left = money(entry.item.cantidad).minus(entry.credited);
    const leftAmount = money(entry.item.valorTotal).minus(entry.amount);
    const allowance = ROUNDING_PER_PART.times(entry.parts);
    const name = `línea ${asked.line} (${entry.item.descripcion})`;
    if (!left.gt(0)) problems.push(`la ${name} ya fue acreditada por completo`);
    else if (money(asked.cantidad).gt(left))
      problems.push(
        `de la ${name} quedan ${nonNegative(left).toFixed()} por acreditar, no ${money(asked.cantidad).toFixed()}`,
      );
    else if (money(asked.amount).gt(leftAmount.plus(allowance))) {
      problems.push(
        `de la ${name} quedan ${formatBalboas(toAmount2(nonNegative(leftAmount)))} por acreditar, no ${formatBalboas(asked.amount)}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new CreditRefusedError(
      `No se puede acreditar más de lo facturado en la factura Nº ${invoice.numero}: ${problems.join('; ')}`,
    );
  }
  return invoice.numero;
}

/** Writes the note's ledger rows (inside the capture transaction, after the note's document row). */
export function recordCredit(sqlite: Database.Database, noteId: string, claim: CreditClaim): void {
  const insert = sqlite.prepare(
    'INSERT INTO credit_ledger (note_id, invoice_id, line, cantidad, amount) VALUES (?, ?, ?, ?, ?)',
  );
  for (const l of claim.lines) insert.run(noteId, claim.invoiceId, l.line, l.cantidad, l.amount);
}

/** Credit notes that still hold credit on the invoice (they block its annulment), oldest first. */
export function outstandingCreditNotes(
  sqlite: Database.Database,
  invoiceId: string,
): { numero: number; status: string }[] {
  return sqlite
    .prepare(
      `SELECT DISTINCT n.numero, n.status FROM credit_ledger l JOIN documents n ON n.id = l.note_id
    WHERE l.invoice_id = ? AND n.status NOT IN ${RELEASED} ORDER BY n.numero`,
    )
    .all(invoiceId) as { numero: number; status: string }[];
}
