// Issue 12 §3 rules of the till, each with the Spanish message the cashier or manager reads: export currency data
// (§2.4), sales to the State (§2.7 #7–9), credit terms (§2.12 rule 6).
import { describe, expect, it } from 'vitest';
import { CONTRIBUYENTE, aSale, anItem } from '../../../tests/fixtures/fiscal-documents';
import type { FiscalDocumentInput } from './document';
import { validateDocument } from './validate';

function violations(input: FiscalDocumentInput) {
  const result = validateDocument(input);
  return result.ok ? [] : result.violations.map((v) => ({ path: v.path, rule: v.rule, message: v.message }));
}

const FOREIGN = {
  tipoClienteFE: '04',
  tipoIdentificacion: '02',
  nroIdentificacionExtranjero: '900123456',
  pais: 'ES',
} as const;
/** One exempt item of 100.00: totalFactura 100.00. */
const anExport = (datos: NonNullable<FiscalDocumentInput['datosFacturaExportacion']>) =>
  aSale({
    tipoDocumento: '03',
    naturalezaOperacion: '02',
    destinoOperacion: '2',
    cliente: FOREIGN,
    items: [anItem({ precioUnitario: '100', tasaItbms: '00' })],
    pagos: [{ formaPagoFact: '08', valorCuotaPagada: '100.00' }],
    datosFacturaExportacion: datos,
  });

describe('export: currency, its name and the amount in it', () => {
  it('accepts EUR with tipoDeCambio × totalFactura (within a cent), and USD without exchange data', () => {
    expect(
      violations(
        anExport({
          condicionesEntrega: 'CIF',
          monedaOperExportacion: 'EUR',
          tipoDeCambio: '0.9213',
          montoMonedaExtranjera: '92.13',
        }),
      ),
    ).toEqual([]);
    expect(
      violations(
        anExport({
          condicionesEntrega: 'CIF',
          monedaOperExportacion: 'EUR',
          tipoDeCambio: '0.9213',
          montoMonedaExtranjera: '92.14',
        }),
      ),
    ).toEqual([]);
    expect(violations(anExport({ condicionesEntrega: 'FOB', monedaOperExportacion: 'USD' }))).toEqual([]);
  });

  it.each([
    [
      'an amount that is not the rate times the total',
      {
        condicionesEntrega: 'CIF',
        monedaOperExportacion: 'EUR',
        tipoDeCambio: '0.92',
        montoMonedaExtranjera: '100.00',
      },
      {
        path: 'datosFacturaExportacion.montoMonedaExtranjera',
        rule: 'export_amount_mismatch',
        message: 'Exportación: el monto en moneda extranjera debe ser el tipo de cambio por el total (92)',
      },
    ],
    [
      'ZZZ without the name of the currency',
      { condicionesEntrega: 'CIF', monedaOperExportacion: 'ZZZ', tipoDeCambio: '2.00', montoMonedaExtranjera: '200' },
      {
        path: 'datosFacturaExportacion.monedaOperExportacionNonDef',
        rule: 'export_currency_name_required',
        message: 'Exportación: con la moneda ZZZ (no listada) indique el nombre de la moneda',
      },
    ],
    [
      'a currency name with a listed code',
      { condicionesEntrega: 'FOB', monedaOperExportacion: 'USD', monedaOperExportacionNonDef: 'Dólar estadounidense' },
      {
        path: 'datosFacturaExportacion.monedaOperExportacionNonDef',
        rule: 'export_currency_name_not_allowed',
        message: 'Exportación: el nombre de la moneda solo se indica con el código ZZZ',
      },
    ],
    [
      'EUR without the exchange rate',
      { condicionesEntrega: 'CIF', monedaOperExportacion: 'EUR' },
      {
        path: 'datosFacturaExportacion.tipoDeCambio',
        rule: 'export_rate_required',
        message: 'Exportación: en otra moneda que USD indique el tipo de cambio y el monto en esa moneda',
      },
    ],
  ] as const)('refuses %s', (_what, datos, violation) => {
    expect(violations(anExport(datos))).toContainEqual(violation);
  });

  it('accepts ZZZ with its name', () => {
    expect(
      violations(
        anExport({
          condicionesEntrega: 'CIF',
          monedaOperExportacion: 'ZZZ',
          monedaOperExportacionNonDef: 'Bolívar soberano',
          tipoDeCambio: '36.50',
          montoMonedaExtranjera: '3650',
        }),
      ),
    ).toEqual([]);
  });
});

describe('sales to the State: CPBS code, its family and unit', () => {
  const estado = { ...CONTRIBUYENTE, tipoClienteFE: '03' } as const;

  it('needs the CPBS unit on every line', () => {
    expect(
      violations(aSale({ cliente: estado, items: [anItem({ codigoCPBSAbrev: '14', codigoCPBS: '1410' })] })),
    ).toEqual([
      {
        path: 'items[0].unidadMedidaCPBS',
        rule: 'cpbs_unit_required',
        message: 'Ítem 1: las ventas al Estado necesitan la unidad de medida CPBS',
      },
    ]);
    expect(
      violations(
        aSale({
          cliente: estado,
          items: [anItem({ codigoCPBSAbrev: '14', codigoCPBS: '1410', unidadMedidaCPBS: 'Resma' })],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses an abbreviation that is not the family of the code, on any sale', () => {
    expect(violations(aSale({ items: [anItem({ codigoCPBSAbrev: '50', codigoCPBS: '1410' })] }))).toEqual([
      {
        path: 'items[0].codigoCPBSAbrev',
        rule: 'cpbs_family_mismatch',
        message: 'Ítem 1: el código CPBS abreviado debe ser la familia del código CPBS (14)',
      },
    ]);
  });
});

describe('credit terms: instalments add up to the credited amount and fall due on or after the invoice date', () => {
  /** Total 4.55 (one item of 4.25 at 7 %), issued 2026-11-28. */
  const onTerm = (pagosPlazo: FiscalDocumentInput['pagosPlazo'], over: Partial<FiscalDocumentInput> = {}) =>
    aSale({ tiempoPago: '2', pagos: [{ formaPagoFact: '01', valorCuotaPagada: '4.55' }], pagosPlazo, ...over });

  it('accepts two instalments that add up to the total, the first due the same day', () => {
    expect(
      violations(
        onTerm([
          { fechaVenceCuota: '2026-11-28T00:00:00-05:00', valorCuota: '2.00' },
          { fechaVenceCuota: '2026-12-28T10:15:00-05:00', valorCuota: '2.55' },
        ]),
      ),
    ).toEqual([]);
  });

  it('refuses instalments that do not add up to the total on term', () => {
    expect(violations(onTerm([{ fechaVenceCuota: '2026-12-28T10:15:00-05:00', valorCuota: '4.50' }]))).toEqual([
      {
        path: 'pagosPlazo',
        rule: 'installments_total',
        message: 'Las cuotas (4.50) deben sumar el monto a crédito (4.55)',
      },
    ]);
  });

  it('refuses an instalment due before the invoice date', () => {
    expect(violations(onTerm([{ fechaVenceCuota: '2026-11-27T23:59:59-05:00', valorCuota: '4.55' }]))).toEqual([
      {
        path: 'pagosPlazo[0].fechaVenceCuota',
        rule: 'installment_before_issue',
        message: 'Cuota 1: la cuota no puede vencer antes de la fecha de emisión del documento',
      },
    ]);
  });

  it('on a mixed sale, the instalments cover the credit payment only', () => {
    const mixed = (valorCuota: string) =>
      onTerm([{ fechaVenceCuota: '2026-12-28T10:15:00-05:00', valorCuota }], {
        tiempoPago: '3',
        pagos: [
          { formaPagoFact: '02', valorCuotaPagada: '1.55' },
          { formaPagoFact: '01', valorCuotaPagada: '3.00' },
        ],
      });
    expect(violations(mixed('3.00'))).toEqual([]);
    expect(violations(mixed('4.55')).map((v) => v.rule)).toEqual(['installments_total']);
  });
});
