// Edge cases of the report rollups (migration 0011): documents over several whole hours whose status, type or
// emission change after capture (annulled, rejected, cancelled, a number collision, contingency), credit notes of both
// kinds, two payments with one tender, change given, a deleted document. X/Z and the sales report from the rollups
// must equal the same reports read from every document, and the rollups must really be what the reports read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCufe } from '../../shared/fiscal/cufe';
import type { Shift } from '../../shared/ipc/areas/reports/contract';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { SALE } from '../../../tests/fixtures/register-harness';
import { draftCreditNote } from '../documents/credit-note';
import { captureSale, type CaptureDeps, type SaleDraft } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { salesReport } from './sales-report';
import { salesReportFromDocuments } from './sales-report-from-documents';
import { computeShiftReport } from './shift-report';

let store: OpenedDatabase;
let now: number;
// 25 minutes between documents: a dozen documents cover five whole hours, so the rollups carry most of the report.
const tick = () => new Date((now += 25 * 60_000));

beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
  now = Date.parse('2025-03-03T13:10:00.000Z');
});
afterEach(() => store.close());

function capture(draft: SaleDraft, credit?: CaptureDeps['credit']): string {
  const deps = { db: store.db, issuer: DEFAULT_ISSUER_SETTINGS, emissionMode: () => ({ tipoEmision: '01' as const }), clock: tick, actor: 'c', credit };
  const result = captureSale(deps, draft);
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  return result.captured.id;
}
const set = (id: string, column: string, value: string | null) =>
  store.sqlite.prepare(`UPDATE documents SET ${column} = ? WHERE id = ?`).run(value, id);

const CUFE = buildCufe({
  tipoDocumento: '01', tipoRuc: '2', ruc: '155596713-2-2015', dv: '59', codigoSucursal: '0000', fechaEmision: '20250303',
  numeroDocumentoFiscal: '1', puntoFacturacion: '001', tipoEmision: '01', ambiente: '2', codigoSeguridad: '123456789',
});

const rice = anItem({ cantidad: '2', precioUnitario: '1.50' });
const oil = anItem({ codigo: 'P2', descripcion: 'Aceite', precioUnitario: '10.00', tasaItbms: '03' });
const loose = anItem({ codigo: undefined, descripcion: 'Pan suelto', unidadMedida: 'kg', cantidad: '0.375', precioUnitario: '2.40', tasaItbms: '00' });

function buildDocuments(): void {
  const invoice = capture({ ...SALE, items: [rice, oil], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20.00' }] }); // change given
  set(invoice, 'status', 'AUTHORIZED');
  set(invoice, 'cufe', CUFE);
  const note = draftCreditNote(store.db, invoice, undefined, {});
  if (!note.ok) throw new Error(note.message);
  set(capture(note.draft, note.credit), 'status', 'AUTHORIZED');
  const split = capture({ ...SALE, items: [oil, loose], pagos: [{ formaPagoFact: '03', valorCuotaPagada: '10.00' }, { formaPagoFact: '03', valorCuotaPagada: '2.40' }] });
  set(split, 'status', 'REJECTED');
  set(split, 'status', 'QUEUED'); // a manager's retry after a fix
  const annulled = capture({ ...SALE, items: [oil], pagos: [{ formaPagoFact: '03', valorCuotaPagada: '11.50' }] });
  set(annulled, 'status', 'AUTHORIZED');
  set(annulled, 'status', 'ANNULLED');
  set(capture({ ...SALE, items: [rice] }), 'status', 'CANCELLED');
  set(capture({ ...SALE, items: [loose] }), 'status', 'NUMBER_COLLISION');
  const contingency = capture({ ...SALE, items: [rice, loose], pagos: [{ formaPagoFact: '04', valorCuotaPagada: '4.11' }] });
  set(contingency, 'tipo_emision', '02');
  set(contingency, 'status', 'FAILED');
  const generic = capture({ ...SALE, items: [anItem({ cantidad: '1', precioUnitario: '1.50' })], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.61' }] });
  set(generic, 'tipo_documento', '06');
  set(capture({ ...SALE, items: [oil, rice, loose], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '16.00' }] }), 'status', 'REJECTED');
  const gone = capture({ ...SALE, items: [rice] });
  store.sqlite.transaction(() => {
    for (const table of ['document_items', 'document_payments', 'outbox_jobs']) store.sqlite.prepare(`DELETE FROM ${table} WHERE document_id = ?`).run(gone);
    store.sqlite.prepare('DELETE FROM documents WHERE id = ?').run(gone);
  })();
  capture({ ...SALE, items: [rice, oil], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '15.00' }] }); // still queued
}

const shift = (openedAt: string): Shift => ({
  id: 'edges', openedAt, openedBy: 'c', openedByName: '', openingCash: '20.00', closedAt: null, closedBy: null,
  closedByName: null, countedCash: '30.00', differenceReason: null, closeApprovedByName: null,
});

describe('report rollups, edge cases', () => {
  it('give X and Z over whole and partial hours the same numbers as the documents', () => {
    buildDocuments();
    const windows: [string, string][] = [
      ['2025-03-03T13:00:00.000Z', '2025-03-03T19:00:00.000Z'], // whole hours only
      ['2025-03-03T13:20:00.000Z', '2025-03-03T18:40:00.000Z'], // partial at both ends
      ['2025-03-03T14:05:00.000Z', '2025-03-03T14:55:00.000Z'], // within one hour
    ];
    for (const [from, until] of windows) {
      for (const kind of ['X', 'Z'] as const) {
        const fromRollups = computeShiftReport(store.db, shift(from), kind, new Date(until));
        expect(fromRollups, `${kind} ${from}..${until}`).toEqual(computeShiftReport(store.db, shift(from), kind, new Date(until), 'documents'));
      }
    }
    const z = computeShiftReport(store.db, shift('2025-03-03T13:00:00.000Z'), 'Z', new Date('2025-03-03T19:00:00.000Z'));
    expect(z.counts).toEqual({ total: 10, authorized: 2, pending: 4, contingency: 1, rejected: 1, failed: 1, annulled: 1 });
    expect(z.creditNotes.count).toBe(2);
    expect(z.byPaymentForm.find((f) => f.formaPago === '03')).toMatchObject({ count: 1, amount: '12.40' });
  });

  it('gives the sales report the same days and products as the documents', () => {
    buildDocuments();
    const report = salesReport(store.db, '2025-03-03', '2025-03-03');
    expect(report).toEqual(salesReportFromDocuments(store.db, '2025-03-03', '2025-03-03'));
    expect(report.byProduct.map((p) => p.descripcion)).toContain('Pan suelto');
  });

  it('reads the rollups: a rollup row changed by hand changes the report', () => {
    buildDocuments();
    store.sqlite.exec("UPDATE document_rollups SET amount = amount + 100 WHERE metric = 'doc' AND status = 'QUEUED'");
    store.sqlite.exec("UPDATE product_rollups SET total = total + 100 WHERE key = 'P2' AND status = 'QUEUED'");
    const z = (source: 'rollups' | 'documents') =>
      computeShiftReport(store.db, shift('2025-03-03T13:00:00.000Z'), 'Z', new Date('2025-03-03T19:00:00.000Z'), source);
    expect(z('rollups').salesTotal).not.toBe(z('documents').salesTotal);
    expect(salesReport(store.db, '2025-03-03', '2025-03-03')).not.toEqual(salesReportFromDocuments(store.db, '2025-03-03', '2025-03-03'));
  });
});
