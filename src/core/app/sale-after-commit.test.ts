// Nothing after a sale's capture commits can make the cashier see an error for a saved sale, and after a restart the
// till can show the last sale (sales:last). Through the handler map, against a real register file and simulator.
import { describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../tests/fixtures/core-ipc-suite';
import { SALE } from '../../../tests/fixtures/register-harness';
import type { CapturedDocument } from '../sales/capture-sale';
import { afterCommit } from './after-commit';

const suite = coreIpcSuite('after-commit');
const { call, ok, status } = suite;

describe('after a sale is saved', () => {
  it('a step after the commit that throws (a broken window bridge) still answers with the saved sale', async () => {
    // EventEmitter listeners run inside emit: before, this listener's throw became the cashier's error.
    const stop = suite.core.events.on('document:status', (change) => {
      if (change.from === 'DRAFT') throw new Error('window bridge gone');
    });
    try {
      const saved = await call('sales:complete', { draft: SALE });
      expect(saved).toMatchObject({ ok: true, value: { status: 'QUEUED', tipoDocumento: '01', totalFactura: '3.21' } });
      if (!saved.ok) return;
      expect(status(saved.value.id)).toBeDefined();
      expect(await ok('sales:last', {})).toMatchObject({
        last: { id: saved.value.id, numero: saved.value.numero, totalFactura: '3.21' },
      });
    } finally {
      stop();
    }
  });

  it('sales:last gives the newest sale of this register', async () => {
    const first = await ok('sales:complete', { draft: SALE });
    const second = await ok('sales:complete', {
      draft: { ...SALE, pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }] },
    });
    const { last } = await ok('sales:last', {});
    expect(last).toEqual({
      id: second.id,
      tipoDocumento: '01',
      numero: first.numero + 1,
      totalFactura: '3.21',
      fechaEmision: second.fechaEmision,
      status: last?.status,
    });
    expect(['QUEUED', 'PROCESSING', 'AUTHORIZED']).toContain(last?.status);
  });

  it('answers with the captured sale when the notification after the commit throws, and logs it', () => {
    const warnings: string[] = [];
    const captured = {
      id: 'doc-1',
      status: 'QUEUED',
      document: {
        tipoDocumento: '01',
        numeroDocumentoFiscal: '7',
        puntoFacturacionFiscal: '001',
        tipoEmision: '01',
        fechaEmision: '2026-12-05T09:00:00-05:00',
        cliente: { razonSocial: 'Cliente' },
      },
      totals: { totalFactura: '3.21' },
      history: [],
      lines: [{ line: 1, descripcion: 'Arroz', cantidad: '2', valorTotal: '3.21' }],
      facturaNumero: null,
    } as unknown as CapturedDocument;
    const detail = afterCommit(
      {
        notify: () => {
          throw new Error('worker stopped');
        },
        log: { warn: (message) => warnings.push(message) },
      },
      captured,
    );
    expect(detail).toMatchObject({
      id: 'doc-1',
      numero: 7,
      status: 'QUEUED',
      totalFactura: '3.21',
      receptorNombre: 'Cliente',
      cufe: null,
      creditable: [{ line: 1, remaining: '2', remainingAmount: '3.21' }],
    });
    expect(warnings).toEqual(['A step after a committed capture failed']);
  });
});
