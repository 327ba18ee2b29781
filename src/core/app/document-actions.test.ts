// Annulment and credit notes through the IPC handler map, against a real simulator and a real register file.
import { describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../tests/fixtures/core-ipc-suite';

const { call, authorisedSale: saleWith } = coreIpcSuite('doc-actions');
const authorisedSale = () =>
  saleWith({
    cliente: { tipoClienteFE: '02', pais: 'PA' },
    tiempoPago: '1',
    items: [{ descripcion: 'Arroz blanco 5 lb', cantidad: '2', precioUnitario: '3.25', tasaItbms: '00' }],
    pagos: [{ formaPagoFact: '04', valorCuotaPagada: '6.50' }],
  });

describe('document actions over IPC', () => {
  it('issues a credit note for an authorised invoice, referencing its CUFE', async () => {
    const id = await authorisedSale();
    const note = await call('documents:creditNote', { id, lines: [{ line: 1, cantidad: '1' }] });
    expect(note).toMatchObject({ ok: true, value: { tipoDocumento: '04', status: 'QUEUED', totalFactura: '3.25' } });
    const refusal = await call('documents:creditNote', { id, lines: [{ line: 1, cantidad: '5' }] });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('annuls an authorised document, and explains a refusal in Spanish', async () => {
    const id = await authorisedSale();
    expect(await call('documents:annul', { id, motivo: 'Venta registrada por error' })).toMatchObject({
      ok: true,
      value: { status: 'ANNULLED' },
    });
    expect(await call('documents:annul', { id, motivo: 'Venta registrada por error' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'Solo se anulan documentos autorizados por la DGI' },
    });
    expect(await call('documents:annul', { id: 'nope', motivo: 'Venta registrada por error' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
