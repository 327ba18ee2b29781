import { describe, expect, it } from 'vitest';
import { aSale, anItem } from '../../../tests/fixtures/fiscal-documents';
import type { FiscalDocument } from './document';
import type { Item } from './item';
import { computeItemAmounts, computeTotals } from './totals';
import { decimalItemAmounts, decimalTotals } from './totals-decimal';
import { microsItemAmounts, microsTotals } from './totals-micros';

// Not parsed: the arithmetic must agree even beyond the DGI's digit limits, which the rules refuse after it.
const docOf = (overrides: Parameters<typeof aSale>[0]): FiscalDocument => aSale(overrides);

describe('totals in fixed-point micros', () => {
  it('equal the decimal.js totals at the edges: ties, the largest amounts, ISC, OTI, charges, change', () => {
    const doc = docOf({
      items: [
        anItem({ cantidad: '1.005', precioUnitario: '1', tasaItbms: '03' }),
        anItem({ cantidad: '999999999.999999', precioUnitario: '99999999999.999999', tasaItbms: '02' }),
        anItem({
          cantidad: '0.333',
          precioUnitario: '2.985',
          precioUnitarioDescuento: '0.015',
          isc: { tasa: '0.1325' },
        }),
        anItem({ isc: { monto: '0.125' }, otis: [{ codigo: '03', valor: '0.005' }], precioAcarreo: '1.115' }),
      ],
      descuentosGlobales: [{ descDescuento: 'Cliente', montoDescuento: '0.99' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '99999999999.99' }],
    });
    expect(microsTotals(doc)).toEqual(decimalTotals(doc));
    expect(JSON.stringify(computeTotals(doc))).toBe(JSON.stringify(decimalTotals(doc)));
  });

  it('equal them when discounts exceed the total (a negative total) and nothing is paid', () => {
    const doc = docOf({
      descuentosGlobales: [{ descDescuento: 'Todo', montoDescuento: '10.00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '0' }],
    });
    expect(microsTotals(doc)?.totalFactura).toBe('-5.45');
    expect(microsTotals(doc)).toEqual(decimalTotals(doc));
  });

  it('leave input outside the canonical strings to decimal.js, which keeps its results and its errors', () => {
    const numeric = { ...anItem(), cantidad: 2, precioUnitario: '1e1' } as unknown as Item;
    expect(microsItemAmounts(numeric)).toBeUndefined();
    expect(computeItemAmounts(numeric)).toEqual(decimalItemAmounts(numeric));
    expect(computeItemAmounts(numeric).valorTotal).toBe('21.40');
    const unreadable = { ...anItem(), precioUnitario: 'abc' };
    expect(() => computeItemAmounts(unreadable)).toThrow();
    const badPayment = { ...docOf({}), pagos: [{ formaPagoFact: '02', valorCuotaPagada: '4.5' }] };
    expect(microsTotals({ ...badPayment, totalAcarreoCobrado: 1 } as unknown as FiscalDocument)).toBeUndefined();
  });
});
