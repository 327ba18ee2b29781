// Sales by day and by product, net of credit notes, annulled and discarded documents left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { SALE } from '../../../tests/fixtures/register-harness';
import { captureSale, type SaleDraft } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { salesByDayCsv, salesByProductCsv, salesReport } from './sales-report';

let store: OpenedDatabase;
beforeEach(() => { store = openDatabase({ path: ':memory:' }); });
afterEach(() => store.close());

function capture(draft: SaleDraft, at: string, patch?: { status?: string; tipoDocumento?: string }): void {
  const result = captureSale({ db: store.db, issuer: DEFAULT_ISSUER_SETTINGS, emissionMode: () => ({ tipoEmision: '01' }), clock: () => new Date(at), actor: 'c' }, draft);
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  store.sqlite.prepare('UPDATE documents SET status = coalesce(?, status), tipo_documento = coalesce(?, tipo_documento) WHERE id = ?')
    .run(patch?.status ?? null, patch?.tipoDocumento ?? null, result.captured.id);
}

describe('salesReport', () => {
  it('totals by Panama day and by product, subtracting credit notes and leaving out annulled documents', () => {
    const rice = anItem({ cantidad: '2', precioUnitario: '1.50' }); // 3.00 + 0.21
    const oil = anItem({ codigo: 'P2', descripcion: 'Aceite', precioUnitario: '10.00', tasaItbms: '03' }); // 10.00 + 1.50
    capture({ ...SALE, items: [rice] }, '2025-03-03T15:00:00Z');
    capture({ ...SALE, items: [rice, oil], pagos: [{ formaPagoFact: '03', valorCuotaPagada: '14.71' }] }, '2025-03-04T04:30:00Z'); // 23:30 on the 3rd in Panama
    capture({ ...SALE, items: [oil], pagos: [{ formaPagoFact: '03', valorCuotaPagada: '11.50' }] }, '2025-03-04T15:00:00Z', { status: 'ANNULLED' });
    capture({ ...SALE, items: [oil], pagos: [{ formaPagoFact: '03', valorCuotaPagada: '11.50' }] }, '2025-03-04T15:30:00Z', { status: 'CANCELLED' });
    // A generic credit note (06) needs no CUFE: the tipo is set after capture, as only its sign matters here.
    capture({ ...SALE, items: [anItem({ cantidad: '1', precioUnitario: '1.50' })], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.61' }] }, '2025-03-04T16:00:00Z', { tipoDocumento: '06' });
    capture({ ...SALE }, '2025-03-06T15:00:00Z'); // outside the range

    const report = salesReport(store.db, '2025-03-03', '2025-03-05');
    expect(report.byDay).toEqual([
      { day: '2025-03-03', documents: 2, creditNotes: 0, base: '16.00', itbms: '1.92', total: '17.92' },
      { day: '2025-03-04', documents: 0, creditNotes: 1, base: '-1.50', itbms: '-0.11', total: '-1.61' },
    ]);
    expect(report.byProduct).toEqual([
      { codigo: 'P2', descripcion: 'Aceite', cantidad: '1.00', base: '10.00', itbms: '1.50', total: '11.50' },
      // Line amounts are the documents' own, rounded to cents per line (decision 0008): 0.21 + 0.21 − 0.11 (the note's
      // 0.105) = 0.31, the same cents the day above adds, so the two views agree.
      { codigo: 'P001', descripcion: 'Arroz Blanco 5 lb', cantidad: '3.00', base: '4.50', itbms: '0.31', total: '4.81' },
    ]);
    expect(salesByDayCsv(report)).toBe('dia,documentos,notas_credito,base,itbms,total\r\n2025-03-03,2,0,16.00,1.92,17.92\r\n2025-03-04,0,1,-1.50,-0.11,-1.61\r\n');
    expect(salesByProductCsv(report).split('\r\n')[0]).toBe('codigo,descripcion,cantidad,base,itbms,total');
  });
});
