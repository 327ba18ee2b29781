import { describe, expect, it } from 'vitest';
import { anItem, aSale } from '../../../tests/fixtures/fiscal-documents';
import { fiscalDocumentSchema } from './document';
import { itemSchema, type ItemInput } from './item';
import { computeItemAmounts, computeTotals } from './totals';

const amountsOf = (item: ItemInput) => computeItemAmounts(itemSchema.parse(item));
const totalsOf = (input: Parameters<typeof aSale>[0]) => computeTotals(fiscalDocumentSchema.parse(aSale(input)));

describe('computeItemAmounts (REFERENCE.md §2.13 per item)', () => {
  it('applies the unit discount before ITBMS', () => {
    const amounts = amountsOf(
      anItem({ cantidad: '2', precioUnitario: '500', precioUnitarioDescuento: '100', descripcion: 'Pencil' }),
    );
    expect(amounts).toEqual({
      precioItem: '800.00',
      valorITBMS: '56.00',
      valorTotal: '856.00',
      descuento: '200.00',
      otis: '0.00',
      cargos: '0.00',
    });
  });

  it("rounds every line amount half-up to 2 decimals, as the DGI's own documents carry them", () => {
    // HKA's samples send 0.3885 and 5.9385 here (decision 0008); the DGI's signed rFE carries 0.39 and 5.94.
    const amounts = amountsOf(anItem({ precioUnitario: '5.55' }));
    expect(amounts.valorITBMS).toBe('0.39');
    expect(amounts.valorTotal).toBe('5.94');
  });

  it('rounds a 6-decimal price × 6-decimal quantity half-up to 2 decimals, and the ITBMS from that rounded base', () => {
    const amounts = amountsOf(anItem({ cantidad: '0.333333', precioUnitario: '1.000001', tasaItbms: '00' }));
    expect(amounts.precioItem).toBe('0.33'); // 0.333333333333 → 0.33
    expect(amounts.valorITBMS).toBe('0.00');
    // 3 × 2.345 = 7.035 → 7.04; the ITBMS is taken on the line's rounded base: 10 % of 7.04 = 0.704 → 0.70
    expect(amountsOf(anItem({ cantidad: '3', precioUnitario: '2.345', tasaItbms: '02' }))).toMatchObject({
      precioItem: '7.04',
      valorITBMS: '0.70',
      valorTotal: '7.74',
    });
    // 1 × 0.05 at 10 % = 0.005 → 0.01 half-up
    expect(amountsOf(anItem({ precioUnitario: '0.05', tasaItbms: '02' })).valorITBMS).toBe('0.01');
  });

  it('adds ISC (rate or fixed) and OTI to valorTotal', () => {
    const byRate = amountsOf(anItem({ precioUnitario: '100', tasaItbms: '01', isc: { tasa: '0.05' } }));
    expect(byRate).toMatchObject({ valorISC: '5.00', valorTotal: '112.00' });
    const fixed = amountsOf(
      anItem({
        precioUnitario: '1234.12',
        otis: [
          { codigo: '01', valor: '14.81' },
          { codigo: '02', valor: '0.02' },
        ],
      }),
    );
    expect(fixed.valorITBMS).toBe('86.39'); // HKA's wiki sample: 86.3884
    expect(fixed).toMatchObject({ otis: '14.83', valorTotal: '1335.34' }); // wiki: 1335.3384
  });

  it('rounds a fixed ISC, OTI amounts, freight and insurance of 6 decimals to 2 before adding them', () => {
    const amounts = amountsOf(
      anItem({
        precioUnitario: '10',
        tasaItbms: '00',
        isc: { monto: '0.125' },
        otis: [{ codigo: '01', valor: '0.005' }],
        precioAcarreo: '1.004',
        precioSeguro: '0.335',
      }),
    );
    expect(amounts).toMatchObject({ valorISC: '0.13', otis: '0.01', cargos: '1.34', valorTotal: '11.48' });
  });
});

describe('computeTotals (REFERENCE.md §2.13 document)', () => {
  it('reproduces the wiki Enviar sample: 1335.34 total, 101.22 gravado', () => {
    const t = totalsOf({
      items: [
        anItem({
          precioUnitario: '1234.12',
          otis: [
            { codigo: '01', valor: '14.81' },
            { codigo: '02', valor: '0.02' },
          ],
        }),
      ],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1335.34' }],
    });
    expect(t).toMatchObject({
      totalPrecioNeto: '1234.12',
      totalITBMS: '86.39',
      totalMontoGravado: '101.22',
      totalTodosItems: '1335.34',
      totalFactura: '1335.34',
      vuelto: '0.00',
      totalesOti: [
        { codigo: '01', valor: '14.81' },
        { codigo: '02', valor: '0.02' },
      ],
    });
  });

  it('lists OTI totals in code order (JavaScript would put the integer-like code 10 first)', () => {
    const t = totalsOf({
      items: [
        anItem({ otis: [{ codigo: '10', valor: '1.00' }] }),
        anItem({
          otis: [
            { codigo: '01', valor: '0.50' },
            { codigo: '10', valor: '0.25' },
          ],
        }),
      ],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20' }],
    });
    expect(t.totalesOti).toEqual([
      { codigo: '01', valor: '0.50' },
      { codigo: '10', valor: '1.25' },
    ]);
  });

  it('takes global discounts off after ITBMS (wiki: 1070.00 − 100.00 = 970.00)', () => {
    const t = totalsOf({
      items: [anItem({ precioUnitario: '500' }), anItem({ precioUnitario: '500' })],
      descuentosGlobales: [{ descDescuento: 'DESCUENTO DE 100 BALBOAS', montoDescuento: '100.00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '970' }],
    });
    expect(t).toMatchObject({
      totalITBMS: '70.00',
      totalTodosItems: '1070.00',
      totalDescuento: '100.00',
      totalFactura: '970.00',
    });
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

  it('adds the rounded line values: several 7 % lines whose ITBMS rounds differently line by line than in sum', () => {
    // 35 × 0.35 = 12.25 at 7 % → 0.8575 ITBMS per line, 0.86 once rounded. Four such lines: the DGI's documents carry
    // 4 × 0.86 = 3.44 (what a receipt listing the lines adds up to); rounding the exact sum once gave 3.43.
    const line = anItem({ cantidad: '35', precioUnitario: '0.35', tasaItbms: '01' });
    expect(amountsOf(line)).toMatchObject({ precioItem: '12.25', valorITBMS: '0.86', valorTotal: '13.11' });
    const t = totalsOf({ items: [line, line, line, line], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '60' }] });
    expect(t).toMatchObject({
      totalPrecioNeto: '49.00',
      totalITBMS: '3.44',
      totalTodosItems: '52.44',
      totalFactura: '52.44',
    });
    expect(t.porTasa).toEqual([{ tasaItbms: '01', base: '49.00', itbms: '3.44' }]);
  });

  it("keeps the difference of the two policies within a cent per line on a large basket (the issue's 200 lines)", () => {
    // 200 lines of 0.05 at 10 %: 0.005 ITBMS each, 0.01 once rounded. Sum of lines 2.00; exact sum 1.00 rounded once.
    const t = totalsOf({
      items: Array.from({ length: 200 }, () => anItem({ precioUnitario: '0.05', tasaItbms: '02' })),
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20' }],
    });
    expect(t).toMatchObject({ totalPrecioNeto: '10.00', totalITBMS: '2.00', totalFactura: '12.00' });
  });
});
