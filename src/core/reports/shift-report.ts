// The numbers of a cash shift (turno) from the documents created in it: what an X report shows while the shift runs
// and a Z report freezes when it closes. Exact decimals throughout (shared/fiscal/money.ts).
//
// Which documents count where:
// - a document belongs to the shift whose [openedAt, closedAt) contains its created_at;
// - sales = every document that is neither a credit note (04/06) nor ANNULLED, whatever its transmission status
//   (a rejected or queued sale was still paid: the money is in the drawer);
// - an ANNULLED sale is counted and totalled apart and left out of the cash (the customer got the money back);
// - a CANCELLED (discarded) document is neither: the DGI never accepted it and the sale was captured anew, so only
//   the new document counts (counts.total still includes it: it is a document of the shift);
// - credit notes reduce ITBMS by rate, and their cash payments are the cash refunds;
// - pay-ins and pay-outs of the shift (till/cash-movements.ts) move the expected cash; sales on hold are counted
//   (a warning: they are not sales).
import { CASH_PAYMENT_FORMS, FORMA_PAGO, TASA_ITBMS } from '../../shared/fiscal/codes';
import { money, toAmount2, ZERO, type Money } from '../../shared/fiscal/money';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import type { Shift, ShiftReport } from '../../shared/ipc/contract-reports';
import type { StoreDb } from '../store/open-database';
import { parkedSalesCount, shiftCashMovements } from '../till/cash-movement-totals';

interface DocRow {
  id: string;
  tipoDocumento: string;
  tipoEmision: string;
  status: string;
  totals: string;
  totalFactura: string;
}

interface PaymentRow {
  documentId: string;
  formaPago: string;
  monto: string;
}

export const CREDIT_NOTE_TYPES: readonly string[] = ['04', '06'];
const CONTINGENCY_EMISSIONS: readonly string[] = ['02', '04'];
const SETTLED: readonly string[] = ['AUTHORIZED', 'ANNULLED', 'CANCELLED'];

/** Documents created in [from, until) — until null means "up to now" (a running shift). */
function shiftDocuments(db: StoreDb, from: string, until: string | null): { docs: DocRow[]; payments: Map<string, PaymentRow[]> } {
  const sqlite = db.$client;
  const range = until === null ? 'created_at >= @from' : 'created_at >= @from AND created_at < @until';
  const params = { from, until };
  const docs = sqlite.prepare(`SELECT id, tipo_documento AS tipoDocumento, tipo_emision AS tipoEmision, status, totals,
    total_factura AS totalFactura FROM documents WHERE ${range} ORDER BY created_at`).all(params) as DocRow[];
  // CROSS JOIN keeps SQLite's join order: from the shift's documents (created_at index) to their payments. Left to
  // itself it walked every payment of the register's history in key order to skip the sort (1.8 s at 428 000
  // documents, issue 17); sorting one shift's payments costs nothing.
  const rows = sqlite.prepare(`SELECT p.document_id AS documentId, p.forma_pago AS formaPago, p.monto FROM documents d
    CROSS JOIN document_payments p ON p.document_id = d.id WHERE ${range.replaceAll('created_at', 'd.created_at')} ORDER BY p.document_id, p.line`)
    .all(params) as PaymentRow[];
  const payments = new Map<string, PaymentRow[]>();
  for (const row of rows) payments.set(row.documentId, [...(payments.get(row.documentId) ?? []), row]);
  return { docs, payments };
}

const add = (map: Map<string, Money>, key: string, value: Money) => map.set(key, (map.get(key) ?? ZERO).plus(value));
const isCash = (formaPago: string) => (CASH_PAYMENT_FORMS as readonly string[]).includes(formaPago);

export function computeShiftReport(db: StoreDb, shift: Shift, kind: 'X' | 'Z', until: Date): ShiftReport {
  const { docs, payments } = shiftDocuments(db, shift.openedAt, kind === 'Z' ? until.toISOString() : null);
  const counts = { total: docs.length, authorized: 0, pending: 0, contingency: 0, rejected: 0, failed: 0, annulled: 0 };
  const byForm = new Map<string, Money>();
  const formCounts = new Map<string, number>();
  const base = new Map<string, Money>();
  const itbms = new Map<string, Money>();
  let sales = ZERO, annulled = ZERO, notesTotal = ZERO, refunds = ZERO, received = ZERO, change = ZERO;
  let notes = 0, unauthorised = 0;

  for (const doc of docs) {
    if (doc.status === 'AUTHORIZED') counts.authorized++;
    else if (doc.status === 'QUEUED' || doc.status === 'PROCESSING' || doc.status === 'NUMBER_COLLISION') counts.pending++; // a collision is re-issued
    else if (doc.status === 'REJECTED') counts.rejected++;
    else if (doc.status === 'FAILED') counts.failed++;
    else if (doc.status === 'ANNULLED') counts.annulled++;
    if (!SETTLED.includes(doc.status)) {
      unauthorised++;
      if (CONTINGENCY_EMISSIONS.includes(doc.tipoEmision)) counts.contingency++;
    }
    if (doc.status === 'ANNULLED') {
      annulled = annulled.plus(doc.totalFactura);
      continue;
    }
    if (doc.status === 'CANCELLED') continue;
    const totals = JSON.parse(doc.totals) as DocumentTotals;
    const paid = payments.get(doc.id) ?? [];
    const sign = CREDIT_NOTE_TYPES.includes(doc.tipoDocumento) ? -1 : 1;
    for (const rate of totals.porTasa) {
      add(base, rate.tasaItbms, money(rate.base).times(sign));
      add(itbms, rate.tasaItbms, money(rate.itbms).times(sign));
    }
    if (sign < 0) {
      notes++;
      notesTotal = notesTotal.plus(doc.totalFactura);
      for (const p of paid) if (isCash(p.formaPago)) refunds = refunds.plus(p.monto);
      continue;
    }
    sales = sales.plus(doc.totalFactura);
    const vuelto = money(totals.vuelto);
    change = change.plus(vuelto);
    const forms = new Set<string>();
    for (const p of paid) {
      forms.add(p.formaPago);
      add(byForm, p.formaPago, money(p.monto));
      if (isCash(p.formaPago)) received = received.plus(p.monto);
    }
    // Change comes out of the cash tendered, so cash sales are shown net of it.
    if (vuelto.gt(0)) add(byForm, CASH_PAYMENT_FORMS[0] ?? '02', vuelto.negated());
    for (const form of forms) formCounts.set(form, (formCounts.get(form) ?? 0) + 1);
  }

  const opening = money(shift.openingCash);
  const movements = shiftCashMovements(db, shift.id);
  const expected = opening.plus(received).minus(change).minus(refunds).plus(movements.payIns).minus(movements.payOuts);
  const counted = kind === 'Z' && shift.countedCash !== null ? money(shift.countedCash) : null;
  return {
    kind,
    shift,
    until: until.toISOString(),
    byPaymentForm: Object.entries(FORMA_PAGO).filter(([code]) => byForm.has(code)).map(([code, label]) => ({
      formaPago: code, label, count: formCounts.get(code) ?? 0, amount: toAmount2(byForm.get(code) ?? ZERO),
    })),
    itbmsByRate: Object.entries(TASA_ITBMS).filter(([code]) => base.has(code)).map(([code, rate]) => ({
      tasaItbms: code, label: rate.label, base: toAmount2(base.get(code) ?? ZERO), itbms: toAmount2(itbms.get(code) ?? ZERO),
    })),
    counts,
    salesTotal: toAmount2(sales),
    annulledTotal: toAmount2(annulled),
    creditNotes: { count: notes, total: toAmount2(notesTotal), cashRefunds: toAmount2(refunds) },
    cash: {
      opening: toAmount2(opening),
      received: toAmount2(received),
      change: toAmount2(change),
      refunds: toAmount2(refunds),
      payIns: movements.payIns,
      payOuts: movements.payOuts,
      expected: toAmount2(expected),
      counted: counted === null ? null : toAmount2(counted),
      difference: counted === null ? null : toAmount2(counted.minus(expected)),
    },
    unauthorised,
    parkedSales: parkedSalesCount(db),
  };
}
