import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../shared/fiscal/validate';
import { saleDraftSchema, type Product } from '../../../shared/ipc/schemas';
import { EMPTY_CART, cartReducer } from './cart';
import { CONSUMIDOR_FINAL, buildSaleDraft, previewTotals } from './sale-draft';

const product = (id: string, precio: string, tasaItbms: Product['tasaItbms']): Product => ({
  id, codigo: id, barcode: null, descripcion: `Producto ${id}`, unidad: 'und', precio, tasaItbms,
});

const cart = [product('A', '4.25', '01'), product('B', '1.10', '00'), product('C', '10.00', '02')]
  .reduce((state, p) => cartReducer(state, { type: 'add', product: p }), EMPTY_CART);

describe('sale draft', () => {
  it('previews totals by ITBMS rate with the core arithmetic', () => {
    const totals = previewTotals(cart.lines);
    expect(totals.porTasa).toEqual([
      { tasaItbms: '00', base: '1.10', itbms: '0.00' },
      { tasaItbms: '01', base: '4.25', itbms: '0.30' },
      { tasaItbms: '02', base: '10.00', itbms: '1.00' },
    ]);
    expect(totals.totalFactura).toBe('16.65');
    expect(previewTotals(cart.lines, [{ key: 1, forma: '02', amount: '20.00' }]).vuelto).toBe('3.35');
  });

  it('builds a draft the contract and the fiscal core accept', () => {
    const built = buildSaleDraft(cart.lines, CONSUMIDOR_FINAL, [{ key: 1, forma: '02', amount: '20.00' }]);
    if (!built.ok) throw new Error('expected a draft');
    expect(saleDraftSchema.safeParse(built.draft).success).toBe(true);
    const completed = {
      ...built.draft, codigoSucursalEmisor: '0000', tipoEmision: '01', numeroDocumentoFiscal: '1', puntoFacturacionFiscal: '001',
      fechaEmision: '2026-11-28T10:15:00-05:00', naturalezaOperacion: '01', tipoOperacion: '1', destinoOperacion: '1',
      formatoCAFE: '2', entregaCAFE: '2', envioContenedor: '1', procesoGeneracion: '1',
    };
    expect(validateDocument(completed)).toMatchObject({ ok: true });
  });

  it('refuses an empty cart before anything is sent', () => {
    expect(buildSaleDraft([], CONSUMIDOR_FINAL, [])).toEqual({ ok: false, problem: 'cartEmpty' });
  });
});
