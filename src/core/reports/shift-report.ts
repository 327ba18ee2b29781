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
import type { Shift, ShiftReport } from '../../shared/ipc/areas/reports/contract';
import type { StoreDb } from '../store/open-database';
import { parkedSalesCount, shiftCashMovements } from '../till/cash-movement-totals';
import { hourKey, hourRollups, hourStart, nextHourStart, type DocumentRollupRow } from './report-rollups';

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

/** What a shift's documents add up to, filled from whole hours' rollups and from the documents at the edges. */
class ShiftTally {
  counts = { total: 0, authorized: 0, pending: 0, contingency: 0, rejected: 0, failed: 0, annulled: 0 };
  byForm = new Map<string, Money>();
  formCounts = new Map<string, number>();
  base = new Map<string, Money>();
  itbms = new Map<string, Money>();
  sales = ZERO;
  annulled = ZERO;
  notesTotal = ZERO;
  refunds = ZERO;
  received = ZERO;
  change = ZERO;
  notes = 0;
  unauthorised = 0;

  /** `n` documents of one status, type and emission, `total` their Σ totalFactura. */
  documents(status: string, tipoDocumento: string, tipoEmision: string, n: number, total: Money): void {
    const c = this.counts;
    c.total += n;
    if (status === 'AUTHORIZED') c.authorized += n;
    else if (status === 'QUEUED' || status === 'PROCESSING' || status === 'NUMBER_COLLISION') c.pending += n; // a collision is re-issued
    else if (status === 'REJECTED') c.rejected += n;
    else if (status === 'FAILED') c.failed += n;
    else if (status === 'ANNULLED') c.annulled += n;
    if (!SETTLED.includes(status)) {
      this.unauthorised += n;
      if (CONTINGENCY_EMISSIONS.includes(tipoEmision)) c.contingency += n;
    }
    if (status === 'ANNULLED') this.annulled = this.annulled.plus(total);
    if (!inTotals(status)) return;
    if (CREDIT_NOTE_TYPES.includes(tipoDocumento)) {
      this.notes += n;
      this.notesTotal = this.notesTotal.plus(total);
    } else this.sales = this.sales.plus(total);
  }

  /** Base and/or ITBMS at one rate (a null side adds nothing but still names the rate). */
  rate(tipoDocumento: string, tasa: string, base: Money | null, itbms: Money | null): void {
    const sign = CREDIT_NOTE_TYPES.includes(tipoDocumento) ? -1 : 1;
    add(this.base, tasa, base === null ? ZERO : base.times(sign));
    add(this.itbms, tasa, itbms === null ? ZERO : itbms.times(sign));
  }

  /** `documents` counted sales (or notes) paying `amount` with one tender. */
  payment(tipoDocumento: string, formaPago: string, documents: number, amount: Money): void {
    if (CREDIT_NOTE_TYPES.includes(tipoDocumento)) {
      if (isCash(formaPago)) this.refunds = this.refunds.plus(amount);
      return;
    }
    add(this.byForm, formaPago, amount);
    this.formCounts.set(formaPago, (this.formCounts.get(formaPago) ?? 0) + documents);
    if (isCash(formaPago)) this.received = this.received.plus(amount);
  }

  /** Change given on sales; `documents` of them gave some. Change comes out of the cash tendered, so cash sales are shown net of it. */
  changeGiven(tipoDocumento: string, documents: number, vuelto: Money): void {
    if (CREDIT_NOTE_TYPES.includes(tipoDocumento)) return;
    this.change = this.change.plus(vuelto);
    if (documents > 0) add(this.byForm, CASH_PAYMENT_FORMS[0] ?? '02', vuelto.negated());
  }

  addDocument(doc: DocRow, paid: readonly PaymentRow[]): void {
    this.documents(doc.status, doc.tipoDocumento, doc.tipoEmision, 1, money(doc.totalFactura));
    if (!inTotals(doc.status)) return;
    const totals = JSON.parse(doc.totals) as DocumentTotals;
    for (const rate of totals.porTasa) this.rate(doc.tipoDocumento, rate.tasaItbms, money(rate.base), money(rate.itbms));
    const byForm = new Map<string, Money>();
    for (const p of paid) add(byForm, p.formaPago, money(p.monto));
    for (const [form, amount] of byForm) this.payment(doc.tipoDocumento, form, 1, amount);
    const vuelto = money(totals.vuelto);
    this.changeGiven(doc.tipoDocumento, vuelto.gt(0) ? 1 : 0, vuelto);
  }

  addRollup(row: DocumentRollupRow): void {
    if (row.metric === 'doc') this.documents(row.status, row.tipoDocumento, row.tipoEmision, row.n, row.amount);
    if (!inTotals(row.status)) return;
    if (row.metric === 'base') this.rate(row.tipoDocumento, row.key, row.amount, null);
    else if (row.metric === 'rate_itbms') this.rate(row.tipoDocumento, row.key, null, row.amount);
    else if (row.metric === 'pay') this.payment(row.tipoDocumento, row.key, row.n, row.amount);
    else if (row.metric === 'vuelto') this.changeGiven(row.tipoDocumento, row.n, row.amount);
  }
}

/** An ANNULLED sale is totalled apart; a CANCELLED one is nothing (see the header). */
const inTotals = (status: string) => status !== 'ANNULLED' && status !== 'CANCELLED';

/**
 * The shift's documents: whole hours from the rollups (kept by migration 0011's triggers), the partial hours at the
 * opening and at the close from the documents themselves. Until null (X) takes every hour after the opening one.
 */
function tallyShift(db: StoreDb, from: string, until: string | null, source: ReportSource): ShiftTally {
  const tally = new ShiftTally();
  const addRaw = (start: string, end: string | null) => {
    const { docs, payments } = shiftDocuments(db, start, end);
    for (const doc of docs) tally.addDocument(doc, payments.get(doc.id) ?? []);
  };
  if (source === 'documents') {
    addRaw(from, until);
    return tally;
  }
  const firstWhole = nextHourStart(from);
  const lastPartial = until === null ? null : hourStart(until);
  if (lastPartial !== null && until !== null && firstWhole >= lastPartial) {
    addRaw(from, until);
    return tally;
  }
  addRaw(from, firstWhole);
  for (const row of hourRollups(db, hourKey(firstWhole), lastPartial === null ? null : hourKey(lastPartial))) tally.addRollup(row);
  if (lastPartial !== null && until !== null) addRaw(lastPartial, until);
  return tally;
}

/**
 * Where the numbers come from: 'rollups' (the app) or 'documents', every document of the shift read and parsed, as
 * before migration 0011 — the reference the rollups must equal (tests) and the benchmark's baseline.
 */
export type ReportSource = 'rollups' | 'documents';

export function computeShiftReport(
  db: StoreDb,
  shift: Shift,
  kind: 'X' | 'Z',
  until: Date,
  source: ReportSource = 'rollups',
): ShiftReport {
  const t = tallyShift(db, shift.openedAt, kind === 'Z' ? until.toISOString() : null, source);
  const { counts, byForm, formCounts, base, itbms, sales, annulled, notesTotal, refunds, received, change, notes, unauthorised } = t;

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
