import { describe, expect, it } from 'vitest';
import { anItem, aSale } from '../../../tests/fixtures/fiscal-documents';
import { fiscalDocumentSchema } from './document';
import { itemSchema, type ItemInput } from './item';
import { computeItemAmounts, computeTotals } from './totals';

const amountsOf = (item: ItemInput) => computeItemAmounts(itemSchema.parse(item));
const totalsOf = (input: Parameters<typeof aSale>[0]) => computeTotals(fiscalDocumentSchema.parse(aSale(input)));

describe('computeItemAmounts (REFERENCE.md §2.13 per item)', () => {
  it('applies the unit discount before ITBMS', () => {
    const amounts = amountsOf(anItem({ cantidad: '2', precioUnitario: '500', precioUnitarioDescuento: '100', descripcion: 'Pencil' }));
    expect(amounts).toEqual({ precioItem: '800.00', valorITBMS: '56.00', valorTotal: '856.00', descuento: '200.00' });
  });

  it('keeps item values exact up to 6 decimals, as HKA samples do', () => {
    const amounts = amountsOf(anItem({ precioUnitario: '5.55' }));
    expect(amounts.valorITBMS).toBe('0.3885');
    expect(amounts.valorTotal).toBe('5.9385');
  });

  it('rounds a 6-decimal price × 6-decimal quantity half-up to 6 decimals', () => {
    const amounts = amountsOf(anItem({ cantidad: '0.333333', precioUnitario: '1.000001', tasaItbms: '00' }));
    expect(amounts.precioItem).toBe('0.333333'); // 0.333333333333 → 0.333333
    expect(amounts.valorITBMS).toBe('0.00');
  });

  it('adds ISC (rate or fixed) and OTI to valorTotal', () => {
    const byRate = amountsOf(anItem({ precioUnitario: '100', tasaItbms: '01', isc: { tasa: '0.05' } }));
    expect(byRate).toMatchObject({ valorISC: '5.00', valorTotal: '112.00' });
    const fixed = amountsOf(anItem({ precioUnitario: '1234.12', otis: [{ codigo: '01', valor: '14.81' }, { codigo: '02', valor: '0.02' }] }));
    expect(fixed.valorITBMS).toBe('86.3884');
    expect(fixed.valorTotal).toBe('1335.3384');
  });
});

describe('computeTotals (REFERENCE.md §2.13 document)', () => {
  it('reproduces the wiki Enviar sample: 1335.34 total, 101.22 gravado', () => {
    const t = totalsOf({
      items: [anItem({ precioUnitario: '1234.12', otis: [{ codigo: '01', valor: '14.81' }, { codigo: '02', valor: '0.02' }] })],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1335.34' }],
    });
    expect(t).toMatchObject({
      totalPrecioNeto: '1234.12',
      totalITBMS: '86.39',
      totalMontoGravado: '101.22',
      totalTodosItems: '1335.34',
      totalFactura: '1335.34',
      vuelto: '0.00',
      totalesOti: [{ codigo: '01', valor: '14.81' }, { codigo: '02', valor: '0.02' }],
    });
  });

  it('lists OTI totals in code order (JavaScript would put the integer-like code 10 first)', () => {
    const t = totalsOf({
      items: [anItem({ otis: [{ codigo: '10', valor: '1.00' }] }), anItem({ otis: [{ codigo: '01', valor: '0.50' }, { codigo: '10', valor: '0.25' }] })],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20' }],
    });
    expect(t.totalesOti).toEqual([{ codigo: '01', valor: '0.50' }, { codigo: '10', valor: '1.25' }]);
  });

  it('takes global discounts off after ITBMS (wiki: 1070.00 − 100.00 = 970.00)', () => {
    const t = totalsOf({
      items: [anItem({ precioUnitario: '500' }), anItem({ precioUnitario: '500' })],
      descuentosGlobales: [{ descDescuento: 'DESCUENTO DE 100 BALBOAS', montoDescuento: '100.00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '970' }],
    });
    expect(t).toMatchObject({ totalITBMS: '70.00', totalTodosItems: '1070.00', totalDescuento: '100.00', totalFactura: '970.00' });
  });

  it('computes change and per-rate subtotals across all four ITBMS rates', () => {
    const t = totalsOf({
      items: [
        anItem({ precioUnitario: '10', tasaItbms: '00' }),
        anItem({ precioUnitario: '10', tasaItbms: '01' }),
        anItem({ precioUnitario: '10', tasaItbms: '02' }),
        anItem({ precioUnitario: '10', tasaItbms: '03', cantidad: '3' }),
      ],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '100' }],
    });
    expect(t.totalPrecioNeto).toBe('60.00');
    expect(t.totalITBMS).toBe('6.20'); // 0 + 0.70 + 1.00 + 4.50
    expect(t.totalFactura).toBe('66.20');
    expect(t.vuelto).toBe('33.80');
    expect(t.nroItems).toBe(4);
    expect(t.porTasa).toEqual([
      { tasaItbms: '00', base: '10.00', itbms: '0.00' },
      { tasaItbms: '01', base: '10.00', itbms: '0.70' },
      { tasaItbms: '02', base: '10.00', itbms: '1.00' },
      { tasaItbms: '03', base: '30.00', itbms: '4.50' },
    ]);
  });

  it('sums item values exactly before rounding the total once', () => {
    // Three items of 0.3885 ITBMS: rounding each first would give 1.17; the exact sum 1.1655 gives 1.17 too,
    // but 0.335 ×3 shows the difference: per-item rounding 1.02, exact 1.005 → 1.01.
    const t = totalsOf({
      items: [1, 2, 3].map(() => anItem({ precioUnitario: '3.35', tasaItbms: '02' })),
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20' }],
    });
    expect(t.totalITBMS).toBe('1.01');
  });
});
