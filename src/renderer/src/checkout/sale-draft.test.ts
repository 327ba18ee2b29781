import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../shared/fiscal/validate';
import { saleDraftSchema, type Product } from '../../../shared/ipc/schemas';
import { EMPTY_CART, cartReducer } from './cart';
import { CONSUMIDOR_FINAL, buildSaleDraft, previewTotals } from './sale-draft';

const product = (id: string, precio: string, tasaItbms: Product['tasaItbms']): Product => ({
  id,
  codigo: id,
  barcode: null,
  descripcion: `Producto ${id}`,
  unidad: 'und',
  precio,
  tasaItbms,
});

const GOBIERNO = {
  tipoClienteFE: '03',
  tipoContribuyente: '2',
  numeroRUC: '155596713-2-2015',
  digitoVerificadorRUC: '59',
  razonSocial: 'Ministerio de Prueba',
  direccion: 'Avenida Perú, edificio 2',
  pais: 'PA',
} as const;

/** The draft as the register completes it (issuer, number, date): what validateDocument checks. */
const complete = (draft: object) => ({
  ...draft,
  codigoSucursalEmisor: '0000',
  tipoEmision: '01',
  numeroDocumentoFiscal: '1',
  puntoFacturacionFiscal: '001',
  fechaEmision: '2026-11-28T10:15:00-05:00',
  naturalezaOperacion: '01',
  tipoOperacion: '1',
  destinoOperacion: '1',
  formatoCAFE: '2',
  entregaCAFE: '2',
  envioContenedor: '1',
  procesoGeneracion: '1',
});

const cart = [product('A', '4.25', '01'), product('B', '1.10', '00'), product('C', '10.00', '02')].reduce(
  (state, p) => cartReducer(state, { type: 'add', product: p }),
  EMPTY_CART,
);

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
    expect(validateDocument(complete(built.draft))).toMatchObject({ ok: true });
  });

  it('puts the CPBS codes (abbreviation derived) and unit on the items of a sale to the State, and the core accepts it', () => {
    const classified = [
      { ...product('G1', '4.80', '01'), codigoCPBS: '1411', unidadMedidaCPBS: 'Paquete' },
      { ...product('G2', '0.85', '01'), codigoCPBS: '5020', unidadMedidaCPBS: 'Botella' },
    ].reduce((state, p) => cartReducer(state, { type: 'add', product: p }), EMPTY_CART);
    const built = buildSaleDraft(classified.lines, GOBIERNO, [{ key: 1, forma: '02', amount: '6.05' }]);
    if (!built.ok) throw new Error(`expected a draft, got ${built.problem}`);
    expect(built.draft.items).toEqual([
      expect.objectContaining({ codigo: 'G1', codigoCPBSAbrev: '14', codigoCPBS: '1411', unidadMedidaCPBS: 'Paquete' }),
      expect.objectContaining({ codigo: 'G2', codigoCPBSAbrev: '50', codigoCPBS: '5020', unidadMedidaCPBS: 'Botella' }),
    ]);
    expect(validateDocument(complete(built.draft))).toMatchObject({ ok: true });
  });

  it('sends no CPBS fields on a sale that is not to the State', () => {
    const classified = cartReducer(EMPTY_CART, {
      type: 'add',
      product: { ...product('G1', '4.80', '01'), codigoCPBS: '1411', unidadMedidaCPBS: 'Paquete' },
    });
    const built = buildSaleDraft(classified.lines, CONSUMIDOR_FINAL, []);
    if (!built.ok) throw new Error('expected a draft');
    expect(Object.keys(built.draft.items[0] ?? {}).filter((k) => k.includes('CPBS'))).toEqual([]);
  });

  it('refuses a sale to the State naming each product without a CPBS code or unit once, before anything is sent', () => {
    const mixed = [
      { ...product('G1', '4.80', '01'), codigoCPBS: '1411', unidadMedidaCPBS: 'Paquete' },
      { ...product('G3', '1.00', '01'), codigoCPBS: '5020', unidadMedidaCPBS: null },
      product('A', '4.25', '01'),
      { ...product('B', '1.10', '00'), codigoCPBS: null },
    ].reduce((state, p) => cartReducer(state, { type: 'add', product: p }), EMPTY_CART);
    // A second line of A: its first line got a new price, so the next scan does not add to it.
    const repriced = cartReducer(mixed, {
      type: 'edit',
      key: mixed.lines[2]!.key,
      cantidad: '1',
      precioUnitario: '4.00',
      descuentoUnitario: '0',
    });
    const twoLinesOfA = cartReducer(repriced, { type: 'add', product: product('A', '4.25', '01') });
    expect(twoLinesOfA.lines.filter((l) => l.productId === 'A')).toHaveLength(2);
    expect(buildSaleDraft(twoLinesOfA.lines, GOBIERNO, [])).toEqual({
      ok: false,
      problem: 'cpbsMissing',
      products: [
        { codigo: 'G3', descripcion: 'Producto G3' },
        { codigo: 'A', descripcion: 'Producto A' },
        { codigo: 'B', descripcion: 'Producto B' },
      ],
    });
  });

  it('sends a line discount as precioUnitarioDescuento and a ticket discount as one global discount after ITBMS', () => {
    const discounted = cartReducer(cart, {
      type: 'edit',
      key: cart.lines[0]!.key,
      cantidad: '2',
      precioUnitario: '4.25',
      descuentoUnitario: '0.25',
    });
    // Items: 2 × (4.25 − 0.25) = 8.00 + ITBMS 0.56; 1.10 exempt; 10.00 + 1.00 → 20.66; 10 % = 2.066 → 2.07.
    const ticket = { kind: 'percent', value: '10' } as const;
    expect(previewTotals(discounted.lines, [], ticket)).toMatchObject({
      totalTodosItems: '20.66',
      totalDescuento: '2.07',
      totalFactura: '18.59',
    });
    const built = buildSaleDraft(
      discounted.lines,
      CONSUMIDOR_FINAL,
      [{ key: 1, forma: '02', amount: '18.59' }],
      ticket,
    );
    if (!built.ok) throw new Error('expected a draft');
    expect(built.draft.items[0]).toMatchObject({ precioUnitario: '4.25', precioUnitarioDescuento: '0.25' });
    expect(built.draft.descuentosGlobales).toEqual([{ descDescuento: 'Descuento 10 %', montoDescuento: '2.07' }]);
    expect(validateDocument(complete(built.draft))).toMatchObject({ ok: true });
  });

  it('refuses a ticket discount the basket no longer covers', () => {
    expect(buildSaleDraft(cart.lines, CONSUMIDOR_FINAL, [], { kind: 'amount', value: '16.65' })).toEqual({
      ok: false,
      problem: 'discountNotBelowTotal',
    });
  });

  it('refuses an empty cart before anything is sent', () => {
    expect(buildSaleDraft([], CONSUMIDOR_FINAL, [])).toEqual({ ok: false, problem: 'cartEmpty' });
  });
});
