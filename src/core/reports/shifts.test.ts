// Cash shifts against a real in-memory store: the Z numbers are checked against documents built in the test with
// captureSale (cash with change, card, debit card in contingency that failed, a credit note, an annulled and a pending one).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCufe } from '../../shared/fiscal/cufe';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { SALE } from '../../../tests/fixtures/register-harness';
import { draftCreditNote } from '../documents/credit-note';
import { captureSale, type CaptureDeps, type SaleDraft } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { parseCsv } from '../catalog-import/parse-csv';
import { RECEIPT_COLUMNS, shiftReportCsv, shiftReportText } from './shift-report-render';
import { closeShift, currentShift, openShift, storedZReport, xReport } from './shifts';

let store: OpenedDatabase;
let now: number;
const tick = () => new Date((now += 60_000));

beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
  now = Date.parse('2025-03-03T14:00:00.000Z');
});
afterEach(() => store.close());

function capture(draft: SaleDraft, status?: string, extra: { tipoEmision?: string; cufe?: string; credit?: CaptureDeps['credit'] } = {}): string {
  const result = captureSale({
    db: store.db, issuer: DEFAULT_ISSUER_SETTINGS, emissionMode: () => ({ tipoEmision: '01' }), clock: tick, actor: 'cajero-1', credit: extra.credit,
  }, draft);
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  const { id } = result.captured;
  // Transmission is not under test: statuses are set as the queue would leave them.
  store.sqlite.prepare('UPDATE documents SET status = coalesce(?, status), tipo_emision = coalesce(?, tipo_emision), cufe = ? WHERE id = ?')
    .run(status ?? null, extra.tipoEmision ?? null, extra.cufe ?? null, id);
  return id;
}

/** A well-formed CUFE (a credit note must reference one); the issuer's RUC is not checked here. */
const CUFE_A = buildCufe({
  tipoDocumento: '01', tipoRuc: '2', ruc: '155596713-2-2015', dv: '59', codigoSucursal: '0000', fechaEmision: '20250303',
  numeroDocumentoFiscal: '1', puntoFacturacion: '001', tipoEmision: '01', ambiente: '2', codigoSeguridad: '123456789',
});

/** The shift of the scenario: see the expected figures in the test below. */
function buildShiftDocuments() {
  const cashWithChange = capture({ ...SALE, pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }] }, 'AUTHORIZED', { cufe: CUFE_A });
  capture({ ...SALE, items: [anItem({ codigo: 'P2', descripcion: 'Aceite', precioUnitario: '10.00', tasaItbms: '03' })], pagos: [{ formaPagoFact: '03', valorCuotaPagada: '11.50' }] }, 'AUTHORIZED');
  const note = draftCreditNote(store.db, cashWithChange);
  if (!note.ok) throw new Error(note.message);
  capture(note.draft, 'AUTHORIZED', { credit: note.credit });
  capture({ ...SALE, items: [anItem()], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '4.55' }] }, 'ANNULLED');
  capture({ ...SALE, items: [anItem({ codigo: 'P3', precioUnitario: '2.00', tasaItbms: '00' })], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '2.00' }] });
  capture({ ...SALE, items: [anItem({ codigo: 'P4', precioUnitario: '1.00' })], pagos: [{ formaPagoFact: '04', valorCuotaPagada: '1.07' }] }, 'FAILED', { tipoEmision: '02' });
}

const WHY = 'Vuelto mal dado en una venta de la tarde';

describe('cash shifts', () => {
  it('closes with a Z report whose numbers match the documents of the shift, only with the manager while some are unauthorised', () => {
    capture(SALE); // a sale with no shift open opens one by itself (decision 0006); closed here, not counted below
    const before = xReport(store.db, tick());
    expect(closeShift(store.db, { countedCash: before.cash.expected, differenceLimit: '5.00', approvedBy: 'gerente-1' }, { actor: 'cajero-1' }, tick()))
      .toMatchObject({ closed: true });
    const shift = openShift(store.db, '50.00', { actor: 'cajero-1' }, tick());
    expect(() => openShift(store.db, '10.00', { actor: 'cajero-1' }, tick())).toThrow(/Ya hay un turno abierto/);
    buildShiftDocuments();

    // Blind count: the cashier learns what was expected only after counting, and a difference needs a reason.
    const unexplained = closeShift(store.db, { countedCash: '51.50', differenceLimit: '5.00' }, { actor: 'cajero-1' }, tick());
    expect(unexplained).toMatchObject({ closed: false, reason: 'needs_reason', expected: '52.00', difference: '-0.50' });
    const refused = closeShift(store.db, { countedCash: '51.50', differenceLimit: '5.00', reason: WHY }, { actor: 'cajero-1' }, tick());
    expect(refused).toMatchObject({ closed: false, reason: 'needs_manager', unauthorised: 2 });
    expect(currentShift(store.db)?.id).toBe(shift.id);

    const closed = closeShift(store.db, { countedCash: '51.50', differenceLimit: '5.00', reason: WHY, approvedBy: 'gerente-1' }, { actor: 'cajero-1' }, tick());
    if (!closed.closed) throw new Error('expected the shift to close');
    const z = closed.report;
    expect(z.kind).toBe('Z');
    expect(z.counts).toEqual({ total: 6, authorized: 3, pending: 1, contingency: 1, rejected: 0, failed: 1, annulled: 1 });
    expect(z.byPaymentForm).toEqual([
      { formaPago: '02', label: 'Efectivo', count: 2, amount: '5.21' },
      { formaPago: '03', label: 'Tarjeta de crédito', count: 1, amount: '11.50' },
      { formaPago: '04', label: 'Tarjeta de débito', count: 1, amount: '1.07' },
    ]);
    expect(z.salesTotal).toBe('17.78');
    expect(z.itbmsByRate).toEqual([
      { tasaItbms: '00', label: 'Exento (0 %)', base: '2.00', itbms: '0.00' },
      { tasaItbms: '01', label: '7 %', base: '1.00', itbms: '0.07' },
      { tasaItbms: '03', label: '15 %', base: '10.00', itbms: '1.50' },
    ]);
    expect(z.annulledTotal).toBe('4.55');
    expect(z.creditNotes).toEqual({ count: 1, total: '3.21', cashRefunds: '3.21' });
    expect(z.cash).toEqual({ opening: '50.00', received: '7.00', change: '1.79', refunds: '3.21', payIns: '0.00', payOuts: '0.00', expected: '52.00', counted: '51.50', difference: '-0.50' });
    expect(z.shift).toMatchObject({ closedBy: 'cajero-1', countedCash: '51.50', differenceReason: WHY, closeApprovedByName: 'gerente-1' });

    expect(currentShift(store.db)).toBeNull();
    expect(storedZReport(store.db, shift.id)).toEqual(z);
    const audit = (store.sqlite.prepare("SELECT actor, details FROM audit_log WHERE action = 'shift.closed'").all() as { actor: string; details: string }[])
      .filter((a) => a.details.includes(shift.id));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ shiftId: shift.id, expectedCash: '52.00', difference: '-0.50', reason: WHY, managerApproved: true });
  });

  it('needs a gerente when the counted cash differs from the expected beyond the limit, either way, and writes nothing until then', () => {
    openShift(store.db, '20.00', { actor: 'cajero-1' }, tick());
    capture(SALE, 'AUTHORIZED');
    const before = store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    for (const counted of ['18.20', '28.22']) {
      const refused = closeShift(store.db, { countedCash: counted, differenceLimit: '5.00', reason: WHY }, { actor: 'cajero-1' }, tick());
      expect(refused, counted).toMatchObject({ closed: false, reason: 'needs_manager', unauthorised: 0, message: expect.stringMatching(/supera el límite de B\/\. 5\.00/) as unknown });
    }
    expect(store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    expect(currentShift(store.db)?.closedAt).toBeNull();
    // 5.00 short is within the limit: a reason is enough.
    expect(closeShift(store.db, { countedCash: '18.21', differenceLimit: '5.00', reason: WHY }, { actor: 'cajero-1' }, tick())).toMatchObject({ closed: true });
  });

  it('leaves a discarded (CANCELLED) document out of sales and cash, and it does not hold the close', () => {
    openShift(store.db, '20.00', { actor: 'cajero-1' }, tick());
    capture(SALE, 'AUTHORIZED');
    capture({ ...SALE, items: [anItem({ codigo: 'P9', precioUnitario: '8.00' })], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '8.56' }] }, 'CANCELLED');
    const closed = closeShift(store.db, { countedCash: '23.21', differenceLimit: '5.00' }, { actor: 'cajero-1' }, tick());
    expect(closed).toMatchObject({ closed: true, report: { salesTotal: '3.21', annulledTotal: '0.00', cash: { expected: '23.21' }, counts: { total: 2, authorized: 1 } } });
  });

  it('closes without the manager when every document is authorised; later documents belong to the next shift', () => {
    openShift(store.db, '20.00', { actor: 'cajero-1' }, tick());
    capture(SALE, 'AUTHORIZED');
    const closed = closeShift(store.db, { countedCash: '21.79', differenceLimit: '5.00', reason: WHY }, { actor: 'cajero-1' }, tick());
    expect(closed).toMatchObject({ closed: true, report: { cash: { expected: '23.21', difference: '-1.42' }, counts: { total: 1 } } });
    expect(() => xReport(store.db, tick())).toThrow(/No hay un turno abierto/);
    openShift(store.db, '0', { actor: 'cajero-1' }, tick());
    capture(SALE);
    const x = xReport(store.db, tick());
    expect(x).toMatchObject({ kind: 'X', counts: { total: 1, pending: 1 }, unauthorised: 1, cash: { counted: null, difference: null } });
  });

  it('renders the report on 42 columns in Spanish and as RFC 4180 CSV with a header row', () => {
    openShift(store.db, '50.00', { actor: 'cajera con un nombre larguísimo de verdad' }, tick());
    buildShiftDocuments();
    const closed = closeShift(store.db, { countedCash: '51.50', differenceLimit: '5.00', reason: WHY, approvedBy: 'gerente-1' }, { actor: 'gerente-1' }, tick());
    if (!closed.closed) throw new Error('expected the shift to close');
    const text = shiftReportText(closed.report);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(RECEIPT_COLUMNS);
    expect(text).toContain('REPORTE Z - CIERRE DE CAJA');
    expect(text).toMatch(/Efectivo esperado +B\/\. 52\.00/);
    expect(text).toMatch(/Diferencia +-B\/\. 0\.50/);

    const parsed = parseCsv(shiftReportCsv(closed.report));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.records[0]?.fields).toEqual(['seccion', 'concepto', 'codigo', 'cantidad', 'base', 'itbms', 'monto']);
    for (const record of parsed.records) expect(record.fields).toHaveLength(7);
    expect(parsed.records.map((r) => r.fields)).toContainEqual(['efectivo', 'esperado', '', '', '', '', '52.00']);
  });
});
