import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_CUFE, anItem } from '../../../tests/fixtures/fiscal-documents';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { captureSale, type CaptureDeps, type EmissionMode, type SaleDraft } from './capture-sale';

const NOW = new Date('2026-11-28T15:30:00Z');
const DRAFT: SaleDraft = {
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  items: [anItem({ cantidad: '2', precioUnitario: '1.50' })],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }],
  tiempoPago: '1',
};

function setup(
  path = ':memory:',
  mode: EmissionMode = { tipoEmision: '01' },
): { store: OpenedDatabase; deps: CaptureDeps } {
  const store = openDatabase({ path });
  return {
    store,
    deps: {
      db: store.db,
      issuer: DEFAULT_ISSUER_SETTINGS,
      emissionMode: () => mode,
      clock: () => NOW,
      actor: 'cajero-1',
    },
  };
}

const count = (store: OpenedDatabase, table: string) =>
  (store.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('captureSale', () => {
  it('saves document, items, payments, outbox job, audit, sync entries and the shift it opens at once, as QUEUED', () => {
    const { store, deps } = setup();
    const result = captureSale(deps, DRAFT);
    if (!result.ok) throw new Error(JSON.stringify(result.violations));
    expect(result.captured).toMatchObject({
      status: 'QUEUED',
      document: {
        numeroDocumentoFiscal: '1',
        tipoEmision: '01',
        fechaEmision: '2026-11-28T10:30:00-05:00',
        codigoSucursalEmisor: '0000',
        tipoVenta: '1',
      },
      totals: { totalFactura: '3.21', vuelto: '1.79' },
    });
    expect(store.sqlite.prepare('SELECT numero, status, total_factura FROM documents').get()).toEqual({
      numero: 1,
      status: 'QUEUED',
      total_factura: '3.21',
    });
    expect(store.sqlite.prepare('SELECT state, attempts, next_attempt_at FROM outbox_jobs').get()).toEqual({
      state: 'pending',
      attempts: 0,
      next_attempt_at: NOW.getTime(),
    });
    expect(store.sqlite.prepare('SELECT actor, action, document_id FROM audit_log ORDER BY id').all()).toEqual([
      { actor: 'cajero-1', action: 'sale.captured', document_id: result.captured.id },
      { actor: 'cajero-1', action: 'shift.opened', document_id: null }, // decision 0006, in the same transaction
    ]);
    expect(store.sqlite.prepare('SELECT opened_at, opened_by, opening_cash FROM shifts').all()).toEqual([
      { opened_at: NOW.toISOString(), opened_by: 'cajero-1', opening_cash: '0.00' },
    ]);
    expect(count(store, 'document_items')).toBe(1);
    expect(count(store, 'document_payments')).toBe(1);
    expect(store.sqlite.prepare('SELECT kind FROM sync_outbox ORDER BY id').all()).toEqual([
      { kind: 'audit' },
      { kind: 'document_status' },
      { kind: 'audit' },
    ]);
    // The next sale lands in the open shift: no second shift, no second shift.opened.
    expect(captureSale(deps, DRAFT).ok).toBe(true);
    expect(count(store, 'shifts')).toBe(1);
  });

  it('numbers each series consecutively; credit notes have their own series', () => {
    const { store, deps } = setup();
    const numbers = [1, 2, 3].map(() => {
      const r = captureSale(deps, DRAFT);
      return r.ok ? r.captured.document.numeroDocumentoFiscal : 'x';
    });
    expect(numbers).toEqual(['1', '2', '3']);
    // A credit note needs the invoice it credits (the credit ledger): the first sale, as if authorised with that CUFE.
    const invoiceId = store.sqlite.prepare('SELECT id FROM documents WHERE numero = 1').pluck().get() as string;
    store.sqlite.prepare("UPDATE documents SET status = 'AUTHORIZED', cufe = ? WHERE id = ?").run(REAL_CUFE, invoiceId);
    const noteDraft: SaleDraft = {
      ...DRAFT,
      tipoDocumento: '04',
      referencias: [{ fechaEmision: '2026-11-27T10:00:00-05:00', cufe: REAL_CUFE }],
    };
    expect(captureSale(deps, noteDraft)).toMatchObject({ ok: false, violations: [{ rule: 'credit_exceeded' }] });
    const note = captureSale({ ...deps, credit: { invoiceId, lines: [1] } }, noteDraft);
    expect(note.ok && note.captured.document).toMatchObject({
      numeroDocumentoFiscal: '1',
      tipoDocumento: '04',
      naturalezaOperacion: '11',
    });
  });

  it('refuses an invalid sale with Spanish violations, writes nothing and consumes no number', () => {
    const { store, deps } = setup();
    const bad = captureSale(deps, { ...DRAFT, pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.00' }] });
    expect(bad).toEqual({
      ok: false,
      violations: [
        expect.objectContaining({ rule: 'payments_short', message: 'Los pagos (1.00) no cubren el total (3.21)' }),
      ],
    });
    expect(captureSale(deps, null as unknown as SaleDraft)).toMatchObject({
      ok: false,
      violations: [{ message: 'La venta no tiene un formato válido' }],
    });
    expect(count(store, 'documents') + count(store, 'outbox_jobs') + count(store, 'audit_log')).toBe(0);
    const good = captureSale(deps, DRAFT);
    expect(good.ok && good.captured.document.numeroDocumentoFiscal).toBe('1');
  });

  it('rolls everything back, number included, when a write fails mid-transaction', () => {
    const { store, deps } = setup();
    store.sqlite.exec(
      "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox_jobs BEGIN SELECT RAISE(ABORT, 'disk said no'); END",
    );
    expect(() => captureSale(deps, DRAFT)).toThrow(/disk said no/);
    expect(count(store, 'documents') + count(store, 'document_items') + count(store, 'fiscal_series')).toBe(0);
    store.sqlite.exec('DROP TRIGGER fail_outbox');
    const r = captureSale(deps, DRAFT);
    expect(r.ok && r.captured.document.numeroDocumentoFiscal).toBe('1');
  });

  it('issues contingency documents as tipoEmision 02 with start and reason', () => {
    const { deps } = setup(':memory:', {
      tipoEmision: '02',
      fechaInicio: '2026-11-28T10:00:00-05:00',
      motivo: 'Sin conexión con el PAC desde las 10:00',
    });
    const r = captureSale(deps, DRAFT);
    expect(r.ok && r.captured.document).toMatchObject({
      tipoEmision: '02',
      contingencia: { fechaInicio: '2026-11-28T10:00:00-05:00', motivo: 'Sin conexión con el PAC desde las 10:00' },
    });
  });

  it('keeps what it saved across a restart (file database)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'capture-')), 'register.sqlite');
    const first = setup(path);
    captureSale(first.deps, DRAFT);
    first.store.close();
    const second = setup(path);
    const r = captureSale(second.deps, DRAFT);
    expect(r.ok && r.captured.document.numeroDocumentoFiscal).toBe('2');
    expect(count(second.store, 'documents')).toBe(2);
    second.store.close();
  });
});

describe('captureSale: the rows of a long sale and of two data sets', () => {
  it('stores every line of a sale longer than one multi-row insert, in order, with its amounts', () => {
    const { store, deps } = setup();
    // 2 full multi-row inserts and a partial one (ITEM_ROWS_PER_INSERT = 25), one line without a catalogue code.
    const items = Array.from({ length: 57 }, (_, i) =>
      anItem({
        codigo: i === 30 ? undefined : `P${i}`,
        descripcion: `Producto ${i + 1}`,
        precioUnitario: `${i + 1}.10`,
      }),
    );
    const paid = captureSale(deps, { ...DRAFT, items, pagos: [{ formaPagoFact: '02', valorCuotaPagada: '2000.00' }] });
    if (!paid.ok) throw new Error(JSON.stringify(paid.violations));
    const rows = store.sqlite
      .prepare('SELECT line, codigo, descripcion, precio_unitario, valor_total FROM document_items ORDER BY line')
      .all() as {
      line: number;
      codigo: string | null;
      descripcion: string;
      precio_unitario: string;
      valor_total: string;
    }[];
    expect(rows.map((r) => r.line)).toEqual(items.map((_, i) => i + 1));
    expect(rows.map((r) => r.descripcion)).toEqual(items.map((item) => item.descripcion));
    expect(rows[30]?.codigo).toBeNull();
    expect(rows.map((r) => r.valor_total)).toEqual(paid.captured.totals.items.map((t) => t.valorTotal));
    expect(rows[56]).toMatchObject({ codigo: 'P56', precio_unitario: '57.10' });
  });

  it('writes each data set through its own connection after a switch and a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'capture-sets-'));
    const training = setup(join(dir, 'simulador.sqlite'));
    const fiscal = setup(join(dir, 'produccion.sqlite'));
    expect(captureSale(training.deps, DRAFT).ok).toBe(true);
    expect(captureSale(fiscal.deps, DRAFT).ok).toBe(true);
    training.store.close();
    const reopened = setup(join(dir, 'simulador.sqlite'));
    const again = captureSale(reopened.deps, {
      ...DRAFT,
      items: [anItem(), anItem({ codigo: 'P002' })],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }],
    });
    expect(again.ok && again.captured.document.numeroDocumentoFiscal).toBe('2');
    expect(count(reopened.store, 'document_items')).toBe(3);
    expect(count(fiscal.store, 'documents')).toBe(1);
    expect(count(fiscal.store, 'document_items')).toBe(1);
    reopened.store.close();
    fiscal.store.close();
  });
});

describe('captureSale: medicines are sold with their lot', () => {
  const MEDICINE = anItem({
    codigo: 'MED-01',
    descripcion: 'Amoxicilina 500 mg',
    precioUnitario: '12.50',
    tasaItbms: '00',
  });
  const draftWith = (item: SaleDraft['items'][number]): SaleDraft => ({
    ...DRAFT,
    items: [item],
    pagos: [{ formaPagoFact: '02', valorCuotaPagada: '12.50' }],
  });

  it('refuses a product marked requiereLote without its lot, writes nothing, and saves it with one', () => {
    const { store, deps } = setup();
    store.sqlite
      .prepare(
        "INSERT INTO products (id, codigo, descripcion, precio, tasa_itbms, requiere_lote) VALUES ('m1', 'MED-01', 'Amoxicilina 500 mg', '12.50', '00', 1)",
      )
      .run();
    expect(captureSale(deps, draftWith(MEDICINE))).toEqual({
      ok: false,
      violations: [
        {
          path: 'items[0].medicina',
          rule: 'medicine_lot_required',
          message: 'Ítem 1: Amoxicilina 500 mg es un medicamento; indique su número de lote y la cantidad del lote',
        },
      ],
    });
    expect(count(store, 'documents')).toBe(0);
    const sold = captureSale(
      deps,
      draftWith({ ...MEDICINE, medicina: { nroLote: 'L2026-0457', cantProductosLote: '1' } }),
    );
    expect(sold.ok && sold.captured.document.items[0]?.medicina).toEqual({
      nroLote: 'L2026-0457',
      cantProductosLote: '1',
    });
  });

  it('does not ask a lot of products that are not medicines, nor of lines without a catalogue code', () => {
    const { store, deps } = setup();
    store.sqlite
      .prepare(
        "INSERT INTO products (id, codigo, descripcion, precio, tasa_itbms) VALUES ('p1', 'MED-01', 'Vitamina C', '12.50', '00')",
      )
      .run();
    expect(captureSale(deps, draftWith(MEDICINE)).ok).toBe(true);
    const { codigo, ...noCode } = MEDICINE;
    void codigo;
    expect(captureSale(deps, draftWith(noCode)).ok).toBe(true);
  });
});
